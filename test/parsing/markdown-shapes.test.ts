import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/parsing/types.js';
import { codes, parseOk, readSeed, type SeedName } from '../helpers/seeds.js';

/**
 * Markdown as PDF extractors make it: every table row becomes a small pipe table of its own with a
 * generic header (| 类别 | 数据1 | … | 总计 |), its label in a heading above or on the line before with
 * the label cell empty; page footers (— 3 —) inside the tables, the header repeated, headings printed
 * twice. Built from the seeds whose rows are one per line; the values expected are the seed's own.
 */
interface Variant {
  label: 'heading' | 'line-before';
  footers: boolean;
  repeatedHeader: boolean;
  headingTwice: boolean;
}

const FIGURE = /^\d+(?:\.\d+)?(?: 万元)?$/;

function toExtractorMarkdown(seed: string, v: Variant): string {
  const out: string[] = [];
  let row = 0;
  for (const line of seed.split('\n')) {
    const fields = line.split('\t').map((f) => f.trim());
    const first = fields.findIndex((f) => FIGURE.test(f));
    if (!line.includes('\t') || first === -1) {
      // Headers and prose: a line of text; a part heading as a Markdown heading.
      const text = line.includes('\t') ? fields.filter(Boolean).join(' ') : line;
      out.push(/^[一二三四五六]、/.test(text) ? `## ${text}` : text);
      continue;
    }
    const label = fields.slice(0, first).filter(Boolean).join(' ');
    const cells = fields.slice(first);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    const header = `| 类别 | ${cells.map((_, j) => (j === cells.length - 1 ? '总计' : `数据${j + 1}`)).join(' | ')} |`;
    const labelLine = v.label === 'heading' ? `### ${label}` : label;
    if (label !== '') out.push(labelLine, ...(v.headingTwice && v.label === 'heading' ? [labelLine] : []), '');
    out.push(header, `| ${['---', ...cells.map(() => '---')].join(' | ')} |`);
    if (v.footers && row % 5 === 4) out.push('', '— 3 —', '');
    if (v.repeatedHeader && row % 3 === 2) out.push(header);
    out.push(`|  | ${cells.join(' | ')} |`, '');
    row++;
  }
  return out.join('\n');
}

const FIELDS = ['org', 'name', 'region', 'year', 'signedDate', 'format', 'sections'] as const;
function expectSameReport(actual: ParsedReport, expected: ParsedReport) {
  for (const f of FIELDS) expect.soft(actual[f], f).toEqual(expected[f]);
  expect(actual.metrics).toEqual(expected.metrics);
  expect(codes(actual).sort()).toEqual(codes(expected).sort());
}

const VARIANTS: Record<string, Variant> = {
  'label in a heading': { label: 'heading', footers: false, repeatedHeader: false, headingTwice: false },
  'label on the line before': { label: 'line-before', footers: false, repeatedHeader: false, headingTwice: false },
  'page footers and repeated headers inside the tables': { label: 'heading', footers: true, repeatedHeader: true, headingTwice: false },
  'every heading printed twice': { label: 'heading', footers: true, repeatedHeader: false, headingTwice: true },
};

describe('Markdown from PDF extractors', () => {
  const seeds: SeedName[] = ['longtan-2020', 'daliuzhuang-2022'];
  for (const seed of seeds) {
    for (const [name, v] of Object.entries(VARIANTS)) {
      it(`${seed}: ${name}`, () => {
        const text = toExtractorMarkdown(readSeed(seed), v);
        expect(text).toContain('| 类别 | 数据1 |');
        expectSameReport(parseOk(text), parseOk(readSeed(seed)));
      });
    }
  }

  it('a generic header row is layout, a header with real column names is not', async () => {
    const { splitLine } = await import('../../src/parsing/tokens.js');
    expect(splitLine('| 类别 | 数据1 | 数据2 | 总计 |')).toEqual([]);
    expect(splitLine('| 信息内容 | 本年新制作数量 | 本年新公开数量 |')).toEqual(['信息内容', '本年新制作数量', '本年新公开数量']);
    expect(splitLine('|  | 0 | 2 | 2 |')).toEqual(['', '0', '2', '2']);
  });
});
