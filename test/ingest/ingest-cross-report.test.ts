import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed, seedPath } from '../helpers/seeds.js';
import { replaceAll, setRow, shiftYears, writeFiles } from './variants.js';

const Y2021 = readSeed('zhangjiapo-2021');

/** The 2022 report of 张家坡镇, copied from 2021, that says 2 applications were carried over from 2021. */
function zhangjiapo2022(): string {
  let text = shiftYears(Y2021, 1);
  text = setRow(text, '二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2]);
  return setRow(text, '四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2]);
}

/** 2021 corrected so that it carries 2 applications forward (and, to balance, received 2). */
function zhangjiapo2021CarryingTwo(): string {
  const text = setRow(Y2021, '一、本年新收政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2]);
  return setRow(text, '四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2]);
}

/** Long prose lines reversed: same tables and headings, prose unlike any other report. */
function rewordProse(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.length > 60 && !l.includes('\t') ? [...l].reverse().join('') : l))
    .join('\n');
}

describe('checks across reports at ingest', () => {
  let t: TestDb;
  let store: ReportStore;
  beforeEach(() => {
    t = createTestDb();
    store = t.stores.reports;
  });
  afterEach(() => t.dispose());

  const ingest = async (files: Record<string, string>, sub: string) => {
    const s = await ingestPaths(t, [writeFiles(join(t.dir, sub), files)]);
    expect(s.rejected).toEqual([]);
    return s;
  };
  const orgId = (name: string, region?: string) => store.listOrgs().find((o) => o.name === name && (region === undefined || o.region === region))!.id;
  const codesOf = (name: string, year: number, code: string) => store.currentReport(orgId(name), year)!.findings.filter((f) => f.code === code);

  it('CARRY_MISMATCH: 上年结转 of 2022 does not match 结转下年度 of 2021', async () => {
    await ingest({ 'zhangjiapo-2021.txt': Y2021 }, 'a');
    const s = await ingest({ 'zhangjiapo-2022.txt': zhangjiapo2022() }, 'b');

    const carry = codesOf('张家坡镇', 2022, 'CARRY_MISMATCH');
    expect(carry.map((f) => f.line)).toEqual([98, 104]);
    expect(carry[1]!.message).toContain('总计');
    expect(carry[1]!.message).toContain('2件');
    expect(carry[1]!.message).toContain('2021年度报告（zhangjiapo-2021.txt）');
    expect(carry[1]!.message).toContain('0件');
    // The ingest summary reports what it raised, and the parser found nothing wrong on its own.
    expect(s.stored[0]!.status === 'stored' && s.stored[0]!.findings.map((f) => f.code)).toContain('CARRY_MISMATCH');
    expect(codesOf('张家坡镇', 2022, 'T3_BALANCE')).toEqual([]);
    expect(codesOf('张家坡镇', 2021, 'CARRY_MISMATCH')).toEqual([]);
  });

  it('no CARRY_MISMATCH when the years agree', async () => {
    await ingest({ 'zhangjiapo-2021.txt': zhangjiapo2021CarryingTwo(), 'zhangjiapo-2022.txt': zhangjiapo2022() }, 'a');
    expect(store.reportsOf(orgId('张家坡镇')).map((r) => r.year)).toEqual([2021, 2022]);
    expect(codesOf('张家坡镇', 2022, 'CARRY_MISMATCH')).toEqual([]);
  });

  it('checks the later year again when the earlier report arrives late, and again when it is corrected', async () => {
    await ingest({ 'zhangjiapo-2022.txt': zhangjiapo2022() }, 'a');
    expect(codesOf('张家坡镇', 2022, 'CARRY_MISMATCH')).toEqual([]);

    await ingest({ 'zhangjiapo-2021.txt': Y2021 }, 'b');
    expect(codesOf('张家坡镇', 2022, 'CARRY_MISMATCH')).toHaveLength(2);

    const s = await ingest({ 'zhangjiapo-2021-更正.txt': zhangjiapo2021CarryingTwo() }, 'c');
    expect(s.replaced).toHaveLength(1);
    expect(codesOf('张家坡镇', 2022, 'CARRY_MISMATCH')).toEqual([]);
    // Findings against 2021 now point at the corrected version only.
    const current2021 = store.currentReport(orgId('张家坡镇'), 2021)!.id;
    const related = t.sqlite
      .prepare(`SELECT DISTINCT related_report_id FROM findings WHERE report_id = ? AND source = 'ingest'`)
      .pluck()
      .all(store.currentReport(orgId('张家坡镇'), 2022)!.id);
    expect(related).toEqual([current2021]);
  });

  it('STOCK_MISMATCH: 现行有效件数 of 2022 is not last year plus 制发 minus 废止', async () => {
    const y2022 = setRow(zhangjiapo2022(), '规范性文件', [3, 0, 2]);
    await ingest({ 'zhangjiapo-2021.txt': Y2021, 'zhangjiapo-2022.txt': y2022 }, 'a');
    const stock = codesOf('张家坡镇', 2022, 'STOCK_MISMATCH');
    expect(stock).toHaveLength(1);
    expect(stock[0]!.message).toContain('应为3件');
    expect(stock[0]!.line).toBe(40);
    expect(codesOf('张家坡镇', 2021, 'STOCK_MISMATCH')).toEqual([]);
  });

  it('DUPLICATE_CONTENT: prose copied from last year', async () => {
    await ingest({ 'zhangjiapo-2021.txt': Y2021, 'zhangjiapo-2022.txt': zhangjiapo2022() }, 'a');
    const dup = codesOf('张家坡镇', 2022, 'DUPLICATE_CONTENT');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain('本单位2021年度报告');
    expect(dup[0]!.message).toContain('一、总体情况');

    const reworded = await ingest({ 'zhangjiapo-2022-v2.txt': rewordProse(zhangjiapo2022()) }, 'b');
    expect(reworded.replaced).toHaveLength(1);
    expect(codesOf('张家坡镇', 2022, 'DUPLICATE_CONTENT')).toEqual([]);
  });

  it('DUPLICATE_CONTENT: two towns of one county with the same prose, both flagged; cleared when one is rewritten', async () => {
    const nanma = replaceAll(Y2021, '张家坡', '南麻');
    await ingest({ 'zhangjiapo-2021.txt': Y2021, 'nanma-2021.txt': nanma }, 'a');
    const onZhangjiapo = codesOf('张家坡镇', 2021, 'DUPLICATE_CONTENT');
    const onNanma = codesOf('南麻镇', 2021, 'DUPLICATE_CONTENT');
    expect(onZhangjiapo).toHaveLength(1);
    expect(onZhangjiapo[0]!.message).toContain('沂源县南麻镇2021年度报告（nanma-2021.txt）');
    expect(onNanma).toHaveLength(1);
    expect(onNanma[0]!.message).toContain('沂源县张家坡镇2021年度报告（zhangjiapo-2021.txt）');

    await ingest({ 'nanma-2021-v2.txt': rewordProse(nanma) }, 'b');
    expect(codesOf('张家坡镇', 2021, 'DUPLICATE_CONTENT')).toEqual([]);
    expect(codesOf('南麻镇', 2021, 'DUPLICATE_CONTENT')).toEqual([]);
  });

  it('no DUPLICATE_CONTENT between different reports of one region, nor among the seeds', async () => {
    const longtanInLinqing = replaceAll(readSeed('longtan-2020'), '霍邱县', '临清市');
    await ingest(
      Object.fromEntries(
        (['kangzhuang-2020', 'longtan-2020', 'mianyang-2021', 'daliuzhuang-2022', 'zhangjiapo-2021'] as const).map((n) => [`${n}.txt`, readSeed(n)]),
      ),
      'seeds',
    );
    await ingest({ 'longtan-linqing.txt': longtanInLinqing }, 'linqing');
    expect(
      store
        .listOrgs()
        .filter((o) => o.region === '临清市')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['康庄镇', '龙潭镇']);
    const dup = t.sqlite.prepare(`SELECT count(*) FROM findings WHERE code = 'DUPLICATE_CONTENT'`).pluck().get();
    expect(dup).toBe(0);
  });
});

describe('organisation identity at ingest', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.dispose());

  it('沂源县张家坡镇人民政府 and 张家坡镇人民政府 are one; 淄川区张家坡镇 is another', async () => {
    const withoutCounty = replaceAll(zhangjiapo2022(), '沂源县', '');
    const otherCounty = replaceAll(Y2021, '沂源县', '淄川区');
    await ingestPaths(t, [seedPath('zhangjiapo-2021')]);
    const dir = writeFiles(join(t.dir, 'in'), { 'a-zhangjiapo-2022.txt': withoutCounty, 'b-zichuan-2021.txt': otherCounty });
    const s = await ingestPaths(t, [dir]);
    expect(s.stored).toHaveLength(2);

    const store = t.stores.reports;
    const orgs = store.listOrgs().filter((o) => o.name === '张家坡镇');
    expect(orgs.map((o) => o.region).sort()).toEqual(['沂源县', '淄川区']);
    const yiyuan = orgs.find((o) => o.region === '沂源县')!;
    expect(store.reportsOf(yiyuan.id).map((r) => [r.year, r.file])).toEqual([
      [2021, 'zhangjiapo-2021.txt'],
      [2022, 'a-zhangjiapo-2022.txt'],
    ]);
    expect(yiyuan.aliases).toEqual(expect.arrayContaining(['沂源县张家坡镇人民政府', '张家坡镇人民政府', '张家坡镇', '张家坡']));
    const zichuan = orgs.find((o) => o.region === '淄川区')!;
    expect(store.reportsOf(zichuan.id).map((r) => r.file)).toEqual(['b-zichuan-2021.txt']);
    // The 2021 report of another county is not last year's report of this one.
    expect(store.currentReport(yiyuan.id, 2022)!.findings.filter((f) => f.code === 'CARRY_MISMATCH')).toHaveLength(2);
  });
});
