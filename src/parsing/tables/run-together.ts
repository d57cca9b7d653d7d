/**
 * Cells run together. A crawled page often loses the separators of a table row, so the cells
 * 46, 1, 0, 0, 0, 0, 47 arrive as `461000047`. The table itself says how to split them: a row's
 * 总计 is the sum of its applicant columns, 一 + 二 = （七）+ 四, a column's results add up to （七）.
 * This module finds every split of the run-together rows that satisfies those sums; a cell that all
 * the splits agree on is read, any other is left null (never guessed).
 */

/** A row as printed: its figures in order, where one piece of text may hold several cells. */
export interface RunRow {
  /** The pieces after the label, e.g. ['461000047'] or ['15', '+210']; a blank piece is ''. */
  pieces: readonly string[];
  /** How many cells the row has in its table. */
  columns: number;
}

/** One term of a linear equality over the grid: coef × cell(row, col); a blank cell counts as 0. */
export interface Term {
  row: number;
  col: number;
  coef: number;
}

/** Σ terms = 0. */
export type Equation = readonly Term[];

export interface SplitResult {
  /** Per row, per column: the value all splits agree on; null where blank or undecided. */
  cells: (number | null)[][];
  /** Per row: whether any of its cells was left undecided. */
  ambiguous: boolean[];
  /** Per row, per column: whether the splits disagree there (or were too many to look at all). */
  undecided: boolean[][];
  /** How many splits satisfy every equation (capped); 0 means the sums fit no split. */
  solutions: number;
}

/** Past these the search stops and the rows in question stay undecided: bounded time on any input. */
const MAX_DIGITS = 40;
/** Readings looked at per row, and readings kept (those that pass the row's own sums). */
const MAX_VISITS = 250_000;
const MAX_CANDIDATES = 5000;
const MAX_SOLUTIONS = 64;
const MAX_STEPS = 200_000;

export type Cells = readonly (number | null)[];

/** A piece is a signed run of digits (`+210`) or a blank; anything else cannot be split. */
const PIECE = /^([+-]?)(\d+)$/;

/** The pieces, with a sign inside (`15+210`) starting a new piece. */
function normalizePieces(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const t = p.trim();
    if (t === '') {
      out.push('');
      continue;
    }
    out.push(...t.split(/(?<=\d)(?=[+-]\d)/));
  }
  return out;
}

/** A cell longer than this is no count a report prints (and past 2^53 not exact as a number). */
const MAX_CELL_DIGITS = 15;

/**
 * Every reading of one row as `columns` cells, in order, that `accept` lets through (the row's own
 * sums); empty when there are too many to look at. One depth-first walk over the cut points, filling
 * one array in place: only readings that pass are copied.
 */
export function rowCandidates(row: RunRow, accept: (cells: Cells) => boolean = () => true): Cells[] {
  const pieces = normalizePieces(row.pieces);
  const parsed = pieces.map((p) => (p === '' ? null : PIECE.exec(p)));
  if (pieces.some((p, i) => p !== '' && parsed[i] === null)) return [];
  const extra = row.columns - pieces.length;
  if (extra < 0) return [];
  if (pieces.some((p) => p.length > MAX_DIGITS)) return [];
  const digits = parsed.map((m) => (m ? m[2]! : ''));
  const signs = parsed.map((m) => (m && m[1] === '-' ? -1 : 1));
  // Cuts still possible from piece i on: refuses early a branch that cannot place every cell.
  const room: number[] = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) room[i] = room[i + 1]! + Math.max(0, digits[i]!.length - 1);
  const out: Cells[] = [];
  const cur: (number | null)[] = new Array<number | null>(row.columns).fill(null);
  let visits = 0;
  let stop = false;
  const walk = (i: number, start: number, cell: number, left: number): void => {
    if (stop) return;
    if (i === pieces.length) {
      if (left !== 0) return;
      if (++visits > MAX_VISITS) {
        stop = true;
        return;
      }
      if (accept(cur)) {
        out.push(cur.slice());
        if (out.length >= MAX_CANDIDATES) stop = true;
      }
      return;
    }
    const d = digits[i]!;
    if (d === '') {
      cur[cell] = null;
      walk(i + 1, 0, cell + 1, left);
      return;
    }
    // Cuts left inside this piece after this cell, and in the pieces after it.
    const inside = d.length - start - 1;
    if (left > inside + room[i + 1]!) return;
    const sign = start === 0 ? signs[i]! : 1;
    const longest = d[start] === '0' ? 1 : Math.min(MAX_CELL_DIGITS, d.length - start);
    let value = 0;
    for (let len = 1; len <= longest; len++) {
      const end = start + len;
      value = value * 10 + (d.charCodeAt(end - 1) - 48);
      cur[cell] = sign * value;
      if (end === d.length) walk(i + 1, 0, cell + 1, left);
      else if (left > 0) walk(i, end, cell + 1, left - 1);
      if (stop) return;
    }
  };
  walk(0, 0, 0, extra);
  return stop ? [] : out;
}

const valueOf = (v: number | null | undefined): number => v ?? 0;

/** Whether an equation over one row holds for a reading of it. */
export function holdsIn(eq: Equation, cells: Cells): boolean {
  let sum = 0;
  for (const t of eq) sum += t.coef * valueOf(cells[t.col]);
  return sum === 0;
}

function holds(eq: Equation, chosen: readonly (Cells | undefined)[]): boolean | undefined {
  let sum = 0;
  for (const t of eq) {
    const row = chosen[t.row];
    if (!row) return undefined;
    sum += t.coef * valueOf(row[t.col]);
  }
  return sum === 0;
}

/** Passes of bounds pruning; each only ever removes readings, so a few settle what they can. */
const MAX_PRUNE_PASSES = 8;

/**
 * Drops the readings of a row that no choice of the other rows can complete to an equation: a row's
 * part of Σ must lie within what the others can still make up. Sound (only impossible readings go),
 * and it lets the search below settle tables with many run-together rows in few steps.
 */
function pruneByBounds(candidates: Cells[][], equations: readonly Equation[]): void {
  const part = (eq: Equation, row: number, c: Cells) => eq.reduce((s, t) => (t.row === row ? s + t.coef * valueOf(c[t.col]) : s), 0);
  for (let pass = 0, changed = true; changed && pass < MAX_PRUNE_PASSES; pass++) {
    changed = false;
    for (const eq of equations) {
      const rowsIn = [...new Set(eq.map((t) => t.row))];
      if (rowsIn.some((r) => candidates[r]!.length === 0)) return;
      const range = new Map(
        rowsIn.map((r) => {
          let lo = Infinity;
          let hi = -Infinity;
          for (const c of candidates[r]!) {
            const v = part(eq, r, c);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          return [r, [lo, hi] as const];
        }),
      );
      const lo = rowsIn.reduce((s, r) => s + range.get(r)![0], 0);
      const hi = rowsIn.reduce((s, r) => s + range.get(r)![1], 0);
      for (const r of rowsIn) {
        if (candidates[r]!.length < 2) continue;
        const [rlo, rhi] = range.get(r)!;
        const [otherLo, otherHi] = [lo - rlo, hi - rhi];
        const kept = candidates[r]!.filter((c) => {
          const v = part(eq, r, c);
          return v >= -otherHi && v <= -otherLo;
        });
        if (kept.length < candidates[r]!.length) {
          candidates[r] = kept;
          changed = true;
        }
      }
    }
  }
}

/**
 * Solves a table whose rows may be run together. Rows with a single reading (separators intact)
 * simply take part in the sums. Equations that name a row outside the table are ignored.
 */
export function solveRunTogether(rows: readonly RunRow[], equations: readonly Equation[], known: readonly (readonly Cells[] | undefined)[] = []): SplitResult {
  const valid = equations.filter((eq) => eq.every((t) => t.row >= 0 && t.row < rows.length && t.col >= 0 && t.col < rows[t.row]!.columns));
  // Row-local equations prune a row's readings as they are made.
  const local = rows.map((_, r) => valid.filter((eq) => eq.every((t) => t.row === r)));
  const candidates = rows.map((row, r) => {
    const given = known[r];
    if (given) return given.filter((c) => local[r]!.every((eq) => holdsIn(eq, c)));
    return rowCandidates(row, (c) => local[r]!.every((eq) => holdsIn(eq, c)));
  });
  pruneByBounds(
    candidates,
    valid.filter((eq) => eq.some((t) => t.row !== eq[0]!.row)),
  );
  // Search the rows with fewest readings first; check an equation as soon as its rows are chosen.
  const order = rows.map((_, i) => i).sort((a, b) => candidates[a]!.length - candidates[b]!.length);
  const position = new Map(order.map((r, k) => [r, k]));
  const checkAt: Equation[][] = order.map(() => []);
  for (const eq of valid) {
    const last = Math.max(...eq.map((t) => position.get(t.row)!));
    checkAt[last]!.push(eq);
  }
  const chosen: (Cells | undefined)[] = rows.map(() => undefined);
  const solutions: Cells[][] = [];
  let steps = 0;
  let exhausted = true;
  const search = (k: number): void => {
    if (solutions.length >= MAX_SOLUTIONS) return;
    if (++steps > MAX_STEPS) {
      exhausted = false;
      return;
    }
    if (k === order.length) {
      solutions.push(chosen.map((c) => c!));
      return;
    }
    const r = order[k]!;
    for (const c of candidates[r]!) {
      chosen[r] = c;
      if (checkAt[k]!.every((eq) => holds(eq, chosen) === true)) search(k + 1);
      if (solutions.length >= MAX_SOLUTIONS) break;
    }
    chosen[r] = undefined;
  };
  search(0);
  // Agreement among the splits found only decides a cell when every split was found.
  const complete = exhausted && solutions.length > 0 && solutions.length < MAX_SOLUTIONS;
  const undecided = rows.map((row, r) =>
    Array.from({ length: row.columns }, (_, c) => {
      if (candidates[r]!.length === 1) return false;
      if (!complete) return true;
      const first = solutions[0]![r]![c]!;
      return !solutions.every((s) => s[r]![c] === first);
    }),
  );
  const cells = rows.map((row, r) =>
    Array.from({ length: row.columns }, (_, c) => {
      if (undecided[r]![c]) return null;
      return candidates[r]!.length === 1 ? candidates[r]![0]![c]! : solutions[0]![r]![c]!;
    }),
  );
  const ambiguous = undecided.map((row) => row.some(Boolean));
  return { cells, ambiguous, undecided, solutions: solutions.length };
}
