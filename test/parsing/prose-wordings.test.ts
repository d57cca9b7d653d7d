/**
 * The figures of part 一 in the wordings offices use, put into a seed's 总体情况 in place of its own
 * sentence (zhangjiapo-2021: no application received, 表三 all 0).
 */
import { describe, expect, it } from 'vitest';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';

const seed = readSeed('zhangjiapo-2021');
const OVERVIEW = '1、 总体情况\n';
const NONE = /张家坡镇未收到[^，。]*申请/;

/** The seed with a sentence first in 总体情况. */
const withOpening = (sentence: string) => {
  expect(seed).toContain(OVERVIEW);
  return seed.replace(OVERVIEW, `${OVERVIEW}${sentence}\n`);
};

describe('主动公开 totals in other words', () => {
  const cases: Array<[string, number]> = [
    ['本年度主动公开政府信息57条。', 57],
    ['全年主动公开政务信息406条。', 406],
    ['通过政府网站、政务新媒体等渠道公开各类政府信息215条次。', 215],
    ['全年共主动公开政府信息一百二十条。', 120],
  ];
  for (const [sentence, value] of cases) {
    it(`「${sentence}」 → ${value}`, () => {
      expect(parseOk(withOpening(sentence)).metrics['prose.active_items']).toBe(value);
    });
  }
});

describe('applications received in other words', () => {
  const cases: Array<[string, number]> = [
    ['张家坡镇共受理依申请公开事项3件', 3],
    ['张家坡镇全年收到依申请公开请求6件', 6],
    ['张家坡镇依申请公开请求6件', 6],
    ['张家坡镇全年依申请公开申请共2件', 2],
    ['张家坡镇未收到公民、法人或其他组织提出的政府信息公开申请', 0],
  ];
  for (const [sentence, value] of cases) {
    it(`「${sentence}」 → ${value}, checked against 表三`, () => {
      expect(seed).toMatch(NONE);
      const r = parseOk(seed.replace(NONE, sentence));
      expect(r.metrics['prose.applications_received']).toBe(value);
      if (value === 0) expect(codes(r)).not.toContain('TEXT_TABLE_MISMATCH');
      else expect(r.findings.find((f) => f.code === 'TEXT_TABLE_MISMATCH')?.message).toContain(String(value));
    });
  }

  it('does not read 答复依申请公开申请5件 (replied) as received', () => {
    const r = parseOk(seed.replace(NONE, '张家坡镇答复依申请公开申请5件'));
    expect(r.metrics['prose.applications_received']).not.toBe(5);
  });
});
