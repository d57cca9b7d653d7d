import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths, PARSE_POOL_MIN_FILES } from '../../../src/ingest/ingest.js';
import { ParseJson } from '../../../src/parsing/contract.js';
import { createTestDb, tempDir, type TestDb } from '../../helpers/db.js';
import { parseOk, readSeed, type SeedName } from '../../helpers/seeds.js';
import { replaceAll, writeFiles } from '../../ingest/variants.js';
import { badFiles } from './bad-files.js';

const run = promisify(execFile);
const ROOT = new URL('../../..', import.meta.url).pathname;
const seedFile = (file: string) => new URL(`../../fixtures/files/seeds/${file}`, import.meta.url).pathname;

async function nianbao(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('nianbao parse on files', () => {
  it('--json reads a Word file and a GBK web page: source, published and the metrics of the text', async () => {
    const cases: Array<[string, SeedName, object]> = [
      ['zhangjiapo-2021.docx', 'zhangjiapo-2021', { source: { type: 'docx' }, published: null }],
      ['kangzhuang-2020.html', 'kangzhuang-2020', { source: { type: 'html' }, published: '2021-01-20' }],
    ];
    for (const [file, seed, expected] of cases) {
      const r = await nianbao('parse', seedFile(file), '--json');
      expect(r.code, r.stderr).toBe(0);
      const json = ParseJson.parse(JSON.parse(r.stdout));
      expect(json).toMatchObject({ file, ...expected });
      expect(json.metrics).toEqual(parseOk(readSeed(seed)).metrics);
    }
  });

  it('refuses a bad file with exit 1, one line on stderr and {"error": {code, message}} on stdout', async () => {
    const dir = tempDir();
    const picked = badFiles().filter((b) => ['tables.docx', 'bomb.docx', 'scan.png', 'table.xlsx', 'cut.doc'].includes(b.name));
    writeFiles(dir, Object.fromEntries(picked.map((b) => [b.name, b.bytes])));
    for (const bad of picked) {
      const r = await nianbao('parse', join(dir, bad.name), '--json');
      expect(r.code, bad.name).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual({ error: { code: bad.code, message: expect.any(String) } });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 60_000);
});

describe('ingest of files of every kind', () => {
  const dbs: TestDb[] = [];
  afterEach(() => {
    for (const d of dbs.splice(0)) d.dispose();
  });

  /** Five reports in four kinds of file, and every bad file. */
  function folder(): string {
    const dir = tempDir();
    const copies: Array<[string, string]> = [
      ['longtan-2020.docx', 'longtan-2020.docx'],
      ['mianyang-2021.docx', 'mianyang-2021.docx'],
      ['daliuzhuang-2022.docx', 'daliuzhuang-2022.docx'],
      ['kangzhuang-2020.html', 'kangzhuang-2020.html'],
      // What WPS saves: the Word 97 format under its own extension.
      ['zhangjiapo-2021.doc', 'zhangjiapo-2021.wps'],
    ];
    for (const [from, to] of copies) copyFileSync(seedFile(from), join(dir, to));
    return writeFiles(dir, Object.fromEntries(badFiles().map((b) => [`bad/${b.name}`, b.bytes])));
  }

  it('stores the good files with their metrics and publication date, refuses each bad one and goes on', async () => {
    const t = createTestDb();
    dbs.push(t);
    const dir = folder();
    const s = await ingestPaths(t, [dir], { workers: 0 });
    expect(s.stored.map((r) => r.file.slice(dir.length + 1)).sort()).toEqual(
      ['daliuzhuang-2022.docx', 'kangzhuang-2020.html', 'longtan-2020.docx', 'mianyang-2021.docx', 'zhangjiapo-2021.wps'].sort(),
    );
    expect(s.rejected.map((r) => r.file.slice(dir.length + 1)).sort()).toEqual(
      badFiles()
        .map((b) => `bad/${b.name}`)
        .sort(),
    );
    for (const r of s.rejected) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);

    const rows = t.sqlite.prepare('SELECT file_name AS file, published_date AS published, encoding FROM reports ORDER BY file_name').all();
    expect(rows).toEqual([
      { file: 'daliuzhuang-2022.docx', published: null, encoding: 'docx' },
      { file: 'kangzhuang-2020.html', published: '2021-01-20', encoding: 'gb18030' },
      { file: 'longtan-2020.docx', published: null, encoding: 'docx' },
      { file: 'mianyang-2021.docx', published: null, encoding: 'docx' },
      { file: 'zhangjiapo-2021.wps', published: null, encoding: 'doc' },
    ]);
    const metrics = t.sqlite
      .prepare(`SELECT key, value FROM metrics JOIN reports ON reports.id = metrics.report_id WHERE file_name = 'zhangjiapo-2021.wps'`)
      .all() as Array<{ key: string; value: number | null }>;
    expect(Object.fromEntries(metrics.map((m) => [m.key, m.value]))).toEqual(parseOk(readSeed('zhangjiapo-2021')).metrics);

    const again = await ingestPaths(t, [dir], { workers: 0 });
    expect(again.unchanged).toHaveLength(5);
  }, 60_000);

  it('a large ingest with parse workers decides every file exactly as one without', async () => {
    const dir = folder();
    const seed = readSeed('zhangjiapo-2021');
    const names = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];
    const texts: Record<string, string> = {};
    for (let i = 0; i < PARSE_POOL_MIN_FILES; i++) {
      texts[`t/${String(i).padStart(3, '0')}.txt`] = replaceAll(seed, '张家坡', `${names[i % names.length]}${names[Math.floor(i / names.length)]}`);
    }
    writeFiles(dir, texts);
    const outcomes = [];
    for (const workers of [0, 1]) {
      const t = createTestDb();
      dbs.push(t);
      const s = await ingestPaths(t, [dir], { workers });
      outcomes.push({
        stored: s.stored.map((r) => r.file),
        rejected: s.rejected,
        reports: t.sqlite.prepare('SELECT file_name, published_date, content_hash FROM reports ORDER BY id').raw().all(),
      });
    }
    expect(outcomes[0]!.stored).toHaveLength(PARSE_POOL_MIN_FILES + 5);
    expect(outcomes[0]!.rejected).toHaveLength(badFiles().length);
    expect(outcomes[1]).toEqual(outcomes[0]);
  }, 120_000);
});
