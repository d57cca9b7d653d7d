import type { Answer, ChartSpec } from '../types.js';
import { keyInfo } from './lexicon/captions.js';

/**
 * Which answers carry a chart, and what it shows (issue 14): a trend over more than three years (or any
 * trend, or ranking, asked to be drawn: 画一下…, …排名图), and a ranking. Read from the answer's rows, so
 * the picture shows exactly the figures the text gives. Pure: the entries draw it.
 */

/** 画一下, 画个图, 排名图, 柱状图, 折线图, 趋势图. */
export const DRAW_CUE = /画|图/;

const MIN_YEARS = 4;

function trendChart(answer: Answer): ChartSpec | null {
  const rows = answer.rows.filter((r) => typeof r.year === 'number' && typeof r.metric === 'string');
  const years = [...new Set(rows.map((r) => r.year!))].sort((a, b) => a - b);
  const lines = new Map<string, Map<number, number | null>>();
  for (const r of rows) {
    const name = `${r.name}·${keyInfo(r.metric!).label}`;
    if (!lines.has(name)) lines.set(name, new Map());
    lines.get(name)!.set(r.year!, typeof r.value === 'number' ? r.value : null);
  }
  if (years.length < 2 || lines.size === 0 || lines.size > 8) return null;
  const first = rows[0]!;
  const single = lines.size === 1;
  return {
    type: 'line',
    title: single
      ? `${first.name}${keyInfo(first.metric!).label}（${years[0]}–${years.at(-1)}年）`
      : `${keyInfo(first.metric!).label}（${years[0]}–${years.at(-1)}年）`,
    labels: years.map(String),
    series: [...lines].map(([name, byYear]) => ({ name: single ? keyInfo(first.metric!).label : name, values: years.map((y) => byYear.get(y) ?? null) })),
    unit: keyInfo(first.metric!).unit,
  };
}

function rankChart(answer: Answer): ChartSpec | null {
  const ranked = answer.rows.filter((r) => typeof r.rank === 'number' && typeof r.value === 'number' && typeof r.metric === 'string');
  if (ranked.length < 2) return null;
  const head = ranked[0]!;
  return {
    type: 'bar',
    title: `${head.year ?? ''}年${keyInfo(head.metric!).label}排名`,
    labels: ranked.map((r) => r.name),
    series: [{ name: keyInfo(head.metric!).label, values: ranked.map((r) => r.value as number) }],
    unit: keyInfo(head.metric!).unit,
  };
}

/** The chart of an answer, or none. `drawAsked`: the question asked for a picture. */
export function chartOf(answer: Answer, drawAsked: boolean): ChartSpec | null {
  if (answer.kind === 'trend') {
    const years = new Set(answer.rows.map((r) => r.year)).size;
    return drawAsked || years >= MIN_YEARS ? trendChart(answer) : null;
  }
  if (answer.kind === 'rank') return rankChart(answer);
  return null;
}
