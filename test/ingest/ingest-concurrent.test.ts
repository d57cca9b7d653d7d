import { cpSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDb } from '../../db/client.js';
import { tempDir } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { runCli } from './run-child.js';
import { replaceAll, writeFiles } from './variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');

interface IngestJson {
  stored: string[];
  unchanged: string[];
  replaced: string[];
  rejected: Array<{ file: string; reason: string }>;
}

describe('two ingests at once on one database file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('both finish, every report is stored exactly once, and the file is consistent', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = join(dir, 'data/nianbao.db'); // not created yet: both processes also race to create and migrate it
    const town = (n: string, i: number) => replaceAll(readSeed('zhangjiapo-2021'), '张家坡', n).replace(/95条/, `${200 + i}条`);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    cpSync(SEED_DIR, join(a, 'seeds'), { recursive: true });
    cpSync(SEED_DIR, join(b, 'seeds'), { recursive: true });
    writeFiles(a, Object.fromEntries(['南麻', '悦庄', '东里', '石桥'].map((n, i) => [`only-a-${i}.txt`, town(n, i)])));
    writeFiles(b, Object.fromEntries(['中庄', '燕崖', '西里', '鲁村'].map((n, i) => [`only-b-${i}.txt`, town(n, i + 10)])));

    const [ra, rb] = await Promise.all([runCli(['--db', db, 'ingest', a, '--json']), runCli(['--db', db, 'ingest', b, '--json'])]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const ja = JSON.parse(ra.stdout) as IngestJson;
    const jb = JSON.parse(rb.stdout) as IngestJson;
    expect([ja.rejected, jb.rejected, ja.replaced, jb.replaced]).toEqual([[], [], [], []]);

    // Each seed went in through exactly one of the two; the other saw it as unchanged.
    const seedsStored = [...ja.stored, ...jb.stored].filter((f) => f.includes('/seeds/')).map((f) => basename(f));
    expect(seedsStored.sort()).toEqual(['daliuzhuang-2022.txt', 'kangzhuang-2020.txt', 'longtan-2020.txt', 'mianyang-2021.txt', 'zhangjiapo-2021.txt']);
    expect(ja.stored.length + ja.unchanged.length).toBe(9);
    expect(jb.stored.length + jb.unchanged.length).toBe(9);
    expect(ja.unchanged.length + jb.unchanged.length).toBe(5);

    const h = openDb(db);
    try {
      expect(h.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(13);
      expect(h.sqlite.prepare('SELECT count(*) FROM orgs').pluck().get()).toBe(13);
      // Each committed migration recorded once, though two processes raced to apply them.
      expect(h.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
        readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length,
      );
      expect(h.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      h.close();
    }
  });
});
