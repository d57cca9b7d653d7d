import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { readSeed } from '../helpers/seeds.js';
import { writeFiles } from './variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');

describe('nianbao ingest', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.dispose());

  it('--json prints one document; exit 0 when everything was stored or unchanged', async () => {
    const first = await runCli(['--db', t.path, '--now', '2027-02-01T10:00:00+08:00', 'ingest', SEED_DIR, '--json']);
    expect(first.code).toBe(0);
    const j = JSON.parse(first.stdout);
    expect(Object.keys(j)).toEqual(['stored', 'unchanged', 'replaced', 'rejected']);
    expect(j.stored).toHaveLength(5);
    expect(j.stored).toContain(join(SEED_DIR, 'kangzhuang-2020.txt'));
    expect(t.sqlite.prepare('SELECT DISTINCT ingested_at FROM reports').pluck().all()).toEqual(['2027-02-01T02:00:00.000Z']);

    const second = await runCli(['--db', t.path, 'ingest', SEED_DIR, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ stored: [], unchanged: j.stored, replaced: [], rejected: [] });
  });

  it('prints the summary and one line per rejected file, and exits 1', async () => {
    const dir = join(t.dir, 'in');
    cpSync(SEED_DIR, dir, { recursive: true });
    writeFiles(dir, { 'empty.txt': '', 'scan.pdf': '%PDF-1.4\n%âãÏÓ\n' });
    const r = await runCli(['--db', t.path, 'ingest', dir, join(t.dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('已入库 5，未变化 0，已替换 0，拒收 3');
    expect(lines).toContain(`拒收 ${join(dir, 'empty.txt')}：文件是空的`);
    expect(lines.find((l) => l.startsWith(`拒收 ${join(dir, 'scan.pdf')}：`))).toContain('PDF');
    expect(lines).toContain(`拒收 ${join(t.dir, 'missing.txt')}：找不到这个文件或文件夹`);
    expect(r.stderr).toContain('3 个文件被拒收');
  });

  it('does not offer its own database file as a report when it sits in the folder', async () => {
    cpSync(SEED_DIR, join(t.dir, 'reports'), { recursive: true });
    const r = await runCli(['--db', t.path, 'ingest', t.dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rejected: [] });
    expect(JSON.parse(r.stdout).stored).toHaveLength(5);
  });

  it('--verbose reports each file as it is done', async () => {
    const r = await runCli(['--db', t.path, 'ingest', join(SEED_DIR, 'longtan-2020.txt'), join(SEED_DIR, 'mianyang-2021.txt'), '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([`已入库 ${join(SEED_DIR, 'longtan-2020.txt')}`, `已入库 ${join(SEED_DIR, 'mianyang-2021.txt')}`]);
  });

  it('names the cross-report findings it raised', async () => {
    await runCli(['--db', t.path, 'ingest', join(SEED_DIR, 'kangzhuang-2020.txt')]);
    const dir = writeFiles(join(t.dir, 'fix'), {
      'kangzhuang-fix.txt': readSeed('kangzhuang-2020').replace('170条', '171条'),
    });
    const r = await runCli(['--db', t.path, 'ingest', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('康庄镇2020年度 报告发布后被修改（CHANGED_AFTER_PUBLICATION）');
    expect(r.stdout).toContain('已入库 0，未变化 0，已替换 1，拒收 0');
  });
});

describe('nianbao migrate', () => {
  it('creates the database, then reports it up to date', async () => {
    const t = createTestDb();
    try {
      const path = join(t.dir, 'fresh/other.db');
      const first = await runCli(['--db', path, 'migrate']);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/数据库已升级.*应用了 \d+ 个迁移/);
      const again = await runCli(['--db', path, 'migrate']);
      expect(again.stdout).toContain('数据库已是最新');
    } finally {
      t.dispose();
    }
  });
});
