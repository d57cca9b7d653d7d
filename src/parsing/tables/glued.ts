import type { Token } from '../tokens.js';
import { SIGNED_RUN } from './match-rows.js';
import { holdsIn, rowCandidates, solveRunTogether, type Cells, type Equation, type RunRow } from './run-together.js';

/**
 * Rows whose cells were printed run together (`461000047`, `15+210`, a label glued to its figures):
 * which rows need splitting, and the split the table's own sums allow (run-together.ts). A row is only
 * split when some reading of it satisfies its own sums; otherwise it is read as printed, as before.
 */

/** One row of a table as the reader sees it. */
export interface SplitRow {
  /** The row's printed cells (numbers, blanks, text) before alignment. */
  cells: readonly Token[];
  columns: number;
  /** Whether the printed cells look run together (see needsSplit). */
  split: Glued;
  /** The row as read without splitting (integers, null for blank), or null when it holds text. */
  asPrinted: readonly (number | null)[] | null;
}

/** What a split row's cell holds: a decided number, a blank, or a cell the sums do not decide. */
export interface SplitCell {
  value: number | null;
  status: 'number' | 'blank' | 'ambiguous';
  raw: string;
  line: number;
}

/** The equations over the rows, from the strictest evidence to the weakest. */
export interface SplitEquations {
  /** Sums inside one row (总计 = six applicant columns, a 表四 group's 总计). */
  own: readonly Equation[];
  /** Sums across rows (一+二 = （七）+四, results add up to （七）). */
  cross: readonly Equation[];
  /** Figures the prose states (共受理申请3件 = 一's 总计), over rows of constants. */
  prose: readonly Equation[];
}

const DIGITS = /^[+-]?\d+$/;

/**
 * `clearly`: nothing but run-together cells prints like this (a label glued to digits, a sign inside a
 * piece, a piece with a leading zero such as 0000000). `maybe`: fewer cells than columns and a piece of
 * several digits, which is also how a row whose blanks vanished between spaces prints; such a row is
 * split only when it does not satisfy its own sums as printed. Text among the cells: `no`.
 */
export type Glued = 'no' | 'maybe' | 'clearly';

export function needsSplit(cells: readonly Token[], columns: number, labelGlued: boolean): Glued {
  const filled = cells.filter((t) => t.cell.kind !== 'blank');
  if (filled.some((t) => !DIGITS.test(t.text) && !SIGNED_RUN.test(t.text))) return 'no';
  if (labelGlued || filled.some((t) => SIGNED_RUN.test(t.text) || /^[+-]?0\d/.test(t.text))) return 'clearly';
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.cell.kind === 'blank') n--;
  return n < columns && filled.some((t) => t.text.replace(/^[+-]/, '').length >= 2) ? 'maybe' : 'no';
}

/** Whether every equation holds for the row as printed (a blank counts as 0). */
function holdsAsPrinted(row: SplitRow, own: readonly Equation[]): boolean {
  const values = row.asPrinted;
  if (!values) return false;
  return own.every((eq) => eq.reduce((sum, t) => sum + t.coef * (values[t.col] ?? 0), 0) === 0);
}

const pieces = (cells: readonly Token[]): string[] => cells.map((t) => (t.cell.kind === 'blank' ? '' : t.text));

function remap(eq: Equation, index: ReadonlyMap<number, number>): Equation | null {
  const out = [];
  for (const t of eq) {
    const row = index.get(t.row);
    if (row === undefined) return null;
    out.push({ ...t, row });
  }
  return out;
}

type Solved = { cells: (number | null)[]; undecided: boolean[] };

/**
 * Splits the rows that need it. Each is first solved with its own sums alone: a row no reading of
 * which fits them is read as printed. Rows still undecided are then solved together with the other
 * rows and the sums across rows, then with the prose's figures too; a level whose sums fit no reading
 * (the report has a genuine sum error) is not used. Per row: its cells, or undefined to read it as printed.
 */
export function splitRows(rows: readonly SplitRow[], eqs: SplitEquations): (SplitCell[] | undefined)[] {
  const active: number[] = [];
  const results = new Map<number, Solved>();
  // Each row's readings that satisfy its own sums, made once and reused at every level.
  const known = new Map<number, Cells[]>();
  rows.forEach((row, i) => {
    if (row.split === 'no') return;
    const own = eqs.own.map((eq) => remap(eq, new Map([[i, 0]]))).filter((eq): eq is Equation => eq !== null);
    if (row.split === 'maybe' && holdsAsPrinted(row, own)) return;
    const readings = rowCandidates({ pieces: pieces(row.cells), columns: row.columns }, (c) => own.every((eq) => holdsIn(eq, c)));
    known.set(i, readings);
    const r = solveRunTogether([{ pieces: pieces(row.cells), columns: row.columns }], own, [readings]);
    if (r.solutions === 0) {
      // Run together for sure, and no split fits: nothing of it can be read.
      if (row.split === 'clearly') results.set(i, { cells: r.cells[0]!.map(() => null), undecided: r.cells[0]!.map(() => true) });
      return;
    }
    active.push(i);
    results.set(i, { cells: r.cells[0]!, undecided: r.undecided[0]! });
  });
  const open = () => active.some((i) => results.get(i)!.undecided.some(Boolean));
  for (const level of [eqs.cross, [...eqs.cross, ...eqs.prose]]) {
    if (!open() || level.length === 0) continue;
    if (!solveTogether(rows, active, [...eqs.own, ...level], results, known)) break;
  }
  return rows.map((row, i) => {
    const solved = results.get(i);
    if (!solved) return undefined;
    const first = row.cells.find((t) => t.cell.kind !== 'blank') ?? row.cells[0];
    const line = first?.line ?? 0;
    const raw = pieces(row.cells).join('');
    return solved.cells.map((value, c): SplitCell => {
      if (solved.undecided[c]) return { value: null, status: 'ambiguous', raw, line };
      return value === null ? { value, status: 'blank', raw: '', line } : { value, status: 'number', raw: String(value), line };
    });
  });
}

/** Solves the active rows together with every other row read as printed; false when nothing fits. */
function solveTogether(
  rows: readonly SplitRow[],
  active: readonly number[],
  eqs: readonly Equation[],
  results: Map<number, Solved>,
  known: ReadonlyMap<number, Cells[]>,
): boolean {
  const runRows: RunRow[] = [];
  const given: (Cells[] | undefined)[] = [];
  const index = new Map<number, number>();
  rows.forEach((row, i) => {
    if (active.includes(i)) {
      index.set(i, runRows.length);
      given[runRows.length] = known.get(i);
      runRows.push({ pieces: pieces(row.cells), columns: row.columns });
    } else if (!results.has(i) && row.asPrinted && row.asPrinted.every((v) => v === null || Number.isInteger(v))) {
      index.set(i, runRows.length);
      runRows.push({ pieces: row.asPrinted.map((v) => (v === null ? '' : String(v))), columns: row.columns });
    }
  });
  const used = eqs
    .filter((eq) => eq.some((t) => active.includes(t.row)))
    .map((eq) => remap(eq, index))
    .filter((eq): eq is Equation => eq !== null);
  const r = solveRunTogether(runRows, used, given);
  if (r.solutions === 0) return false;
  for (const i of active) {
    const k = index.get(i)!;
    results.set(i, { cells: r.cells[k]!, undecided: r.undecided[k]! });
  }
  return true;
}
