import { readCell } from '../cells.js';
import type { Token } from '../tokens.js';

/** The fewest cells a run must have to be taken for 表四's data row (15 when nothing was lost). */
const MIN_RUN = 5;
const FULL_ROW = 15;
/** Figures glued to the header before them (`…尚未审结总计000000000000000`). */
const TRAILING_DIGITS = /(\d{15,})$/;

const digitsIn = (run: readonly Token[]) => run.reduce((n, t) => n + (/^\d+$/.test(t.text) ? t.text.length : 0), 0);

/**
 * 表四 has no row label: its one data row is the longest run of cells in the part (headers and prose
 * are text). A page that lost the separators prints the row as a few long runs of digits: when no run
 * has enough cells, a run with at least 15 digits is taken, to be split by the group sums.
 * Returns null when no such run exists (the table is missing).
 */
export function readTableFour(tokens: readonly Token[]): { cells: Token[]; line: number } | null {
  let best: Token[] = [];
  let glued: Token[] = [];
  let run: Token[] = [];
  const close = () => {
    const usable = run.some((t) => t.cell.kind === 'number') || run.length >= FULL_ROW;
    if (usable && run.length > best.length) best = run;
    if (run.length < FULL_ROW && digitsIn(run) >= FULL_ROW && glued.length === 0) glued = run;
    run = [];
  };
  for (const t of tokens) {
    if (t.cell.kind !== 'text') {
      run.push(t);
      continue;
    }
    close();
    const m = t.text.length <= 200 ? TRAILING_DIGITS.exec(t.text) : null;
    if (m) run.push({ text: m[1]!, line: t.line, cell: readCell(m[1]!) });
  }
  close();
  if (best.length < MIN_RUN) best = glued;
  if (best.length === 0) return null;
  return { cells: best, line: (best.find((t) => t.cell.kind === 'number') ?? best[0]!).line };
}
