/**
 * The table rebuild and the flattening on pages described glyph by glyph (what pdf2json gives),
 * so each rule is seen on its own: merged cells, a label set vertically, a row broken across a
 * page, page furniture, paragraphs wrapped over lines and pages.
 */
import { describe, expect, it } from 'vitest';
import type { Glyph, HSeg, RawPage, VSeg } from '../../../src/parsing/readers/pdf-extract.js';
import { flattenPages } from '../../../src/parsing/readers/pdf-flatten.js';
import { layoutPage } from '../../../src/parsing/readers/pdf-layout.js';

const SIZE = 15;
const EM = SIZE / 20;
/** Glyph top for a line whose centre should be at `cy` (the layout's own convention). */
const topFor = (cy: number) => cy - 0.75 + 0.35 * EM;
const wide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;

/** A run of text laid out left to right, one glyph per character, centred vertically on cy. */
function text(s: string, x: number, cy: number): Glyph[] {
  const out: Glyph[] = [];
  let at = x;
  for (const ch of s) {
    const w = wide(ch) ? EM : EM / 2;
    out.push({ x: at, y: topFor(cy), w, size: SIZE, s: ch });
    at += w;
  }
  return out;
}

/** Text set vertically, one character under the other. */
function vertical(s: string, x: number, cyTop: number): Glyph[] {
  return [...s].flatMap((ch, k) => text(ch, x, cyTop + k * 0.9));
}

/** A full grid of rules: columns at xs, rows at ys, minus the rule pieces listed in `open`. */
function rules(xs: number[], ys: number[], open: { v?: Array<[number, number]>; h?: Array<[number, number]> } = {}) {
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  ys.forEach((y, j) =>
    xs.slice(0, -1).forEach((x, i) => {
      if (!open.h?.some(([oi, oj]) => oi === i && oj === j)) h.push({ y, x1: x, x2: xs[i + 1]! });
    }),
  );
  xs.forEach((x, i) =>
    ys.slice(0, -1).forEach((y, j) => {
      if (!open.v?.some(([oi, oj]) => oi === i && oj === j)) v.push({ x, y1: y, y2: ys[j + 1]! });
    }),
  );
  return { h, v };
}

const page = (glyphs: Glyph[], r: { h: HSeg[]; v: VSeg[] } = { h: [], v: [] }): RawPage => ({
  width: 37.2,
  height: 52.6,
  glyphs,
  ...r,
});

const flatten = (pages: RawPage[]) => flattenPages(pages.map((p) => ({ height: p.height, blocks: layoutPage(p) })));

describe('a ruled table', () => {
  // Columns: group label | row label | 自然人 | 总计; rows: header, then three result rows.
  const xs = [5, 7, 19, 24, 29];
  const ys = [20, 22, 24, 26, 28];
  // The group label cell spans rows 1–3 (no rule between them in column 0); the header's first cell
  // spans the two label columns (no rule between columns 0 and 1 in row 0).
  const r = rules(xs, ys, {
    h: [
      [0, 2],
      [0, 3],
    ],
    v: [[1, 0]],
  });
  const glyphs = [
    ...text('项目', 10, 21),
    ...text('自然人', 20, 21),
    ...text('总计', 25, 21),
    ...vertical('三、办理结果', 5.5, 22.6),
    ...text('（一）予以公开', 7.5, 23),
    ...text('12', 21, 23),
    ...text('12', 26, 23),
    ...text('（二）部分公开', 7.5, 25),
    ...text('3', 21, 25),
    // 总计 of this row left blank.
    ...text('（三）不予公开', 7.5, 27),
    ...text('0', 21, 27),
    ...text('0', 26, 27),
  ];

  it('writes one row per line, a merged cell once, in its first row, and keeps blank cells', () => {
    expect(flatten([page(glyphs, r)]).lines).toEqual([
      '项目\t自然人\t总计',
      '三、办理结果\t（一）予以公开\t12\t12',
      '（二）部分公开\t3\t',
      '（三）不予公开\t0\t0',
    ]);
  });

  it('takes a cell from the rules, not from where the text happens to sit', () => {
    // The vertical label's characters lie beside three rows; they still form one cell.
    const blocks = layoutPage(page(glyphs, r));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('table');
  });

  describe('whose rules between the figures are lost', () => {
    // 表三 figure columns are narrow: about two ems from one figure to the next.
    const row = (cy: number) => [
      ...text('一、本年新收政府信息公开申请数量', 5.5, cy),
      ...text('21', 20, cy),
      ...text('0', 21.8, cy),
      ...text('0', 23.6, cy),
      ...text('21', 25.4, cy),
    ];
    const want = ['一、本年新收政府信息公开申请数量\t21\t0\t0\t21'];

    it('keeps the figures apart inside a ruled row (short vertical rules dropped by pdf2json)', () => {
      const onlyOuter = rules([5, 29], [20, 22]);
      expect(flatten([page(row(21), onlyOuter)]).lines).toEqual(want);
    });

    it('keeps the figures apart with no rules at all', () => {
      expect(flatten([page(row(21))]).lines).toEqual(want);
    });
  });

  it('without rules, wide gaps on a line still separate the cells', () => {
    const loose = [...text('行政许可', 5, 10), ...text('550', 20, 10)];
    expect(flatten([page(loose)]).lines).toEqual(['行政许可\t550']);
  });
});

describe('across pages', () => {
  const xs = [5, 19, 24, 29];
  const rowsAtBottom = [40, 42, 45];
  const rowsAtTop = [5, 7, 9];

  it('joins a label-only row after a page break to the row it continues', () => {
    const p1 = page(
      [
        ...text('4.无正当理由大量反复申请', 5.5, 41),
        ...text('0', 20, 41),
        ...text('0', 26, 41),
        ...text('5.要求行政机关确认或重新', 5.5, 43.5),
        ...text('1', 20, 43.5),
        ...text('1', 26, 43.5),
      ],
      rules(xs, rowsAtBottom),
    );
    const p2 = page([...text('出具已获取信息', 5.5, 6), ...text('（七）总计', 5.5, 8), ...text('5', 20, 8), ...text('5', 26, 8)], rules(xs, rowsAtTop));
    const flat = flatten([p1, p2]);
    expect(flat.lines).toEqual(['4.无正当理由大量反复申请\t0\t0', '5.要求行政机关确认或重新出具已获取信息\t1\t1', '（七）总计\t5\t5']);
    expect(flat.pages).toEqual([1, 1, 2]);
  });

  it('joins the start of a label left above the page break, figure cells empty, to the row that has its figures', () => {
    const p1 = page(
      [...text('4.无正当理由大量反复申请', 5.5, 41), ...text('0', 20, 41), ...text('0', 26, 41), ...text('5.要求行政机关确认或重新', 5.5, 43.5)],
      rules(xs, rowsAtBottom),
    );
    const p2 = page([...text('出具已获取信息', 5.5, 6), ...text('1', 20, 6), ...text('1', 26, 6)], rules(xs, [5, 7]));
    const flat = flatten([p1, p2]);
    expect(flat.lines).toEqual(['4.无正当理由大量反复申请\t0\t0', '5.要求行政机关确认或重新出具已获取信息\t1\t1']);
    expect(flat.pages).toEqual([1, 2]);
  });

  it('does not move a header row left above the page break into the first row below it', () => {
    const p1 = page(
      [...text('行政许可', 5.5, 41), ...text('550', 20, 41), ...text('信息内容', 5.5, 43.5), ...text('决定数量', 19.5, 43.5)],
      rules(xs, rowsAtBottom),
    );
    const p2 = page([...text('行政处罚', 5.5, 6), ...text('4119', 20, 6)], rules(xs, [5, 7]));
    expect(flatten([p1, p2]).lines).toEqual(['行政许可\t550\t', '信息内容\t决定数量\t', '行政处罚\t4119\t']);
  });

  it('does not join a heading row that spans the table to the row above it', () => {
    const p1 = page([...text('行政许可', 5.5, 41), ...text('550', 20, 41), ...text('1', 20, 43.5), ...text('行政处罚', 5.5, 43.5)], rules(xs, rowsAtBottom));
    const p2 = page(
      [...text('第二十条第（六）项', 10, 6), ...text('行政强制', 5.5, 8), ...text('2', 20, 8)],
      rules(xs, rowsAtTop, {
        v: [
          [1, 0],
          [2, 0],
        ],
      }),
    );
    expect(flatten([p1, p2]).lines).toEqual(['行政许可\t550\t', '行政处罚\t1\t', '第二十条第（六）项', '行政强制\t2\t']);
  });

  it('joins a row-group label broken at the page to its start', () => {
    // Column 0 is the group label; on page 1 it holds 「（四）无」, on page 2 「法提供」 over two rows.
    const gx = [5, 9, 19, 24];
    const p1 = page(
      [...text('（四）无', 5.2, 43.5), ...text('1.本机关不掌握', 9.5, 43.5), ...text('9', 20, 43.5), ...text('x', 5.5, 41), ...text('8', 20, 41)],
      rules(gx, rowsAtBottom),
    );
    const p2 = page(
      [...vertical('法提供', 5.5, 6), ...text('2.没有现成信息', 9.5, 6), ...text('1', 20, 6), ...text('3.补正后仍不明确', 9.5, 8), ...text('0', 20, 8)],
      rules(gx, rowsAtTop, { h: [[0, 1]] }),
    );
    const lines = flatten([p1, p2]).lines;
    expect(lines).toContain('（四）无法提供\t1.本机关不掌握\t9');
    expect(lines).toContain('2.没有现成信息\t1');
    expect(lines.join('\n')).not.toContain('法提供\t2.');
  });
});

describe('running text', () => {
  const full = (s: string, cy: number, indent = 0) => text(s, 5 + indent, cy);
  // 20 CJK characters fill the line from x=5 to x=20.
  const LINE = '这是一段很长的正文用来填满整整一行的宽度';

  it('joins wrapped lines into one paragraph, keeps headings and indented starts apart', () => {
    const p = page([
      ...full('一、总体情况', 5, 1.5),
      ...full(LINE, 6, 1.5),
      ...full(LINE, 7),
      ...full('最后一行。', 8),
      ...full('（一）主动公开情况。', 9, 1.5),
    ]);
    expect(flatten([p]).lines).toEqual(['一、总体情况', `${LINE}${LINE}最后一行。`, '（一）主动公开情况。']);
  });

  it('joins a paragraph that runs on to the next page, and drops page numbers and running headers', () => {
    const header = (n: number) => text(`洪泽区人民政府2023年度报告 第${n}页`, 8, 2);
    const footer = (n: number) => text(`- ${n} -`, 18, 50.5);
    const p1 = page([...header(1), ...full('二、情况', 10, 1.5), ...full(LINE, 11, 1.5), ...full(LINE, 12), ...footer(1)]);
    const p2 = page([...header(2), ...full('续完。', 6), ...full('三、问题', 7, 1.5), ...footer(2)]);
    const flat = flatten([p1, p2]);
    expect(flat.lines).toEqual(['二、情况', `${LINE}${LINE}续完。`, '三、问题']);
    expect(flat.pages).toEqual([1, 1, 2]);
  });

  it('keeps a line in the margin that is no page furniture', () => {
    const p = page([...full('正文', 10), ...text('附件：统计表', 5, 50.5)]);
    expect(flatten([p]).lines).toEqual(['正文', '附件：统计表']);
  });
});
