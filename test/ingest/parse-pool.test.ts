import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { ingestPaths, PARSE_POOL_MIN_FILES, type IngestSummary } from '../../src/ingest/ingest.js';
import { startParsePool } from '../../src/ingest/parse-pool.js';
import { createTestDb, tempDir, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, shiftYears, writeFiles } from './variants.js';

/**
 * A large ingest parses in worker threads while the main thread writes. Whatever the workers do,
 * the database and the summary must be exactly those of an ingest that parses in-process.
 */

const SEED = readSeed('zhangjiapo-2021');
const CHARS = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];
const REGIONS = ['青岚县', '潼湾县', '梧桐区'];

function corpus(dir: string): string {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < PARSE_POOL_MIN_FILES + 20; i++) {
    const name = `${CHARS[i % CHARS.length]}${CHARS[40 + Math.floor(i / CHARS.length)]}`;
    let text = replaceAll(replaceAll(SEED, '张家坡', name), '沂源县', REGIONS[i % REGIONS.length]!);
    // Signed on different days, some after 31 January; some a year later.
    text = replaceAll(text, '2022年1月15日', `2022年${1 + (i % 3)}月${5 + (i % 20)}日`);
    if (i % 4 === 0) text = shiftYears(text, 1);
    files[`r${String(i).padStart(3, '0')}.txt`] = text;
  }
  files['z-copy.txt'] = files['r001.txt']!;
  // A corrected version of an earlier report: stored as a replacement.
  files['z-corrected.txt'] = `${files['r002.txt'] as string}\n（本报告已更正）`;
  files['z-empty.txt'] = '';
  files['z-binary.txt'] = new Uint8Array([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]);
  files['z-not-a-report.txt'] = '会议通知\n定于下周一召开全体会议。';
  return writeFiles(dir, files);
}

function dump(h: DbHandle) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['orgs', 'org_aliases', 'reports', 'report_sections', 'metrics', 'findings']) {
    out[t] = h.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all();
  }
  return out;
}

const strip = (s: IngestSummary) => JSON.parse(JSON.stringify(s)) as IngestSummary;

describe('ingest with parse workers', () => {
  const dbs: TestDb[] = [];
  afterEach(() => {
    for (const d of dbs.splice(0)) d.dispose();
  });

  it('starts workers that parse every file', async () => {
    const dir = corpus(tempDir());
    const paths = Array.from({ length: 5 }, (_, i) => join(dir, `r00${i}.txt`));
    const pool = await startParsePool(paths, 2);
    expect(pool).not.toBeNull();
    try {
      for (let i = 0; i < paths.length; i++) {
        const r = await pool!.take(i);
        expect(r?.kind).toBe('decoded');
        if (r?.kind === 'decoded') expect(r.parsed.ok).toBe(true);
      }
    } finally {
      await pool!.close();
    }
  }, 60_000);

  it('stores exactly what an in-process ingest stores, and never a lateness verdict', async () => {
    const dir = corpus(tempDir());
    const now = () => new Date('2023-03-01T02:00:00Z');
    const results: Array<{ summary: IngestSummary; tables: Record<string, unknown[]> }> = [];
    for (const workers of [0, 2]) {
      const t = createTestDb();
      dbs.push(t);
      const summary = await ingestPaths(t, [dir], { now, workers });
      // Again: everything is known now, so the workers' parses must all turn into "unchanged".
      const again = await ingestPaths(t, [dir], { now, workers });
      expect(again.stored).toHaveLength(0);
      expect(again.unchanged).toHaveLength(summary.stored.length + summary.replaced.length + summary.unchanged.length);
      results.push({ summary: strip(summary), tables: dump(t) });
    }
    const [inProcess, withWorkers] = results;
    expect(inProcess!.summary.stored.length).toBeGreaterThan(PARSE_POOL_MIN_FILES);
    expect(inProcess!.summary.replaced).toHaveLength(1);
    expect(inProcess!.summary.rejected.length).toBe(3);
    // Late reports are among them, but lateness is the calendar's to judge when asked (src/calendar/status.ts).
    expect((inProcess!.tables.findings as unknown[][]).some((f) => f[2] === 'LATE')).toBe(false);
    expect((inProcess!.tables.findings as unknown[][]).length).toBeGreaterThan(0);
    expect(withWorkers!.summary).toEqual(inProcess!.summary);
    expect(withWorkers!.tables).toEqual(inProcess!.tables);
  }, 120_000);
});
