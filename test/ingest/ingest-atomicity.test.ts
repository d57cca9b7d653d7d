import { cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed, SEED_NAMES } from '../helpers/seeds.js';
import { runTs } from './run-child.js';
import { replaceAll, writeFiles } from './variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');
const TABLES = ['orgs', 'org_aliases', 'reports', 'report_sections', 'metrics', 'findings'];

function snapshot(t: { sqlite: TestDb['sqlite'] }) {
  return Object.fromEntries(TABLES.map((x) => [x, t.sqlite.prepare(`SELECT count(*) FROM ${x}`).pluck().get()]));
}

function storedFiles(t: { sqlite: TestDb['sqlite'] }): string[] {
  return (t.sqlite.prepare('SELECT file_name FROM reports ORDER BY file_name').pluck().all() as string[]).sort();
}

function assertConsistent(t: { sqlite: TestDb['sqlite'] }) {
  expect(t.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(t.sqlite.pragma('foreign_key_check')).toEqual([]);
  // Every report has its metrics and sections: none was left half-written.
  const bare = t.sqlite
    .prepare(
      `SELECT file_name FROM reports r WHERE NOT EXISTS (SELECT 1 FROM metrics m WHERE m.report_id = r.id)
          OR NOT EXISTS (SELECT 1 FROM report_sections s WHERE s.report_id = r.id)`,
    )
    .all();
  expect(bare).toEqual([]);
}

describe('one transaction per report', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.dispose());

  it('a failure in the middle of a batch writes nothing of that report; the rest go in; a re-run completes it', async () => {
    const failing = join(SEED_DIR, 'longtan-2020.txt');
    const s = await ingestPaths(t, [SEED_DIR], {
      beforeCommit: (file) => {
        if (file === 'longtan-2020.txt') throw new Error('磁盘已满（测试注入）');
      },
    });
    expect(s.stored.map((r) => basename(r.file)).sort()).toEqual(
      SEED_NAMES.filter((n) => n !== 'longtan-2020')
        .map((n) => `${n}.txt`)
        .sort(),
    );
    expect(s.rejected).toEqual([{ file: failing, reason: expect.stringContaining('磁盘已满（测试注入）') }]);
    expect(s.rejected[0]!.reason).toContain('未写入任何内容');

    // Nothing of 龙潭镇: no organisation, no alias, no report, no metric.
    expect(t.sqlite.prepare(`SELECT count(*) FROM orgs WHERE name = '龙潭镇'`).pluck().get()).toBe(0);
    expect(t.sqlite.prepare(`SELECT count(*) FROM org_aliases WHERE alias LIKE '%龙潭%'`).pluck().get()).toBe(0);
    expect(storedFiles(t)).not.toContain('longtan-2020.txt');
    assertConsistent(t);

    const again = await ingestPaths(t, [SEED_DIR]);
    expect(again.stored.map((r) => r.file)).toEqual([failing]);
    expect(again.unchanged).toHaveLength(4);
    expect(again.rejected).toEqual([]);
    expect(storedFiles(t)).toContain('longtan-2020.txt');
  });

  it('a failing replacement leaves the old version current', async () => {
    await ingestPaths(t, [join(SEED_DIR, 'kangzhuang-2020.txt')]);
    const before = snapshot(t);
    const dir = writeFiles(join(t.dir, 'fix'), {
      'kangzhuang-fix.txt': replaceAll(readSeed('kangzhuang-2020'), '共公开政务信息170条', '共公开政务信息171条'),
    });
    const s = await ingestPaths(t, [dir], {
      beforeCommit: () => {
        throw new Error('boom');
      },
    });
    expect(s.rejected).toHaveLength(1);
    expect(snapshot(t)).toEqual(before);
    expect(t.sqlite.prepare('SELECT file_name FROM reports WHERE is_current = 1').pluck().all()).toEqual(['kangzhuang-2020.txt']);
  });

  it('a process killed inside a transaction loses nothing it had reported stored, and a re-run finishes the job', async () => {
    // The kill comes at the third file (longtan, in name order); 8 more towns of 沂源县 come after it.
    const dir = join(t.dir, 'batch');
    cpSync(SEED_DIR, dir, { recursive: true });
    const towns = ['南麻', '悦庄', '东里', '石桥', '大张庄', '中庄', '燕崖', '西里'];
    writeFiles(
      dir,
      Object.fromEntries(towns.map((n, i) => [`town-${i}.txt`, replaceAll(readSeed('zhangjiapo-2021'), '张家坡', n).replace(/95条/, `${100 + i}条`)])),
    );
    const crashOn = 'longtan-2020.txt';
    const child = await runTs('test/ingest/crash-ingest.script.ts', [t.path, crashOn, dir]);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('FINISHED');
    const reported = child.stdout
      .split('\n')
      .filter((l) => l.startsWith('STORED '))
      .map((l) => l.slice('STORED '.length))
      .sort();
    expect(reported.length).toBeGreaterThan(0);

    // A fresh connection, as after a restart: exactly what was reported, consistent, nothing of the crashed file.
    const after = openDb(t.path);
    try {
      expect(storedFiles(after)).toEqual(reported);
      expect(storedFiles(after)).not.toContain(crashOn);
      assertConsistent(after);
    } finally {
      after.close();
    }

    const rerun = await ingestPaths(t, [dir]);
    expect(rerun.rejected).toEqual([]);
    expect(rerun.unchanged.map((r) => basename(r.file)).sort()).toEqual(reported);
    expect(rerun.stored.map((r) => basename(r.file))).toContain(crashOn);
    expect(storedFiles(t)).toHaveLength(5 + towns.length);
    assertConsistent(t);
  });
});
