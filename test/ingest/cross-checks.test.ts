import { describe, expect, it } from 'vitest';
import { checkCarry } from '../../src/ingest/carry-check.js';
import { changedMetricKeys, checkChanged } from '../../src/ingest/changed-check.js';
import { checkAgainstPreviousYear, checkAgainstSibling } from '../../src/ingest/cross-checks.js';
import { checkDuplicate } from '../../src/ingest/duplicate-check.js';
import { checkStock } from '../../src/ingest/stock-check.js';
import { facts } from './facts-fixture.js';

const COLS = ['natural', 'org_commercial', 'org_research', 'org_social', 'org_legal', 'org_other', 'total'];
const row = (key: string, values: Array<number | null>) => Object.fromEntries(COLS.map((c, i) => [`applications.${key}.${c}`, values[i] ?? 0]));

describe('CARRY_MISMATCH (R6)', () => {
  const prev = facts({ year: 2021, metrics: row('carried_forward', [1, 0, 0, 0, 0, 0, 1]) });

  it('is silent when 上年结转 equals last year 结转下年度 in every column', () => {
    expect(checkCarry(prev, facts({ year: 2022, metrics: row('carried_over', [1, 0, 0, 0, 0, 0, 1]) }))).toEqual([]);
  });

  it('raises one warning per differing column, at the line of the cell', () => {
    const cur = facts({
      year: 2022,
      metrics: row('carried_over', [3, 0, 0, 0, 0, 0, 3]),
      lines: { 'applications.carried_over.natural': 97, 'applications.carried_over.total': 103 },
    });
    const found = checkCarry(prev, cur);
    expect(found.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['CARRY_MISMATCH', 'warning', 97],
      ['CARRY_MISMATCH', 'warning', 103],
    ]);
    expect(found[0]!.message).toContain('自然人');
    expect(found[0]!.message).toContain('3件');
    expect(found[0]!.message).toContain('2021年度');
    expect(found[1]!.message).toContain('总计');
  });

  it('does not compare blank or missing cells, nor reports more than a year apart', () => {
    const blank = facts({ year: 2022, metrics: { 'applications.carried_over.total': null } });
    expect(checkCarry(prev, blank)).toEqual([]);
    const truncated = facts({ year: 2022, metrics: {} });
    expect(checkCarry(prev, truncated)).toEqual([]);
    const later = facts({ year: 2023, metrics: row('carried_over', [3, 0, 0, 0, 0, 0, 3]) });
    expect(checkCarry(prev, later)).toEqual([]);
  });
});

describe('STOCK_MISMATCH (R7, R8)', () => {
  const docs = (issued: number, repealed: number, inForce: number) => ({
    'active.normative_docs.issued': issued,
    'active.normative_docs.repealed': repealed,
    'active.normative_docs.in_force': inForce,
  });

  it('2021 format: 现行有效 must be last year + 制发 − 废止', () => {
    const prev = facts({ year: 2021, metrics: docs(2, 0, 10) });
    expect(checkStock(prev, facts({ year: 2022, metrics: docs(3, 1, 12) }))).toEqual([]);
    const bad = checkStock(prev, facts({ year: 2022, metrics: docs(3, 1, 13), lines: { 'active.normative_docs.in_force': 40 } }));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ code: 'STOCK_MISMATCH', severity: 'warning', line: 40 });
    expect(bad[0]!.message).toContain('应为12件');
    expect(bad[0]!.message).toContain('行政规范性文件');
  });

  it('2019 format: 上一年项目数量 must be last year 上一年项目数量 + 本年增/减', () => {
    const items = (prevItems: number, delta: number) => ({
      'active.licensing.prev_items': prevItems,
      'active.licensing.delta_items': delta,
    });
    const prev = facts({ year: 2019, format: 'gov2019', metrics: items(145, 5) });
    expect(checkStock(prev, facts({ year: 2020, format: 'gov2019', metrics: items(150, 0) }))).toEqual([]);
    const bad = checkStock(prev, facts({ year: 2020, format: 'gov2019', metrics: items(145, 0) }));
    expect(bad.map((f) => f.code)).toEqual(['STOCK_MISMATCH']);
    expect(bad[0]!.message).toContain('应为150');
  });

  it('never compares a 2019 对外公开总数量 with a 2021 现行有效件数', () => {
    const prev = facts({
      year: 2020,
      format: 'gov2019',
      metrics: { 'active.normative_docs.total_published': 21, 'active.normative_docs.in_force': 5 },
    });
    expect(checkStock(prev, facts({ year: 2021, metrics: docs(0, 0, 0) }))).toEqual([]);
  });
});

const longProse = (place: string) =>
  `${place}深入贯彻落实政府信息公开条例，以群众关注关心的问题为中心，进一步拓展和深化政府信息公开的内容和范围，` +
  '完善政务公开制度建设，健全信息发布审核机制，加强政务公开平台建设，努力提高信息公开的质量和时效。' +
  `${place}全年组织业务培训，提升机关干部政务公开意识和能力，确保各项工作落到实处。`;

describe('DUPLICATE_CONTENT', () => {
  it('flags prose copied from last year, naming the part and pointing at its heading', () => {
    const prev = facts({ year: 2021, sections: { overview: { text: `2021年${longProse('我镇')}`, line: 5 } } });
    const cur = facts({ year: 2022, sections: { overview: { text: `2022年${longProse('我镇')}`, line: 7 } } });
    const f = checkDuplicate(prev, cur, 'previous-year');
    expect(f).toMatchObject({ code: 'DUPLICATE_CONTENT', severity: 'warning', line: 7 });
    expect(f!.message).toContain('一、总体情况');
    expect(f!.message).toContain('本单位2021年度报告');
    expect(checkAgainstPreviousYear(prev, cur).map((x) => x.code)).toEqual(['DUPLICATE_CONTENT']);
  });

  it('flags a neighbour copied with the name swapped, naming the neighbour', () => {
    const a = facts({ year: 2021, name: '南麻镇', file: 'nanma.txt', sections: { problems: { text: longProse('南麻镇'), line: 30 } } });
    const b = facts({ year: 2021, sections: { problems: { text: longProse('张家坡镇'), line: 40 } } });
    const found = checkAgainstSibling(a, b);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('沂源县南麻镇2021年度报告（nanma.txt）');
    expect(found[0]!.message).toContain('五、存在的主要问题及改进情况');
  });

  it('leaves different prose, tables and short parts alone', () => {
    const a = facts({
      year: 2021,
      sections: {
        overview: { text: longProse('我镇'), line: 5 },
        active: { text: longProse('我镇'), line: 20 },
        other: { text: '无。', line: 90 },
      },
    });
    const b = facts({
      year: 2021,
      name: '南麻镇',
      sections: {
        overview: {
          text:
            '本年度我镇未收到政府信息公开申请，未发生行政复议和行政诉讼。下一步将围绕乡村振兴、民生保障等重点领域，' +
            '加大主动公开力度，规范依申请公开办理流程，做好政策解读和回应关切，推进基层政务公开标准化规范化建设。',
          line: 5,
        },
        active: { text: longProse('我镇'), line: 20 },
        other: { text: '无。', line: 90 },
      },
    });
    expect(checkDuplicate(a, b, 'sibling')).toBeNull();
  });
});

describe('CHANGED_AFTER_PUBLICATION', () => {
  it('names the earlier file and date and counts the figures that changed', () => {
    const before = facts({
      year: 2020,
      name: '康庄镇',
      file: 'kangzhuang-2020.txt',
      ingestedAt: '2027-01-05T02:00:00.000Z',
      metrics: { 'prose.active_items': 170, 'applications.new.total': 1 },
    });
    const after = facts({ year: 2020, name: '康庄镇', metrics: { 'prose.active_items': 171, 'applications.new.total': 1 } });
    expect(changedMetricKeys(before, after)).toEqual(['prose.active_items']);
    const f = checkChanged(before, after);
    expect(f).toMatchObject({ code: 'CHANGED_AFTER_PUBLICATION', severity: 'warning' });
    expect(f.message).toContain('2027-01-05');
    expect(f.message).toContain('kangzhuang-2020.txt');
    expect(f.message).toContain('1项统计数据不同');
    expect(checkChanged(before, { ...before, ingestedAt: undefined }).message).toContain('文字有改动');
  });
});
