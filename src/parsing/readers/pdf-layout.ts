/**
 * One PDF page as blocks in reading order: lines of running text, and ruled tables as rows of
 * cells. A glyph inside a ruled table belongs to the merged cell its centre falls in, so a label set
 * vertically (三、本年度办理结果, one character per line) or wrapped over lines stays one cell.
 */
import type { Glyph, RawPage } from './pdf-extract.js';
import { findGrids, locate, type Grid } from './pdf-grid.js';

export interface CellOut {
  x1: number;
  x2: number;
  text: string;
  /** The cell spans several rows (a row-group label). */
  multiRow: boolean;
  /** The cell reaches the bottom of its table. */
  toBottom: boolean;
}

export interface TableBlock {
  kind: 'table';
  top: number;
  bottom: number;
  rows: CellOut[][];
}

export interface LineBlock {
  kind: 'line';
  top: number;
  bottom: number;
  x1: number;
  x2: number;
  /** Typical glyph size of the line (units). */
  em: number;
  text: string;
}

export type Block = TableBlock | LineBlock;

const emOf = (g: Glyph) => Math.max(0.2, g.size / 20);
/** pdf2json's y is the baseline less 0.75; a glyph's ink is centred ~0.35 em above the baseline. */
const centreY = (g: Glyph) => g.y + 0.75 - 0.35 * emOf(g);
/** Wide (CJK, full-width) characters: no space is written between them. */
const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;

/**
 * The advance width of a glyph run. pdf2json's `w` is right for some fonts and off by an order of
 * magnitude for others (LibreOffice's subset TrueType runs), so it is checked against an estimate
 * from the characters: an em for a wide one, half an em for the others.
 */
function widthOf(g: Glyph): number {
  let ems = 0;
  for (const ch of g.s) ems += isWide(ch) ? 1 : 0.5;
  const estimate = ems * emOf(g);
  return g.w > estimate * 0.6 && g.w < estimate * 1.6 ? g.w : estimate;
}
const centreX = (g: Glyph) => g.x + widthOf(g) / 2;

/** Visual lines of some glyphs, top to bottom, each left to right. */
function toLines(glyphs: readonly Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => centreY(a) - centreY(b));
  const lines: Array<{ cy: number; em: number; gs: Glyph[] }> = [];
  for (const g of sorted) {
    const cy = centreY(g);
    const last = lines[lines.length - 1];
    if (last && cy - last.cy <= 0.45 * Math.min(last.em, emOf(g))) last.gs.push(g);
    else lines.push({ cy, em: emOf(g), gs: [g] });
  }
  return lines.map((l) => l.gs.sort((a, b) => a.x - b.x));
}

const DIGIT = /\d/;

/**
 * The text of one visual line. A wide gap is a column break of a table whose rules are missing
 * (none drawn, or too short for pdf2json to keep): a tab, sooner beside a figure, since figure
 * columns are narrow. Latin words keep their spaces; CJK text gets none (justified lines spread
 * their characters).
 */
function lineText(gs: readonly Glyph[]): string {
  let out = '';
  let prev: Glyph | null = null;
  for (const g of gs) {
    if (prev) {
      const gap = g.x - (prev.x + widthOf(prev));
      const em = Math.min(emOf(prev), emOf(g));
      const figure = DIGIT.test(prev.s.slice(-1)) || DIGIT.test(g.s[0] ?? '');
      if (gap > 3 * em || (figure && gap > 1.2 * em)) out += '\t';
      else if (gap > 0.2 * em && !isWide(prev.s.slice(-1)) && !isWide(g.s[0] ?? '')) out += ' ';
    }
    out += g.s;
    prev = g;
  }
  return out;
}

function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const p of pieces) {
    if (out && p && !isWide(out.slice(-1)) && !isWide(p[0]!)) out += ' ';
    out += p;
  }
  return out;
}

function tableBlock(grid: Grid, glyphs: readonly Glyph[]): TableBlock {
  const nx = grid.xs.length - 1;
  const ny = grid.ys.length - 1;
  const byCell = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const at = locate(grid, centreX(g), centreY(g));
    if (!at) continue;
    const id = grid.cellOf[at.j * nx + at.i]!;
    const list = byCell.get(id);
    if (list) list.push(g);
    else byCell.set(id, [g]);
  }
  // Each merged cell, with its extent in elementary cells; it is written in its first row.
  const extent = new Map<number, { i0: number; i1: number; j0: number; j1: number }>();
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const id = grid.cellOf[j * nx + i]!;
      const e = extent.get(id);
      if (!e) extent.set(id, { i0: i, i1: i, j0: j, j1: j });
      else {
        e.i0 = Math.min(e.i0, i);
        e.i1 = Math.max(e.i1, i);
        e.j1 = Math.max(e.j1, j);
      }
    }
  }
  const rows: CellOut[][] = Array.from({ length: ny }, () => []);
  for (const [id, e] of extent) {
    const gs = byCell.get(id) ?? [];
    rows[e.j0]!.push({
      x1: grid.xs[e.i0]!,
      x2: grid.xs[e.i1 + 1]!,
      text: joinPieces(toLines(gs).map(lineText)),
      multiRow: e.j1 > e.j0,
      toBottom: e.j1 === ny - 1,
    });
  }
  for (const r of rows) r.sort((a, b) => a.x1 - b.x1);
  // Rows with no text at all (spacer rows, a rule drawn twice) say nothing.
  return { kind: 'table', top: grid.top, bottom: grid.bottom, rows: rows.filter((r) => r.some((c) => c.text !== '')) };
}

/** The blocks of one page, top to bottom. */
export function layoutPage(page: RawPage): Block[] {
  const grids = findGrids(page.h, page.v);
  const inGrid: Glyph[][] = grids.map(() => []);
  const loose: Glyph[] = [];
  for (const g of page.glyphs) {
    const cx = centreX(g);
    const cy = centreY(g);
    const k = grids.findIndex((t) => locate(t, cx, cy) !== null);
    if (k === -1) loose.push(g);
    else inGrid[k]!.push(g);
  }
  const blocks: Block[] = grids.map((grid, k) => tableBlock(grid, inGrid[k]!));
  for (const gs of toLines(loose)) {
    let em = 0;
    let top = Infinity;
    let bottom = -Infinity;
    let x2 = -Infinity;
    for (const g of gs) {
      em = Math.max(em, emOf(g));
      top = Math.min(top, centreY(g));
      bottom = Math.max(bottom, centreY(g));
      x2 = Math.max(x2, g.x + widthOf(g));
    }
    blocks.push({ kind: 'line', top: top - em / 2, bottom: bottom + em / 2, x1: gs[0]!.x, x2, em, text: lineText(gs) });
  }
  return blocks.filter((b) => b.kind === 'line' || b.rows.length > 0).sort((a, b) => a.top - b.top);
}
