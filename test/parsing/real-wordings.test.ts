/**
 * Prose wordings seen on real report pages (docs/real-shapes.md), paraphrased, put into a seed's
 * 总体情况 (zhangjiapo-2021: states 95 items published, no application received, 表三 all 0).
 */
import { describe, expect, it } from 'vitest';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';

const seed = readSeed('zhangjiapo-2021');
const OVERVIEW = '1、 总体情况\n';
const NONE = /张家坡镇未收到[^，。]*申请/;
const WRONG_PERIOD = '2020年1月1日至2021年12月31日';

const withOpening = (sentence: string) => {
  expect(seed).toContain(OVERVIEW);
  return seed.replace(OVERVIEW, `${OVERVIEW}${sentence}\n`);
};

describe('主动公开 totals in the words of real pages', () => {
  it('the seed states 95 of its own, later in 总体情况', () => {
    expect(parseOk(seed).metrics['prose.active_items']).toBe(95);
  });

  it('「政务信息主动公开总数148条。」 → 148', () => {
    expect(parseOk(withOpening('政务信息主动公开总数148条。')).metrics['prose.active_items']).toBe(148);
  });

  const round = [
    '主动公开政府信息300余条，其中领导类信息11条。',
    '全年发布各类信息100多条，其中政策文件3条。',
    '共公开政府信息约300条。',
    '主动公开政府信息300条左右。',
  ];
  for (const sentence of round) {
    it(`a round figure first 「${sentence}」 stores no figure, not a later partial count; after the exact total it leaves the total`, () => {
      const r = parseOk(withOpening(sentence));
      expect('prose.active_items' in r.metrics).toBe(false);
      expect(parseOk(withOpening(`主动公开政府信息57条，其中${sentence}`)).metrics['prose.active_items']).toBe(57);
    });
  }
});

describe('applications received in the words of real pages', () => {
  const cases: Array<[string, number]> = [
    ['张家坡镇共接收政府信息公开申请2件', 2],
    ['张家坡镇全年新收政府信息公开申请数量3件', 3],
    ['张家坡镇共收到4条依申请公开信息要求', 4],
    ['张家坡镇收到政府信息依申请公开办理事项1件', 1],
    ['张家坡镇收到政务信息依申请公开业务2条', 2],
    ['张家坡镇受理依申请公开政府信息数量共计2条', 2],
  ];
  for (const [sentence, value] of cases) {
    it(`「${sentence}」 → ${value}, checked against 表三`, () => {
      expect(seed).toMatch(NONE);
      const r = parseOk(seed.replace(NONE, sentence));
      expect(r.metrics['prose.applications_received']).toBe(value);
      expect(r.findings.find((f) => f.code === 'TEXT_TABLE_MISMATCH')?.message).toContain(`${value}件`);
    });
  }

  it('「无依法申请公开件」 is none received', () => {
    const r = parseOk(seed.replace(NONE, '张家坡镇无依法申请公开件'));
    expect(r.metrics['prose.applications_received']).toBe(0);
    expect(r.sources['prose.applications_received']?.text).toContain('无依法申请公开件');
  });

  it('条 counts applications only after a word for them: 公开信息12条 are items published', () => {
    expect(parseOk(seed.replace(NONE, '张家坡镇收到依申请公开事项共3条')).metrics['prose.applications_received']).toBe(3);
    expect(parseOk(seed.replace(NONE, '张家坡镇收到依申请公开政府信息事项2条')).metrics['prose.applications_received']).toBe(2);
    expect(parseOk(seed.replace(NONE, '张家坡镇受理群众申请后公开信息12条')).metrics['prose.applications_received']).not.toBe(12);
  });
});

describe('a statistics period whose 年 the page lost (20231月1日)', () => {
  it('the seed states a wrong period, and says so', () => {
    expect(seed).toContain(WRONG_PERIOD);
    expect(codes(parseOk(seed))).toContain('STAT_PERIOD_WRONG');
  });

  it('is read: a wrong one printed so is still caught, a right one is not', () => {
    const r = parseOk(seed.replace(WRONG_PERIOD, '统计期限自20201月1日起至202112月31日止'));
    const f = r.findings.find((x) => x.code === 'STAT_PERIOD_WRONG');
    expect(f?.message).toContain('20201月1日');
    expect(f?.line).toBe(parseOk(seed).findings.find((x) => x.code === 'STAT_PERIOD_WRONG')?.line);
    expect(codes(parseOk(seed.replace(WRONG_PERIOD, '统计期限自20211月1日起至202112月31日止')))).not.toContain('STAT_PERIOD_WRONG');
  });
});
