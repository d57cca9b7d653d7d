import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client.js';
import { deferIndexes, DEFERRABLE_INDEXES } from '../../db/deferred-indexes.js';
import { ingestPaths, PARSE_POOL_MIN_FILES } from '../../src/ingest/ingest.js';
import { createTestDb, tempDir, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, writeFiles } from '../ingest/variants.js';
import { runTs } from '../ingest/run-child.js';

/**
 * The metrics index by key makes a national ranking read one run of an index, but costs every
 * report's commit a page per metric: a large ingest takes it down and builds it once at the end.
 * Whatever happens to that ingest, the index comes back, and answers are the same without it.
 */

const INDEX = DEFERRABLE_INDEXES[0];
const MIGRATIONS = join(import.meta.dirname, '../../db/migrations');
const SEED = readSeed('zhangjiapo-2021');
const CHARS = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];

/** Enough reports of different towns for ingest to take its bulk path. */
function corpus(dir: string, n = PARSE_POOL_MIN_FILES + 5): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const name = `${CHARS[i % CHARS.length]}${CHARS[40 + Math.floor(i / CHARS.length)]}`;
    files[`r${String(i).padStart(3, '0')}.txt`] = replaceAll(SEED, '张家坡', name);
  }
  return writeFiles(dir, files);
}

const indexSql = (h: DbHandle) => h.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(INDEX) as string | undefined;
const deferred = (h: DbHandle) => h.sqlite.prepare('SELECT name, pid FROM deferred_indexes').all() as Array<{ name: string; pid: number }>;
/** The column as the table holds it, read without any index by key. */
const column = (h: DbHandle, year: number, key: string) =>
  (
    h.sqlite
      .prepare(
        'SELECT m.report_id AS reportId, m.value FROM metrics m NOT INDEXED JOIN reports r ON r.id = m.report_id WHERE m.key = ? AND r.year = ? AND r.is_current = 1 ORDER BY m.report_id',
      )
      .all(key, year) as Array<{ reportId: number; value: number | null }>
  ).map((x) => ({ ...x }));
const sorted = (column: ReadonlyMap<number, number | null>) =>
  [...column].map(([reportId, value]) => ({ reportId, value })).sort((a, b) => a.reportId - b.reportId);

describe('the metrics index by key around large ingests', () => {
  const dbs: TestDb[] = [];
  afterEach(() => {
    for (const d of dbs.splice(0)) d.dispose();
  });

  it('is declared by the migrations, as the schema says', () => {
    const t = createTestDb();
    dbs.push(t);
    const migration = readFileSync(join(MIGRATIONS, '0010_metrics_by_key.sql'), 'utf8');
    expect(migration).toContain(`CREATE INDEX \`${INDEX}\` ON \`metrics\` (\`key\`,\`report_id\`,\`value\`)`);
    expect(indexSql(t)).toContain('`key`,`report_id`,`value`');
  });

  it('is down while a large ingest writes and back, as declared, when it ends', async () => {
    const t = createTestDb();
    dbs.push(t);
    const declared = indexSql(t);
    const seen: Array<string | undefined> = [];
    const summary = await ingestPaths(t, [corpus(tempDir())], { workers: 0, beforeCommit: () => void seen.push(indexSql(t)) });
    expect(summary.stored).toHaveLength(PARSE_POOL_MIN_FILES + 5);
    expect(seen.every((s) => s === undefined)).toBe(true);
    expect(indexSql(t)).toBe(declared);
    expect(deferred(t)).toEqual([]);
    const year = t.stores.reports.years()[0]!;
    const read = t.stores.reports.figureOfYear(year, 'applications.new.total');
    expect(read.size).toBe(PARSE_POOL_MIN_FILES + 5);
    expect(sorted(read)).toEqual(column(t, year, 'applications.new.total'));
  });

  it('stays up for a few files into a database that already has many', async () => {
    const t = createTestDb();
    dbs.push(t);
    await ingestPaths(t, [join(import.meta.dirname, '../fixtures/seed-reports')]);
    const restore = deferIndexes(t.sqlite, 1, new Date());
    expect(indexSql(t)).toBeDefined();
    restore();
    expect(deferred(t)).toEqual([]);
  });

  it('answers the same while the index is down for a live ingest, and is left to that ingest', async () => {
    const t = createTestDb();
    dbs.push(t);
    await ingestPaths(t, [join(import.meta.dirname, '../fixtures/seed-reports')]);
    const before = t.stores.reports.figureOfYear(2021, 'applications.new.total');
    const restore = deferIndexes(t.sqlite, 100, new Date());
    expect(indexSql(t)).toBeUndefined();
    // Another connection opening now (the service starting) must not build it under the ingest.
    const other = t.reopen();
    expect(indexSql(other)).toBeUndefined();
    expect(deferred(other)).toEqual([{ name: INDEX, pid: process.pid }]);
    expect(sorted(other.stores.reports.figureOfYear(2021, 'applications.new.total'))).toEqual(sorted(before));
    restore();
    expect(indexSql(other)).toBeDefined();
    expect(deferred(other)).toEqual([]);
  });

  it('comes back on the next open when the ingest that took it down was killed', async () => {
    const t = createTestDb();
    dbs.push(t);
    const declared = indexSql(t);
    const dir = corpus(tempDir());
    const child = await runTs('test/ingest/crash-ingest.script.ts', [t.path, 'r050.txt', dir]);
    expect(child.signal).toBe('SIGKILL');
    expect(indexSql(t)).toBeUndefined();
    expect(deferred(t)).toHaveLength(1);
    const after = openDb(t.path);
    try {
      expect(indexSql(after)).toBe(declared);
      expect(deferred(after)).toEqual([]);
      const year = after.stores.reports.years()[0]!;
      expect(sorted(after.stores.reports.figureOfYear(year, 'applications.new.total'))).toEqual(column(after, year, 'applications.new.total'));
    } finally {
      after.close();
    }
  });
});
