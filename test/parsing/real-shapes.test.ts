import { describe, expect, it } from 'vitest';
import { toReportText } from '../../src/parsing/report-text.js';
import { readDocument } from '../../src/parsing/readers/dispatch.js';
import { tokenize } from '../../src/parsing/tokens.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { toOneLine } from '../helpers/reflatten.js';
import {
  seedPieces,
  toBorderedPipeRows,
  toHalfWidth,
  toParagraphs,
  toPipeLines,
  toSedPipeLines,
  toTrailingPipeLines,
  toTrailingPipeRows,
  wrapLabels,
} from '../helpers/real-shapes.js';
import { codes, parseOk, readSeed, SEED_NAMES } from '../helpers/seeds.js';

/**
 * The text shapes real crawled report pages come in (docs/real-shapes.md), each made from every seed
 * by a transformation of its layout only: every metric, field and finding must be the seed's own.
 */
const FIELDS = ['org', 'name', 'region', 'year', 'signedDate', 'format', 'sections'] as const;

function expectSameReport(actual: ParsedReport, expected: ParsedReport) {
  for (const f of FIELDS) expect.soft(actual[f], f).toEqual(expected[f]);
  expect(actual.metrics).toEqual(expected.metrics);
  expect(codes(actual).sort()).toEqual(codes(expected).sort());
}

const TABLE_SHAPES: Record<string, { make: (seed: string) => string; shows: RegExp }> = {
  'one cell a line, a `|` line after each cell, rows running on (Xinjiang)': {
    make: (s) => toPipeLines(seedPieces(s)),
    shows: /\n0\n\|\n0\n\|\n/,
  },
  'the same with long labels wrapped over two lines': {
    make: (s) => toPipeLines(wrapLabels(seedPieces(s))),
    shows: /，\n[^|\n]+\n\|\n/,
  },
  'tabs turned into `|` lines by sed': {
    make: toSedPipeLines,
    shows: /\n\|\n0\s*\n\|?\n?/,
  },
  'one cell a line ending in ` |`, empty cells as a line of pipes (Sichuan, Heilongjiang)': {
    make: (s) => toTrailingPipeLines(seedPieces(s)),
    shows: /\n0 \|\n0 \|\n/,
  },
  'the same with a `|` line closing each row (Hunan)': {
    make: (s) => toTrailingPipeLines(seedPieces(s), '|'),
    shows: /\n0 \|\n\|\n/,
  },
  'the same with long labels wrapped': {
    make: (s) => toTrailingPipeLines(wrapLabels(seedPieces(s))),
    shows: /，\n[^|\n]+ \|\n/,
  },
  'one row a line, cells followed by ` |`, empty cells as bare pipes (Shandong, Chongqing, Hubei, Henan)': {
    make: (s) => toTrailingPipeRows(seedPieces(s)),
    shows: /\n规章 \| 0 \| 0 \| 0 \| \|\n|\n规章 \| 0 \| 0 \| 0 \|\|/,
  },
  'the same with half-width brackets and colons': {
    make: (s) => toHalfWidth(toTrailingPipeRows(seedPieces(s))),
    shows: /\n第二十条第\(一\)项 \|/,
  },
  'border pipes with a space after the last, empty cells as bare pipes (Sichuan)': {
    make: (s) => toBorderedPipeRows(seedPieces(s)),
    shows: /\n\| 规章 \| 0 \| 0 \| 0 \|+ \n/,
  },
  'one cell a paragraph, padded with spaces, labels wrapped (Jiangxi, Chongqing, Jilin, Hainan)': {
    make: (s) => toParagraphs(wrapLabels(seedPieces(s))),
    shows: /\n0 \n\n 0\n\n/,
  },
};

describe('table shapes of crawled pages read the values of the original', () => {
  for (const seed of SEED_NAMES) {
    for (const [name, { make, shows }] of Object.entries(TABLE_SHAPES)) {
      it(`${seed}: ${name}`, () => {
        const text = make(readSeed(seed));
        expect(text).toMatch(shows);
        expect(text).not.toContain('\t');
        expectSameReport(parseOk(text), parseOk(readSeed(seed)));
      });
    }
  }
});

describe('an empty cell inside a row keeps the cells after it in their columns', () => {
  // longtan-2020 with its 商业企业 cell of 本年新收 left empty: the 0s after it must not move left.
  const seed = readSeed('longtan-2020').replace(/^(一、本年新收政府信息公开申请数量\t\t0)\t0/m, '$1\t');
  const shapes = {
    '`|` lines': toPipeLines,
    'cells ending in ` |`': toTrailingPipeLines,
    'rows of cells ending in ` |`': toTrailingPipeRows,
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      const original = parseOk(seed);
      expect(original.metrics['applications.new.natural']).toBe(0);
      expect(original.metrics['applications.new.org_commercial']).toBeNull();
      expectSameReport(parseOk(make(seedPieces(seed))), original);
    });
  }
});

describe('cells between `|` lines', () => {
  const tokens = (text: string) => {
    const rt = toReportText(text);
    return tokenize(rt, 0, rt.text.length).map((t) => (t.cell.kind === 'blank' ? '∅' : t.text));
  };
  const bars = (lines: string[]) => ['信息内容', '|', '申请人', '|', '自然人', '|', '法人', '|', ...lines].join('\n');

  it('an empty line between two `|` lines is an empty cell; a `|` line itself is no cell', () => {
    expect(tokens(bars(['1', '|', '', '|', '2', '|', '行政许可', '|', '3', '|']))).toEqual([
      '信息内容',
      '申请人',
      '自然人',
      '法人',
      '1',
      '∅',
      '2',
      '行政许可',
      '3',
    ]);
  });

  it('two `|` lines together, or several empty lines between two, enclose one empty cell', () => {
    expect(tokens(bars(['1', '|', '|', '2', '|', '', '', '|', '3', '|']))).toEqual(['信息内容', '申请人', '自然人', '法人', '1', '∅', '2', '∅', '3']);
  });

  it('between `|` lines a line is one cell, spaces and all', () => {
    expect(tokens(bars(['1. 属于国家秘密', '|', '0', '|']))).toContain('1.属于国家秘密');
  });

  it('where cells carry their own pipes, a line of pipes is one empty cell per pipe', () => {
    expect(tokens(['一、本年新收 |', '|||||', '1 |', '1 |', '||'].join('\n'))).toEqual(['一、本年新收', '∅', '∅', '∅', '∅', '∅', '1', '1', '∅', '∅']);
  });

  it('a few stray `|` lines in ordinary text stay empty cells of their own', () => {
    expect(tokens(['规章', '|', '0', '0'].join('\n'))).toEqual(['规章', '∅', '0', '0']);
  });
});

/** The seed with `head` lines before it and its first line (the title) followed by `titleTail`. */
function framed(seed: string, head: string[], titleTail = '', afterTitle: string[] = []): string {
  const [title, ...rest] = seed.split('\n');
  return [...head, `${title!}${titleTail}`, ...afterTitle, ...rest].join('\n');
}

const PIPE_RUN = '|'.repeat(300);

const PAGE_SHAPES: Record<string, { make: (seed: string) => string; published: string | null }> = {
  'a layout table after the title and after the date with its counter (Sichuan)': {
    make: (s) => framed(s, [], ` | ${PIPE_RUN}`, [`2021年01月25日 (点击: ) | ${PIPE_RUN}`]),
    published: '2021-01-25',
  },
  'a metadata table above the title (Zhejiang)': {
    make: (s) =>
      framed(s, [
        '索引号: | 113300000000000000/2021-000001 | 公开方式: | 主动公开 |',
        '文号: | 公开日期: | 2021-01-26 | |',
        `发布单位: | ${parseOk(s).name ?? ''} | 有效性: |`,
      ]),
    published: '2021-01-26',
  },
  'an accessibility bar, a breadcrumb and a visit counter (Jiangxi)': {
    make: (s) => framed(s, ['关怀版 无障碍 无障碍', '', '您当前所在位置: 首页 > 各乡镇信息公开 > 年度报告 > 信息公开年度报告', '', '访问量:', '']),
    published: null,
  },
  'a breadcrumb, a bare date field and a font bar (Chongqing)': {
    make: (s) => framed(s, ['当前位置:街镇 > 政务公开 > 政府信息公开年报', '日期:2021-01-29', '字体:【 默认 超大', '分享:', '']),
    published: '2021-01-29',
  },
  'a bulleted toolbar under the publication date (Shandong)': {
    make: (s) => framed(s, ['发布日期:2021-01-30', '  • 字号:', '  • |', '  • 打印', '']),
    published: '2021-01-30',
  },
  'a bulleted accessibility bar and 您现在所在的位置 (Anhui)': {
    make: (s) =>
      framed(s, [
        '  • 无障碍',
        '  • 长辈版',
        '您现在所在的位置: 网站首页 > 政府信息公开 > 政府信息公开年报',
        '发布时间:2022-01-07 00:00 来源:某某镇人民政府 字体:[ ]',
        '',
      ]),
    published: '2022-01-07',
  },
  'a bulleted metadata list, each value on the line after its field (Yunnan)': {
    make: (s) =>
      framed(s, [
        '  • 索引号',
        '    20240914-173703-448',
        '  • 发布机构',
        '    某某市人民政府办公室',
        '  • 文号',
        '  • 发布日期',
        '    2021-01-29',
        '  • 时效性',
        '    有效',
        '',
      ]),
    published: '2021-01-29',
  },
  'a login bar (Jilin)': {
    make: (s) => framed(s, ['登录 |  注册 ', '']),
    published: null,
  },
  "the site's footer printed above the report (Shanxi)": {
    make: (s) =>
      framed(s, [
        '主办单位:某某县人民政府 © 版权所有',
        '承办单位:某某县人民政府办公室',
        '晋ICP备00000000号 网站标识码:0000000000',
        '联系电话:0000-0000000',
        '涉密文件严禁上网',
        '某某县人民政府门户网站提示:使用大于1366*768分辨率/IE10.0或以上浏览器可以获得最佳浏览效果!',
      ]),
    published: null,
  },
};

describe('page chrome of crawled pages is not the report', () => {
  for (const seed of SEED_NAMES) {
    for (const [name, { make }] of Object.entries(PAGE_SHAPES)) {
      it(`${seed}: ${name}`, () => {
        const original = parseOk(readSeed(seed));
        const r = parseOk(make(readSeed(seed)));
        expectSameReport(r, original);
        expect(r.title).toBe(original.title);
      });
    }
  }

  for (const [name, { make, published }] of Object.entries(PAGE_SHAPES)) {
    it(`published date: ${name}`, async () => {
      const read = await readDocument(Buffer.from(make(readSeed('longtan-2020'))), 'page.txt');
      if (!read.ok) throw new Error(read.error.message);
      expect(read.doc.published ?? null).toBe(published);
    });
  }

  it('a page opening with a metadata header of pipes, the body on one line (Zhejiang)', () => {
    for (const seed of SEED_NAMES) {
      const oneLine = toOneLine(readSeed(seed));
      const r = parseOk(`信息公开元数据\n|\n${PIPE_RUN}\n${oneLine}`);
      const original = parseOk(oneLine);
      expectSameReport(r, original);
      expect(r.title).toBe(original.title);
    }
  });
});
