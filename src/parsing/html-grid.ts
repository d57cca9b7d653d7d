/**
 * One HTML table being flattened: cells are placed on a grid so that a cell spanning rows or
 * columns leaves empty cells where it covers (a covered cell repeats nothing), and every row's
 * figures keep the column they are printed in. Rows come out as tab-separated lines.
 *
 * Span expansion is the one place where output can outgrow the input (`colspan=1000 rowspan=65534`
 * on every cell); every padding cell and every span carried into a row costs one unit of a budget
 * shared by the page, and once it is spent spans are no longer expanded.
 */

/** The HTML standard's limits. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

const FIGURE = /^[+-]?\d[\d,.]*\s*\S{0,2}$/;

interface Span {
  col: number;
  width: number;
  /** Rows still covered below the current one. */
  left: number;
}

export interface Budget {
  cells: number;
}

const spanOf = (raw: string | undefined, max: number) => {
  const n = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

export class TableGrid {
  /** A table nested in one of its cells makes a table a page layout: its cells are then blocks. */
  layout = false;
  /** The current row's cells; `null` marks padding (a covered cell, or a spanned cell's extra columns). */
  private row: Array<string | null> | null = null;
  private covered = new Set<number>();
  private spans: Span[] = [];
  private cell: { text: string; col: number; width: number; height: number } | null = null;

  /** `emit` takes each finished row as a line, in page order. */
  constructor(
    private readonly budget: Budget,
    private readonly emit: (line: string) => void,
  ) {}

  private spend(n: number): boolean {
    this.budget.cells -= n;
    if (this.budget.cells >= 0) return true;
    this.spans = [];
    this.covered.clear();
    return false;
  }

  inCell(): boolean {
    return this.cell !== null;
  }

  startRow(): void {
    this.endRow();
    this.row = [];
    this.covered = new Set();
    const carried: Span[] = [];
    for (const s of this.spans) {
      if (!this.spend(s.width)) return;
      for (let j = s.col; j < s.col + s.width; j++) this.covered.add(j);
      if (--s.left > 0) carried.push(s);
    }
    this.spans = carried;
  }

  startCell(colspan: string | undefined, rowspan: string | undefined): void {
    this.endCell();
    if (!this.row) this.startRow();
    const row = this.row!;
    while (this.covered.has(row.length) && this.spend(1)) row.push(null);
    this.cell = { text: '', col: row.length, width: spanOf(colspan, MAX_COLSPAN), height: spanOf(rowspan, MAX_ROWSPAN) };
  }

  text(s: string): void {
    if (this.cell) this.cell.text += s;
  }

  endCell(): void {
    const c = this.cell;
    if (!c || !this.row) return;
    this.cell = null;
    const text = c.text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    this.row.push(text);
    // A figure spanning columns is one figure: Word's HTML export splits grid columns where cell
    // edges almost meet (width rounding), and a padding cell there would shift the row's figures.
    if (!FIGURE.test(text)) for (let k = 1; k < c.width && this.spend(1); k++) this.row.push(null);
    if (c.height > 1) this.spans.push({ col: c.col, width: c.width, left: c.height - 1 });
  }

  endRow(): void {
    this.endCell();
    const row = this.row;
    this.row = null;
    if (!row) return;
    // Padding after the last cell aligns nothing.
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    if (row.some((c) => c !== null && c !== '')) this.emit(row.map((c) => c ?? '').join('\t'));
  }

  endTable(): void {
    this.endRow();
  }

  /** Turns the table into a layout: the finished row goes out, the open cell's text to `spill`. */
  becomeLayout(spill: (text: string) => void): void {
    const open = this.cell;
    this.cell = null;
    this.endRow();
    if (open) spill(open.text);
    this.layout = true;
    this.spans = [];
  }
}
