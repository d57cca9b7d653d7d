import type { Token } from '../tokens.js';

/** The fewest cells a run must have to be taken for 表四's data row (15 when nothing was lost). */
const MIN_RUN = 5;
const FULL_ROW = 15;

/**
 * 表四 has no row label: its one data row is the longest run of cells in the part (headers and prose
 * are text). Returns null when no such run exists (the table is missing).
 */
export function readTableFour(tokens: readonly Token[]): { cells: Token[]; line: number } | null {
  let best: Token[] = [];
  let run: Token[] = [];
  const close = () => {
    const usable = run.some((t) => t.cell.kind === 'number') || run.length >= FULL_ROW;
    if (usable && run.length > best.length) best = run;
    run = [];
  };
  for (const t of tokens) {
    if (t.cell.kind === 'text') close();
    else run.push(t);
  }
  close();
  if (best.length < MIN_RUN) return null;
  return { cells: best, line: (best.find((t) => t.cell.kind === 'number') ?? best[0]!).line };
}
