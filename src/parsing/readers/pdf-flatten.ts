/**
 * The blocks of every page made into the flattened text the parser reads: one table row per line
 * with its cells separated by tabs, one paragraph per line. Page furniture (running headers and
 * footers, page numbers) is dropped; a paragraph or a table that runs on to the next page is joined
 * to its start.
 */
import type { Block, CellOut, LineBlock, TableBlock } from './pdf-layout.js';

export interface PageBlocks {
  height: number;
  blocks: Block[];
}

export interface Flattened {
  lines: string[];
  /** 1-based page of each line. */
  pages: number[];
}

/** Top and bottom share of a page where headers, footers and page numbers live. */
const MARGIN = 0.08;
const PAGE_NUMBER =
  /^(?:[-—–－_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–－_\s]*|第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|\d+\s*\/\s*\d+|Page\s*\d+(?:\s*of\s*\d+)?)$/i;
const HAS_DIGIT = /\d/;
const HAS_CJK = /[\u3400-\u9fff]/;
/** A figure cell: digits and no words (a label may start with 1. or 5.). */
const isFigure = (c: CellOut) => HAS_DIGIT.test(c.text) && !HAS_CJK.test(c.text);
/** A label that starts a group of its own ((五)不予处理, 三、…) is never the end of another. */
const NUMBERED = /^[(（]?[一二三四五六七八九十]+[)）、.．]/;
const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;

const inMargin = (b: LineBlock, height: number) => b.bottom < height * MARGIN || b.top > height * (1 - MARGIN);
const furnitureKey = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Lines in the top or bottom margin that are page numbers, or repeat on most pages. */
function dropFurniture(pages: PageBlocks[]): Block[][] {
  const seen = new Map<string, Set<number>>();
  pages.forEach((p, k) => {
    for (const b of p.blocks) {
      if (b.kind !== 'line' || !inMargin(b, p.height)) continue;
      const key = furnitureKey(b.text);
      const set = seen.get(key) ?? new Set<number>();
      set.add(k);
      seen.set(key, set);
    }
  });
  const repeated = (text: string) => {
    const n = seen.get(furnitureKey(text))?.size ?? 0;
    return pages.length >= 2 && n >= 2 && n * 2 >= pages.length;
  };
  return pages.map((p) => p.blocks.filter((b) => b.kind !== 'line' || !inMargin(b, p.height) || !(PAGE_NUMBER.test(b.text.trim()) || repeated(b.text))));
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const glue = (a: string, b: string) => (a && b && !isWide(a.slice(-1)) && !isWide(b[0]!) ? `${a} ${b}` : a + b);

interface Out {
  text: string;
  page: number;
  /** For a table row: its cells, kept until the next page has been seen. */
  cells?: CellOut[];
  /** For a paragraph: its last line, to decide whether the next line continues it. */
  last?: LineBlock;
  /** A row start moved into the next page's row (its label began here, its figures are there). */
  dropped?: boolean;
}

/**
 * A row's cells; empty cells before its label are the covered part of a group label: left out. A
 * tab inside a cell stays a cell break (figures in one cell when the rules between them were lost).
 */
function rowText(cells: readonly CellOut[]): string {
  const firstText = cells.findIndex((c) => c.text !== '');
  const from = firstText > 0 && HAS_CJK.test(cells[firstText]!.text) ? firstText : 0;
  return cells
    .slice(from)
    .map((c) => c.text)
    .join('\t');
}
const overlap = (a: CellOut, b: CellOut) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
const within = (c: CellOut, t: CellOut) => c.x1 >= t.x1 - 0.3 && c.x2 <= t.x2 + 0.3;

/**
 * The first row of a table continued from the previous page: a row with no figure at all is the end
 * of the previous row's label (Word breaks a tall row across the page); otherwise, a row-group label
 * broken at the page ((四)无 | 法提供) is joined to its start.
 */
function continueTable(prevRows: Out[], first: CellOut[]): boolean {
  const prev = prevRows[prevRows.length - 1];
  if (!prev?.cells) return false;
  if (labelStartsAbove(prev, first)) return false;
  const labelOnly = !first.some(isFigure) && prev.cells.some(isFigure);
  const joins: Array<[CellOut, CellOut]> = [];
  for (const c of first) {
    if (c.text === '' || (!labelOnly && (HAS_DIGIT.test(c.text) || NUMBERED.test(c.text)))) continue;
    const targets = labelOnly
      ? prev.cells
      : prevRows.flatMap((r) => (r.cells ?? []).filter((p) => p.toBottom && (p.multiRow || c.multiRow) && p.text !== '' && !HAS_DIGIT.test(p.text)));
    let best: CellOut | null = null;
    for (const t of targets) if (overlap(t, c) > 0 && (!best || overlap(t, c) > overlap(best, c))) best = t;
    // A heading row across the table (第二十条第（六）项) is no part of the row above.
    if (labelOnly && (!best || !within(c, best))) return false;
    if (best) joins.push([best, c]);
  }
  for (const [to, from] of joins) {
    to.text = glue(to.text, from.text);
    from.text = '';
  }
  return labelOnly;
}

/**
 * The other way a row breaks: its label begins on the previous page with the figure cells there
 * empty, and the figures come with the rest of the label. The label's start is moved down.
 */
function labelStartsAbove(prev: Out, first: CellOut[]): boolean {
  const above = prev.cells!;
  if (above.some(isFigure) || !above.some((c) => HAS_CJK.test(c.text))) return false;
  const figures = first.filter(isFigure);
  if (figures.length === 0) return false;
  // A header row has words over the figure columns; a broken row has nothing there.
  if (above.some((p) => p.text !== '' && figures.some((f) => overlap(p, f) > 0))) return false;
  const joins: Array<[CellOut, CellOut]> = [];
  for (const p of above) {
    if (p.text === '') continue;
    const below = first.find((f) => overlap(f, p) > 0 && (within(f, p) || within(p, f)));
    if (!below) return false;
    joins.push([p, below]);
  }
  for (const [p, below] of joins) below.text = glue(p.text, below.text);
  prev.dropped = true;
  return true;
}

/** Flattens the pages' blocks. */
export function flattenPages(pages: PageBlocks[]): Flattened {
  const kept = dropFurniture(pages);
  const lines = kept.flatMap((bs) => bs.filter((b): b is LineBlock => b.kind === 'line'));
  const left = quantile(
    lines.map((l) => l.x1),
    0.2,
  );
  const right = quantile(
    lines.map((l) => l.x2),
    0.75,
  );
  const out: Out[] = [];
  /** Rows of the table last written, when nothing has followed it yet. */
  let openTable: Out[] | null = null;
  kept.forEach((blocks, k) => {
    const page = k + 1;
    blocks.forEach((b, n) => {
      const prev = out[out.length - 1];
      if (b.kind === 'line') {
        openTable = null;
        const last = prev?.last;
        const sameFlow = last !== undefined && (n === 0 || b.top - last.bottom < 1.5 * b.em);
        const full = last !== undefined && last.x2 >= right - 1.5 * last.em;
        if (prev && last && sameFlow && full && b.x1 <= left + 0.6 * b.em) {
          prev.text = glue(prev.text, b.text);
          prev.last = b;
        } else out.push({ text: b.text, page, last: b });
        return;
      }
      let rows = (b as TableBlock).rows;
      if (n === 0 && openTable && rows[0] && continueTable(openTable, rows[0])) rows = rows.slice(1);
      const written = rows.map((cells) => ({ text: '', page, cells }));
      out.push(...written);
      openTable = n === 0 && openTable ? [...openTable, ...written] : written;
    });
  });
  const shown = out.filter((o) => !o.dropped);
  return {
    lines: shown.map((o) => (o.cells ? rowText(o.cells) : o.text)),
    pages: shown.map((o) => o.page),
  };
}
