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

type Cells = readonly (number | null)[];

/** Every way to cut a string of digits into `k` numbers without leading zeros. */
function cutDigits(digits: string, k: number, out: number[][], prefix: number[] = []): void {
  if (k === 1) {
    if (digits.length > 0 && (digits.length === 1 || digits[0] !== '0')) out.push([...prefix, Number(digits)]);
    return;
  }
  const maxFirst = digits.length - (k - 1);
  for (let len = 1; len <= maxFirst; len++) {
    if (len > 1 && digits[0] === '0') break;
    prefix.push(Number(digits.slice(0, len)));
    cutDigits(digits.slice(len), k - 1, out, prefix);
    prefix.pop();
  }
}

/** C(n, k), to refuse a cut whose readings are too many to look at. */
function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

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

/**
 * Every reading of one row as `columns` cells, in order, that `accept` lets through (the row's own
 * sums); empty when there are too many to look at.
 */
export function rowCandidates(row: RunRow, accept: (cells: Cells) => boolean = () => true): Cells[] {
  const pieces = normalizePieces(row.pieces);
  const parsed = pieces.map((p) => (p === '' ? null : PIECE.exec(p)));
  if (parsed.some((m) => m === undefined) || pieces.some((p, i) => p !== '' && parsed[i] === null)) return [];
  const extra = row.columns - pieces.length;
  if (extra < 0) return [];
  if (pieces.some((p) => p.length > MAX_DIGITS)) return [];
  const out: Cells[] = [];
  let visits = 0;
  let tooMany = false;
  // Distribute the extra cells over the digit pieces: piece i yields 1 + e_i cells.
  const splitCounts = (i: number, left: number, acc: number[]): void => {
    if (tooMany) return;
    if (i === pieces.length) {
      if (left === 0) expand(acc);
      return;
    }
    const m = parsed[i];
    const room = m ? m[2]!.length - 1 : 0;
    for (let e = 0; e <= Math.min(left, room); e++) {
      acc.push(e);
      splitCounts(i + 1, left - e, acc);
      acc.pop();
    }
  };
  const expand = (counts: number[]): void => {
    let rows: (number | null)[][] = [[]];
    pieces.forEach((_, i) => {
      const m = parsed[i];
      if (!m) {
        rows = rows.map((r) => [...r, null]);
        return;
      }
      const sign = m[1] === '-' ? -1 : 1;
      const cuts: number[][] = [];
      const k = counts[i]! + 1;
      if (choose(m[2]!.length - 1, k - 1) * rows.length > MAX_VISITS) {
        tooMany = true;
        rows = [];
        return;
      }
      cutDigits(m[2]!, k, cuts);
      const next: (number | null)[][] = [];
      // Only the first number of a signed piece carries the sign (`+210` → +2, 10).
      for (const r of rows) for (const c of cuts) next.push([...r, c[0]! * sign, ...c.slice(1)]);
      rows = next;
    });
    visits += rows.length;
    if (visits > MAX_VISITS) tooMany = true;
    for (const r of rows) if (out.length < MAX_CANDIDATES && accept(r)) out.push(r);
  };
  splitCounts(0, extra, []);
  return tooMany || out.length >= MAX_CANDIDATES ? [] : out;
}

const valueOf = (v: number | null | undefined): number => v ?? 0;

function holds(eq: Equation, chosen: readonly (Cells | undefined)[]): boolean | undefined {
  let sum = 0;
  for (const t of eq) {
    const row = chosen[t.row];
    if (!row) return undefined;
    sum += t.coef * valueOf(row[t.col]);
  }
  return sum === 0;
}

/**
 * Solves a table whose rows may be run together. Rows with a single reading (separators intact)
 * simply take part in the sums. Equations that name a row outside the table are ignored.
 */
export function solveRunTogether(rows: readonly RunRow[], equations: readonly Equation[]): SplitResult {
  const valid = equations.filter((eq) => eq.every((t) => t.row >= 0 && t.row < rows.length && t.col >= 0 && t.col < rows[t.row]!.columns));
  // Row-local equations prune a row's readings as they are made.
  const local = rows.map((_, r) => valid.filter((eq) => eq.every((t) => t.row === r)));
  const candidates = rows.map((row, r) =>
    rowCandidates(row, (c) => {
      const chosen: (Cells | undefined)[] = [];
      chosen[r] = c;
      return local[r]!.every((eq) => holds(eq, chosen) === true);
    }),
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
  const cells = rows.map((row, r) =>
    Array.from({ length: row.columns }, (_, c) => {
      if (solutions.length === 0 || !exhausted) return candidates[r]!.length === 1 ? candidates[r]![0]![c]! : null;
      const first = solutions[0]![r]![c]!;
      return solutions.every((s) => s[r]![c] === first) ? first : null;
    }),
  );
  const ambiguous = rows.map((row, r) => {
    if (candidates[r]!.length === 1) return false;
    return cells[r]!.some((v, c) => v === null && !(solutions.length > 0 && solutions.every((s) => s[r]![c] === null)));
  });
  return { cells, ambiguous, solutions: solutions.length };
}
