import { describe, expect, it } from 'vitest';
import { comparableText, jaccard, shingles, textSimilarity } from '../../src/ingest/similarity.js';

const prose =
  '我镇深入贯彻落实政府信息公开条例，以群众关注关心的问题为中心，进一步拓展和深化政府信息公开的内容和范围，' +
  '完善政务公开制度建设，健全信息发布审核机制，加强政务公开平台建设，努力提高信息公开的质量和时效。' +
  '全年组织业务培训，提升机关干部政务公开意识和能力，确保各项工作落到实处。';

describe('similarity', () => {
  it('drops digits, spaces and punctuation before comparing', () => {
    expect(comparableText('2021年，共公开 95 条。')).toBe('年共公开条');
  });

  it('is 1 for identical text and symmetric', () => {
    const a = shingles('政府信息公开工作年度报告');
    const b = shingles('政府信息公开工作情况报告');
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, b)).toBeCloseTo(jaccard(b, a));
    expect(jaccard(a, b)).toBeGreaterThan(0);
    expect(jaccard(a, b)).toBeLessThan(1);
  });

  it('sees a copy with the year and figures changed as the same text', () => {
    const copy = `2021年${prose}共发布信息95条。`;
    const next = `2022年${prose}共发布信息130条。`;
    expect(textSimilarity(copy, next)).toBe(1);
  });

  it('sees through a swapped town name when told the names', () => {
    const a = prose.replace(/我镇/g, '张家坡镇') + '张家坡镇党委高度重视张家坡镇政务公开。';
    const b = prose.replace(/我镇/g, '南麻镇') + '南麻镇党委高度重视南麻镇政务公开。';
    const plain = textSimilarity(a, b)!;
    const named = textSimilarity(a, b, ['张家坡镇', '南麻镇'])!;
    expect(named).toBeGreaterThan(plain);
    expect(named).toBeGreaterThanOrEqual(0.95);
  });

  it('tells different prose apart', () => {
    const other =
      '本年度我镇未收到政府信息公开申请，未发生行政复议和行政诉讼。下一步将围绕乡村振兴、民生保障等重点领域，' +
      '加大主动公开力度，规范依申请公开办理流程，做好政策解读和回应关切，推进基层政务公开标准化规范化建设。';
    expect(textSimilarity(prose, other)!).toBeLessThan(0.3);
  });

  it('does not compare short texts such as 无。', () => {
    expect(textSimilarity('无。', '无。')).toBeNull();
    expect(textSimilarity(prose, '本年度无其他需要报告的事项。')).toBeNull();
  });
});
