import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed, SEED_NAMES } from '../helpers/seeds.js';
import { replaceAll, writeFiles } from './variants.js';

const SEEDS = fileURLToPath(new URL('../fixtures/seed-reports', import.meta.url));
const count = (t: TestDb, table: string) => t.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const now = () => new Date('2027-02-01T08:00:00Z');

describe('ingesting the seed reports', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.dispose());

  it('stores all five with their organisations, metrics, provenance and findings', async () => {
    const s = await ingestPaths(t, [SEEDS], { now });
    expect(s.stored.map((r) => r.file.split('/').pop()).sort()).toEqual(SEED_NAMES.map((n) => `${n}.txt`).sort());
    expect([s.unchanged, s.replaced, s.rejected]).toEqual([[], [], []]);

    const store = t.stores.reports;
    expect(
      store
        .listOrgs()
        .map((o) => `${o.region ?? '-'}/${o.name}`)
        .sort(),
    ).toEqual(['-/大刘庄镇', '-/棉洋镇', '临清市/康庄镇', '沂源县/张家坡镇', '霍邱县/龙潭镇'].sort());
    const kz = store.listOrgs().find((o) => o.name === '康庄镇')!;
    const report = store.currentReport(kz.id, 2020)!;
    expect(report).toMatchObject({ name: '康庄镇', org: '康庄镇人民政府', region: '临清市', signedDate: '2021-01-20', format: 'gov2019' });
    expect(report.file).toBe('kangzhuang-2020.txt');
    expect(report.ingestedAt).toBe('2027-02-01T08:00:00.000Z');
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['BLANK_CELLS', 'YEAR_NOT_IN_TITLE']));

    const applications = store.metric(report.id, 'applications.new.total')!;
    expect(applications.value).toBe(1);
    expect(applications.derived).toBe(false);
    // Provenance points into the stored raw text, which is the file verbatim.
    const raw = t.sqlite.prepare('SELECT raw_text FROM reports WHERE id = ?').pluck().get(report.id) as string;
    expect(raw).toBe(readSeed('kangzhuang-2020'));
    expect(raw.split('\n')[applications.line - 1]).toContain(applications.text.trim());
    expect(store.metric(report.id, 'applications.new.natural')!.value).toBeNull();
    expect(store.metric(report.id, 'applications.denied.total')!.derived).toBe(true);

    // Every parsed metric and finding is on file.
    expect(count(t, 'reports')).toBe(5);
    expect(count(t, 'metrics')).toBeGreaterThan(5 * 100);
    expect(store.years()).toEqual([2020, 2021, 2022]);
  });

  it('a second run over the same folder changes nothing', async () => {
    await ingestPaths(t, [SEEDS], { now });
    const before = ['orgs', 'org_aliases', 'reports', 'metrics', 'findings', 'report_sections'].map((x) => count(t, x));
    const s = await ingestPaths(t, [SEEDS], { now });
    expect(s.unchanged).toHaveLength(5);
    expect([s.stored, s.replaced, s.rejected]).toEqual([[], [], []]);
    expect(['orgs', 'org_aliases', 'reports', 'metrics', 'findings', 'report_sections'].map((x) => count(t, x))).toEqual(before);
  });

  it('the same report re-saved with a BOM and CRLF, or as UTF-16, is unchanged content', async () => {
    await ingestPaths(t, [SEEDS], { now });
    const crlf = readSeed('longtan-2020').replace(/\n/g, '\r\n');
    const dir = writeFiles(join(t.dir, 'resaved'), {
      'longtan-crlf.txt': `\uFEFF${crlf}`,
      'longtan-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed('longtan-2020'), 'utf16le')]),
    });
    const s = await ingestPaths(t, [dir], { now });
    expect(s.unchanged).toHaveLength(2);
    expect(count(t, 'reports')).toBe(5);
  });

  it('a corrected copy replaces the report, keeps the old version and raises CHANGED_AFTER_PUBLICATION', async () => {
    await ingestPaths(t, [SEEDS], { now });
    const corrected = replaceAll(readSeed('kangzhuang-2020'), '共公开政务信息170条', '共公开政务信息171条');
    const dir = writeFiles(join(t.dir, 'corrected'), { 'kangzhuang-2020-更正.txt': corrected });
    const s = await ingestPaths(t, [dir], { now: () => new Date('2027-03-01T00:00:00Z') });
    expect(s.replaced.map((r) => r.file)).toEqual([join(dir, 'kangzhuang-2020-更正.txt')]);
    expect([s.stored, s.unchanged, s.rejected]).toEqual([[], [], []]);

    const versions = t.sqlite
      .prepare(`SELECT version, is_current, file_name FROM reports r JOIN orgs o ON o.id = r.org_id WHERE o.name = '康庄镇' ORDER BY version`)
      .all();
    expect(versions).toEqual([
      { version: 1, is_current: 0, file_name: 'kangzhuang-2020.txt' },
      { version: 2, is_current: 1, file_name: 'kangzhuang-2020-更正.txt' },
    ]);

    const store = t.stores.reports;
    const kz = store.listOrgs().find((o) => o.name === '康庄镇')!;
    const current = store.currentReport(kz.id, 2020)!;
    expect(current.file).toBe('kangzhuang-2020-更正.txt');
    expect(store.metric(current.id, 'prose.active_items')!.value).toBe(171);
    const changed = current.findings.filter((f) => f.code === 'CHANGED_AFTER_PUBLICATION');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toContain('kangzhuang-2020.txt');
    expect(changed[0]!.message).toContain('2027-02-01');
    expect(changed[0]!.message).toContain('1项统计数据不同');
    // The old version is still there, figures and all.
    const oldId = t.sqlite.prepare(`SELECT id FROM reports WHERE file_name = 'kangzhuang-2020.txt'`).pluck().get() as number;
    expect(store.metric(oldId, 'prose.active_items')!.value).toBe(170);
    expect(store.reportsOf(kz.id)).toHaveLength(1);

    // Re-ingesting the original file now is not a new version: that content is already on file.
    const again = await ingestPaths(t, [join(SEEDS, 'kangzhuang-2020.txt')], { now });
    expect(again.unchanged).toHaveLength(1);
    expect(store.currentReport(kz.id, 2020)!.file).toBe('kangzhuang-2020-更正.txt');
  });

  it('stores the good reports of a folder and rejects an empty file, a binary file and a PDF by name, with the reason', async () => {
    const dir = join(t.dir, 'mixed');
    cpSync(SEEDS, dir, { recursive: true });
    writeFiles(dir, {
      'empty.txt': '',
      'scan.bin': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      'sub/report.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n',
      'notes.txt': '会议纪要：今天讨论了食堂菜单。',
    });
    const s = await ingestPaths(t, [dir], { now });
    expect(s.stored).toHaveLength(5);
    const byName = Object.fromEntries(s.rejected.map((r) => [r.file.slice(dir.length + 1), r.reason]));
    expect(Object.keys(byName).sort()).toEqual(['empty.txt', 'notes.txt', 'scan.bin', 'sub/report.pdf']);
    expect(byName['empty.txt']).toContain('空');
    expect(byName['scan.bin']).toContain('不是文本文件');
    expect(byName['sub/report.pdf']).toContain('PDF');
    expect(byName['notes.txt']).toContain('不是政府信息公开工作年度报告');
    expect(count(t, 'reports')).toBe(5);
  });
});
