import { describe, expect, it } from 'vitest';
import { parseOk, readSeed } from '../helpers/seeds.js';

// The body of a real report under other titles: who published it is read from the title.
const body = readSeed('zhangjiapo-2021').split('\n').slice(1).join('\n');

describe('organisation, region and year from titles seen in other provinces', () => {
  const cases: Array<[string, { org: string; name: string; region: string | null; kind: string; year: number }]> = [
    ['临清市自然资源局2021年政府信息公开工作年度报告', { org: '临清市自然资源局', name: '临清市自然资源局', region: '临清市', kind: 'department', year: 2021 }],
    ['2021年度沂源县南鲁山镇政府信息公开工作年度报告', { org: '南鲁山镇人民政府', name: '南鲁山镇', region: '沂源县', kind: 'town', year: 2021 }],
    [
      '历城区洪家楼街道办事处2021年政府信息公开工作年度报告',
      { org: '历城区洪家楼街道办事处', name: '洪家楼街道', region: '历城区', kind: 'subdistrict', year: 2021 },
    ],
    ['朱家峪乡人民政府关于2022年度政府信息公开工作年度报告', { org: '朱家峪乡人民政府', name: '朱家峪乡', region: '沂源县', kind: 'township', year: 2022 }],
    ['沂源县人民政府2021年政府信息公开工作年度报告', { org: '沂源县人民政府', name: '沂源县', region: '沂源县', kind: 'government', year: 2021 }],
    ['东城街道2021年政府信息公开年报', { org: '东城街道办事处', name: '东城街道', region: '沂源县', kind: 'subdistrict', year: 2021 }],
  ];
  for (const [title, expected] of cases) {
    it(title, () => {
      const r = parseOk(`${title}\n${body}`);
      expect({ org: r.org, name: r.name, region: r.region, kind: r.kind, year: r.year }).toEqual(expected);
      expect(r.yearInTitle).toBe(true);
    });
  }
});

describe('tables pasted from a web page as Markdown', () => {
  it('ignores the rule line under the header', () => {
    const text = readSeed('longtan-2020')
      .replace(
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可',
        '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n| --- | :---: | --- | --- |\n| 行政许可',
      )
      .replace('行政许可\t2\t0\t5', '行政许可 | 2 | 0 | 5 |');
    expect(text).toContain('| --- |');
    const r = parseOk(text);
    expect(r.metrics['active.licensing.prev_items']).toBe(2);
    expect(r.metrics['active.licensing.decisions']).toBe(5);
  });
});

describe('organisation named only in the signature', () => {
  it('reads it from the 落款 when the title has none', () => {
    const text = readSeed('mianyang-2021').replace('棉洋镇人民政府2021年政府信息公开工作', '2021年政府信息公开工作');
    expect(text.split('\n').slice(0, 5).join('')).not.toContain('棉洋镇');
    const r = parseOk(text);
    expect({ org: r.org, name: r.name, year: r.year }).toEqual({ org: '棉洋镇人民政府', name: '棉洋镇', year: 2021 });
  });
});

describe('the year of a report whose title has none', () => {
  it('is the year the opening names, not the year of a 落款 date near the end of a short report', () => {
    const head = '碧峨市昌桐樟镇人民政府\n信息公开工作年度报告\n2020年，在县委、县政府的正确领导下开展工作。';
    // The date starts 5 characters before the 3,000th, where the year reader's window ends.
    const text = `${head}${'容'.repeat(2995 - head.length)}2021年1月27日\n${body}`;
    expect(text.indexOf('2021年1月27日')).toBe(2995);
    const r = parseOk(text);
    expect(r.year).toBe(2020);
    expect(r.yearInTitle).toBe(false);
  });
});
