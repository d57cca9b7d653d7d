import { normalizeText } from './normalize.js';

/** Normalized report text with a fast offset → line map; lines are those of the original file. */
export interface ReportText {
  readonly text: string;
  readonly lineStarts: readonly number[];
}

export function toReportText(raw: string): ReportText {
  const text = normalizeText(raw);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { text, lineStarts };
}

/** 1-based line of a character offset. */
export function lineAt(rt: ReportText, offset: number): number {
  const starts = rt.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
