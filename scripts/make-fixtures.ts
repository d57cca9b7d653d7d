/**
 * Makes the file fixtures of the five seed reports (test/fixtures/seed-reports/*.txt):
 *   <seed>.docx  a Word document with real tables: the official merged cells (表三's and 表四's
 *                three-row headers, 表三's row-group labels merged down, section rows across)
 *   <seed>.pdf, <seed>.doc, <seed>.html   the .docx converted by LibreOffice
 *   kangzhuang-2020.html  instead a county portal's page in GBK around the converted body
 *                (navigation, script, footer, 发布时间)
 * into test/fixtures/files/seeds/. Run once, commit the outputs:
 *   npx tsx scripts/make-fixtures.ts
 * (needs `soffice` and a Chinese .ttf: apt-get install libreoffice-writer-nogui fonts-droid-fallback)
 * Never part of the ingest path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';
import iconv from 'iconv-lite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(ROOT, 'test/fixtures/seed-reports');
const OUT = join(ROOT, 'test/fixtures/files/seeds');
const NAMES = ['kangzhuang-2020', 'longtan-2020', 'mianyang-2021', 'daliuzhuang-2022', 'zhangjiapo-2021'];
const GBK_PORTAL = 'kangzhuang-2020';

type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

const isCellLine = (l: string) => l.startsWith('\t') && l.indexOf('\t', 1) === -1;
const isRowLine = (l: string) => l.includes('\t') && !isCellLine(l);

/**
 * The seed's paragraphs and tables. Seeds come in two shapes: one row per line with tabs, or (Word's
 * plain-text export) one cell per line, each cell line starting with a tab and rows separated by
 * blank lines; a line without a tab right after a cell line continues that cell.
 */
function readSeed(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isCellLine(line)) {
      const rows: string[][] = [];
      let row: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i]!;
        if (isCellLine(l)) row.push(l.slice(1));
        else if (l.trim() === '') {
          if (row.length) rows.push(row);
          row = [];
        } else if (!l.includes('\t') && row.length && lines[i - 1]!.trim() !== '') row[row.length - 1] += l;
        else break;
      }
      if (row.length) rows.push(row);
      blocks.push({ kind: 'table', rows });
    } else if (isRowLine(line)) {
      const rows: string[][] = [];
      for (; i < lines.length && (isRowLine(lines[i]!) || (lines[i]!.trim() === '' && isRowLine(lines[i + 1] ?? ''))); i++) {
        if (lines[i]!.trim() !== '') rows.push(lines[i]!.split('\t'));
      }
      blocks.push({ kind: 'table', rows });
    } else {
      if (line.trim() !== '') blocks.push({ kind: 'p', text: line });
      i++;
    }
  }
  return blocks;
}

const NUMERIC = /^\s*[+-]?[\d,.]+\s*(?:万元|元|件|条|项|个)?\s*$/;
const isLabel = (c: string) => c.trim() !== '' && !NUMERIC.test(c);

interface Cell {
  text: string;
  span: number;
  merge?: 'restart' | 'continue';
}

const T3_HEADER: Cell[][] = [
  [
    { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span: 3, merge: 'restart' },
    { text: '申请人情况', span: 7 },
  ],
  [
    { text: '', span: 3, merge: 'continue' },
    { text: '自然人', span: 1, merge: 'restart' },
    { text: '法人或其他组织', span: 5 },
    { text: '总计', span: 1, merge: 'restart' },
  ],
  [
    { text: '', span: 3, merge: 'continue' },
    { text: '', span: 1, merge: 'continue' },
    ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text, span: 1 })),
    { text: '', span: 1, merge: 'continue' },
  ],
];

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_HEADER: Cell[][] = [
  [
    { text: '行政复议', span: 5 },
    { text: '行政诉讼', span: 10 },
  ],
  [...RESULTS.map((text): Cell => ({ text, span: 1, merge: 'restart' })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }],
  [...RESULTS.map((): Cell => ({ text: '', span: 1, merge: 'continue' })), ...[...RESULTS, ...RESULTS].map((text) => ({ text, span: 1 }))],
];

/** Replaces the seed's own rendering of a table head with the official merged head. */
function withOfficialHead(rows: string[][]): { head: Cell[][]; body: string[][] } {
  const has = (r: string[], re: RegExp) => r.some((c) => re.test(c));
  const t3 = rows.findIndex((r) => has(r, /申请人情况/));
  if (t3 !== -1) {
    const first = rows.findIndex((r, k) => k > t3 && has(r, /新收/));
    if (first !== -1) return { head: T3_HEADER, body: [...rows.slice(0, t3), ...rows.slice(first)] };
  }
  const t4 = rows.findIndex((r) => has(r, /^\s*行政复议\s*$/) && has(r, /^\s*行政诉讼\s*$/));
  if (t4 !== -1) {
    const data = rows.findIndex((r, k) => k > t4 && r.filter((c) => NUMERIC.test(c)).length >= 5);
    if (data !== -1) return { head: T4_HEADER, body: [...rows.slice(0, t4), ...rows.slice(data)] };
  }
  return { head: [], body: rows };
}

/**
 * Spans of the seed's rows: a one-cell row runs across the table; a shorter row's label cell (the
 * last text before the figures) spans the missing columns, as 「（一）予以公开」 spans the item
 * column; an empty label cell under a label is the same cell merged down.
 */
function layout(rows: string[][]): Cell[][] {
  const { head, body } = withOfficialHead(rows.map((r) => trimEnd(r)));
  const width = Math.max(...head.map((r) => r.reduce((s, c) => s + c.span, 0)), ...body.map((r) => r.length));
  const out: Cell[][] = [...head];
  let above: Map<number, Cell> = new Map();
  for (const r of body) {
    const cells: Cell[] = r.map((text) => ({ text: text.trim(), span: 1 }));
    const deficit = width - cells.length;
    if (cells.length === 1) cells[0]!.span = width;
    else if (deficit > 0) {
      const firstFigure = cells.findIndex((c) => NUMERIC.test(c.text));
      const before = firstFigure === -1 ? cells.length : firstFigure;
      let k = -1;
      for (let j = 0; j < before; j++) if (isLabel(cells[j]!.text)) k = j;
      cells[k === -1 ? 0 : k]!.span += deficit;
    }
    const lastLabel = cells.reduce((k, c, j) => (isLabel(c.text) ? j : k), -1);
    const row: Map<number, Cell> = new Map();
    let col = 0;
    cells.forEach((c, j) => {
      const up = above.get(col);
      if (c.text === '' && j < lastLabel && up && up.span === c.span && (up.merge !== undefined || isLabel(up.text))) {
        if (up.merge === undefined) up.merge = 'restart';
        c.merge = 'continue';
      }
      row.set(col, c);
      col += c.span;
    });
    above = row;
    out.push(cells);
  }
  return out;
}

function trimEnd(r: string[]): string[] {
  let n = r.length;
  while (n > 1 && r[n - 1]!.trim() === '') n--;
  return r.slice(0, n);
}

const HEADING = /^\s*(?:[一二三四五六]、|\d、)/;

/**
 * A Chinese font LibreOffice embeds as real text (apt: fonts-droid-fallback). Without it LibreOffice
 * falls back to a font collection (.ttc) it cannot embed and draws the Chinese as outlines with the
 * text only in ActualText marks, which no PDF text extractor here reads.
 */
const FONT = { ascii: 'Droid Sans Fallback', eastAsia: 'Droid Sans Fallback', hAnsi: 'Droid Sans Fallback' };

function toDocx(blocks: Block[]): Document {
  const children = blocks.map((b, k) => {
    if (b.kind === 'p') {
      const heading = k < 2 ? HeadingLevel.TITLE : HEADING.test(b.text) ? HeadingLevel.HEADING_2 : undefined;
      return new Paragraph({ text: b.text, heading });
    }
    const rows = layout(b.rows);
    const width = rows[0]!.reduce((s, c) => s + c.span, 0);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)),
      rows: rows.map(
        (r) =>
          new TableRow({
            children: r.map(
              (c) =>
                new TableCell({
                  children: [new Paragraph(c.text)],
                  columnSpan: c.span > 1 ? c.span : undefined,
                  verticalMerge: c.merge === 'restart' ? VerticalMergeType.RESTART : c.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
                }),
            ),
          }),
      ),
    });
  });
  // Paragraphs between two tables keep them apart (Word joins adjacent tables into one).
  const spaced = children.flatMap((c, k) => (c instanceof Table && children[k + 1] instanceof Table ? [c, new Paragraph('')] : [c]));
  return new Document({ styles: { default: { document: { run: { font: FONT } } } }, sections: [{ children: spaced }] });
}

function soffice(file: string, format: string, outDir: string): void {
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], { stdio: 'ignore', timeout: 120_000 });
}

/** A county portal's article page around the report, in GBK, as such pages are served. */
function portalPage(body: string): Buffer {
  const page = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>2020年度政府信息公开工作年度报告_康庄镇人民政府</title>
<script type="text/javascript">var nav = "<table><tr><td>首页</td></tr></table>"; document.write("<td>");</script>
<style>.nav li{float:left}</style></head>
<body><div class="top-nav"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li>信息公开年报</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 信息公开年报</div>
<div class="article"><div class="info">发布时间：2021-01-20 09:30&nbsp;&nbsp;来源：康庄镇人民政府&nbsp;&nbsp;浏览次数：<span id="hits">128</span></div>
${body}
</div>
<div id="footer"><p>主办：延庆区康庄镇人民政府 &copy; 版权所有 京ICP备00000000号</p><p>2020年度报告</p></div>
</body></html>`;
  return iconv.encode(page, 'gbk');
}

function bodyOf(html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'nianbao-fixtures-'));
  try {
    for (const name of NAMES) {
      const blocks = readSeed(readFileSync(join(SEEDS, `${name}.txt`), 'utf8'));
      const docx = join(OUT, `${name}.docx`);
      writeFileSync(docx, await Packer.toBuffer(toDocx(blocks)));
      soffice(docx, 'pdf', OUT);
      soffice(docx, 'doc:MS Word 97', OUT);
      soffice(docx, 'html', work);
      const html = readFileSync(join(work, `${name}.html`), 'utf8');
      writeFileSync(join(OUT, `${name}.html`), name === GBK_PORTAL ? portalPage(bodyOf(html)) : html);
      console.log(`made ${name}: .docx .pdf .doc .html`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
