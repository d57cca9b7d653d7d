import { describe, expect, it } from 'vitest';
import { MaskedText } from '../../src/bot/core/masked.js';
import { normalizeQuestion } from '../../src/bot/core/text.js';
import { readYears } from '../../src/bot/core/years.js';

const read = (q: string, currentYear = 2026) => readYears(new MaskedText(normalizeQuestion(q)), currentYear);
const list = (...years: number[]) => ({ kind: 'list', years, relative: false });

describe('year slot', () => {
  it.each([
    ['康庄镇2020依申请', 2020],
    ['康庄镇2020年依申请', 2020],
    ['康庄镇2020年度依申请', 2020],
    ['二〇二〇年康庄镇', 2020],
    ['二零二零年康庄镇', 2020],
    ['２０２１年', 2021],
    ['20年康庄镇', 2020],
    ['21年度的报告', 2021],
    ['二一年的报告', 2021],
  ])('%s → %i', (q, y) => {
    expect(read(q)).toEqual(list(y));
  });

  it('reads 今年, 去年, 前年, 明年 against today', () => {
    expect(read('今年的年报', 2026)).toEqual({ kind: 'list', years: [2026], relative: true });
    expect(read('去年依申请', 2021)).toEqual({ kind: 'list', years: [2020], relative: true });
    expect(read('上一年度的', 2021)).toEqual({ kind: 'list', years: [2020], relative: true });
    expect(read('前年', 2022)).toEqual({ kind: 'list', years: [2020], relative: true });
    expect(read('明年', 2026)).toEqual({ kind: 'list', years: [2027], relative: true });
  });

  it('reads ranges written many ways', () => {
    for (const q of ['2020到2022年', '2020年到2022年', '2020-2022', '2020至2022年度', '2020~22年', '20到22年', '20-22年']) {
      expect(read(q), q).toEqual({ kind: 'range', from: 2020, to: 2022 });
    }
  });

  it('reads several years', () => {
    expect(read('2020年和2022年')).toEqual(list(2020, 2022));
    expect(read('2021、2020年')).toEqual(list(2020, 2021));
  });

  it('reads whole spans', () => {
    expect(read('历年依申请')).toEqual({ kind: 'all' });
    expect(read('每年多少')).toEqual({ kind: 'all' });
    expect(read('近三年')).toEqual({ kind: 'recent', count: 3 });
    expect(read('最近5年')).toEqual({ kind: 'recent', count: 5 });
  });

  it('finds no year where there is none', () => {
    for (const q of ['康庄镇依申请公开多少件', '年报什么时候截止', '前三名', '5.2万元', '1374条']) {
      expect(read(q), q).toEqual({ kind: 'none' });
    }
  });

  it('leaves 比去年 to the trend reader instead of reading a second year', () => {
    expect(read('2021年比去年多了还是少了')).toEqual(list(2021));
  });

  it('does not take two-digit numbers that would be future years', () => {
    expect(read('99年', 2026)).toEqual({ kind: 'none' });
  });
});
