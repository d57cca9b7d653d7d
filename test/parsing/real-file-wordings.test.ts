/**
 * Wordings met in the real PDFs (test/fixtures/real-files) that the parser must read, shown on a
 * seed report's text so the parser is tested apart from the PDF reader.
 */
import { describe, expect, it } from 'vitest';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';

const seed = readSeed('zhangjiapo-2021');

describe('a 表三 row label misprinted as 其他法律行政止公开 (洪泽区 2023 and 2024)', () => {
  // The row's 自然人 and 总计 cells made non-zero, so the values are seen to land on the row.
  const lines = seed.split('\n');
  const at = lines.findIndex((l) => l.includes('其他法律行政法规禁止公开'));
  lines[at] = lines[at]!.replace('其他法律行政法规禁止公开', '其他法律行政止公开');
  lines[at + 1] = '\t2';
  lines[at + 7] = '\t2';
  const r = parseOk(lines.join('\n'));

  it('is still the row 2.其他法律行政法规禁止公开, with its values', () => {
    expect(r.metrics['applications.denied.law_prohibited.natural']).toBe(2);
    expect(r.metrics['applications.denied.law_prohibited.total']).toBe(2);
    expect(codes(r)).not.toContain('TRUNCATED_TABLE');
  });

  it('is reported as a label that differs from the official one', () => {
    const labels = r.findings.filter((x) => x.code === 'NONSTANDARD_LABEL').map((x) => x.message);
    expect(labels).toContainEqual(expect.stringContaining('“2.其他法律行政止公开”'));
  });

  it('the official wording is not reported', () => {
    const labels = parseOk(seed)
      .findings.filter((x) => x.code === 'NONSTANDARD_LABEL')
      .map((x) => x.message);
    expect(labels.some((m) => m.includes('其他法律'))).toBe(false);
  });
});

describe('applications stated as 受理政府信息公开申请N件 (洪泽区 2024: 17, its table: 95)', () => {
  const text = seed.replace(/张家坡镇未收到[^，。]*申请/, '张家坡镇受理政府信息公开申请17件');

  it('is read as the number of applications received, and compared with 表三', () => {
    expect(text).not.toBe(seed);
    const r = parseOk(text);
    expect(r.metrics['prose.applications_received']).toBe(17);
    const f = r.findings.find((x) => x.code === 'TEXT_TABLE_MISMATCH');
    expect(f?.message).toContain('17');
  });
});
