import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parsing/readers/dispatch.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { codes, parseOk, readSeed, SEED_NAMES, type SeedName } from '../helpers/seeds.js';

/**
 * Reports as crawlers save them: a header block and the site's chrome around the body, or the page
 * cut off before the tables. Built from the seeds; the values expected are the seed's own.
 */
const FIELDS = ['org', 'name', 'region', 'year', 'signedDate', 'format', 'sections'] as const;

/** The seed's title: its first non-empty lines before part 一. */
function titleOf(seed: string): string {
  const head = seed.slice(0, seed.search(/一、\s*(?:政府信息公开)?(?:工作)?(?:总体|基本)情况/));
  return head
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[（(]?\d{4}年/.test(l))
    .slice(0, 3)
    .join('');
}

function crawled(seed: string, body = seed): string {
  return [
    '当前位置：首页 > 政务公开 > 政府信息公开年报',
    `标题：${titleOf(seed)}`,
    '发布时间：2021-01-20 10:30:00',
    '来源：县人民政府办公室',
    '原文链接：https://www.example.gov.cn/zwgk/art/2021/1/20/art_1_1.html',
    '【字体：大 中 小】 打印本页',
    '',
    body,
    '',
    '附件下载：',
    '上一篇：关于做好春节期间安全生产工作的通知',
    '下一篇：2020年政府工作报告',
    '【打印】 【关闭】',
    '版权所有：某某县人民政府 皖ICP备05000000号',
  ].join('\n');
}

function expectSameReport(actual: ParsedReport, expected: ParsedReport) {
  for (const f of FIELDS) expect.soft(actual[f], f).toEqual(expected[f]);
  expect(actual.metrics).toEqual(expected.metrics);
  expect(codes(actual).sort()).toEqual(codes(expected).sort());
}

describe('crawled pages with a header block and chrome', () => {
  for (const seed of SEED_NAMES) {
    it(`${seed}: the chrome is not prose, the values are the seed's`, () => {
      const text = crawled(readSeed(seed));
      const r = parseOk(text);
      expectSameReport(r, parseOk(readSeed(seed)));
      expect(r.title).not.toMatch(/当前位置|发布时间|原文链接/);
      for (const part of Object.values(r.sectionText)) expect(part).not.toMatch(/上一篇|版权所有|附件下载/);
    });
  }

  it('reads `published` from the header block of a text file', async () => {
    const read = await readDocument(Buffer.from(crawled(readSeed('longtan-2020'))), 'longtan.txt');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc.published).toBe('2021-01-20');
    const plain = await readDocument(Buffer.from(readSeed('longtan-2020')), 'longtan.txt');
    expect(plain.ok && plain.doc.published).toBeFalsy();
  });
});

describe('reports cut off before their tables', () => {
  const cutBeforeTables = (s: string) => {
    const at = s.search(/\n\s*(?:二|2)、\s*主动公开政府信息/);
    expect(at).toBeGreaterThan(0);
    return s.slice(0, at);
  };

  const cases: SeedName[] = ['longtan-2020', 'zhangjiapo-2021', 'kangzhuang-2020'];
  for (const seed of cases) {
    it(`${seed}: org, year and prose figures of part 一, with TRUNCATED_TABLE and MISSING_SECTION`, () => {
      const original = parseOk(readSeed(seed));
      const r = parseOk(cutBeforeTables(readSeed(seed)));
      expect(r.org).toBe(original.org);
      expect(r.year).toBe(original.year);
      expect(r.region).toBe(original.region);
      expect(r.metrics['prose.active_items']).toBe(original.metrics['prose.active_items']);
      expect(r.metrics['prose.applications_received']).toBe(original.metrics['prose.applications_received']);
      expect(codes(r)).toContain('TRUNCATED_TABLE');
      expect(codes(r)).toContain('MISSING_SECTION');
    });
  }

  it('a crawled page that names the report only in its 标题 line is still a report', () => {
    const seed = readSeed('zhangjiapo-2021');
    // No title and no preamble: the page starts at part 一 (printed 1、 总体情况 in this seed).
    const body = cutBeforeTables(seed).replace(/^[\s\S]*?(?=1、 总体情况)/, '');
    expect(body.startsWith('1、 总体情况')).toBe(true);
    const r = parseOk(crawled(seed, body));
    expect(r.org).toBe(parseOk(seed).org);
    expect(r.year).toBe(2021);
    expect(codes(r)).toContain('TRUNCATED_TABLE');
  });

  it('text with no part and no table stays NOT_A_REPORT', async () => {
    const { parseReportText } = await import('../../src/parsing/parse-report.js');
    const r = parseReportText(crawled(readSeed('longtan-2020'), '关于做好春节期间安全生产工作的通知\n各村（社区）：现将有关事项通知如下。'));
    expect(r.ok).toBe(false);
  });
});
