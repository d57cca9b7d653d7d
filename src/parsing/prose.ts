import { PROSE } from '../catalog/index.js';
import { readChineseNumber } from './numerals.js';
import type { ReportText } from './report-text.js';
import { lineAt } from './report-text.js';

export interface ProseFigure {
  value: number;
  line: number;
  text: string;
}

/** Figures and statements in the prose that the tables can be checked against (docs/data-contract.md §1.4, docs/domain.md §3 R10). */
export interface ProseFacts {
  activeItems: ProseFigure | null;
  applicationsReceived: ProseFigure | null;
  /** A sentence saying no 行政复议/行政诉讼 happened. */
  noReviewOrLitigation: ProseFigure | null;
  /** Statistics periods stated, e.g. 2020年1月1日至2021年12月31日. */
  periods: Array<{ from: [number, number, number]; to: [number, number, number]; line: number; text: string }>;
}

const NUM = '(\\d+|[零一二两三四五六七八九十百千]+)';

/** The catalog's wordings of a prose figure, compiled once. */
const wordingsOf = (key: keyof typeof PROSE): RegExp[] => PROSE[key].wordings.map((w) => new RegExp(w.replaceAll('{n}', NUM), 'd'));
const ACTIVE_ITEMS = wordingsOf('prose.active_items');
const ACTIVE_ITEMS_ROUND = PROSE['prose.active_items'].approximate.map((w) => new RegExp(w.replaceAll('{n}', NUM), 'd'));
const RECEIVED = wordingsOf('prose.applications_received');
const RECEIVED_NONE = new RegExp(PROSE['prose.applications_received'].none);

const NO_REVIEW =
  /(?:未|没有|无|尚未)[^;。]{0,16}?(?:发生|出现|被申请|产生|引起)?[^;。]{0,16}?行政复议[^;。]{0,8}?行政诉讼|行政复议[^;。]{0,10}?行政诉讼[^;。]{0,6}?(?:均为0|均为零|为0|为零)/;

/** A statistics period; a page may lose the 年 after the year (统计期限自20231月1日起至202312月31日止). */
const PERIOD =
  /(?<!\d)((?:19|20)\d{2})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|-|—|~)\s*(?:((?:19|20)\d{2})\s*年?)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at) + 1, text.lastIndexOf('\n', at) + 1, at - 80);
  let end = text.indexOf('。', at);
  const nl = text.indexOf('\n', at);
  if (end === -1 || (nl !== -1 && nl < end)) end = nl === -1 ? text.length : nl;
  return text.slice(start, Math.min(end + 1, at + 120)).trim();
}

/** Where a wording's figure is printed (its wordings start at different words of one sentence). */
const figureAt = (m: RegExpExecArray) => m.indices?.[1]?.[0] ?? m.index;

/**
 * The earliest statement of a figure. When the earliest figure is a round one (300余条), the text
 * states no exact figure: null, not a later partial count.
 */
function firstFigure(rt: ReportText, from: number, to: number, patterns: readonly RegExp[], round: readonly RegExp[] = []): ProseFigure | null {
  const text = rt.text.slice(from, to);
  let best: { at: number; figureAt: number; value: number } | null = null;
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const value = readChineseNumber(m[1]!);
    if (value !== null && (best === null || m.index < best.at)) best = { at: m.index, figureAt: figureAt(m), value };
  }
  if (!best) return null;
  for (const re of round) {
    const m = re.exec(text);
    if (m && figureAt(m) <= best.figureAt) return null;
  }
  return { value: best.value, line: lineAt(rt, from + best.at), text: sentenceAround(rt.text, from + best.at) };
}

function firstMatch(rt: ReportText, from: number, to: number, re: RegExp, value: number): ProseFigure | null {
  const m = re.exec(rt.text.slice(from, to));
  if (!m) return null;
  return { value, line: lineAt(rt, from + m.index), text: sentenceAround(rt.text, from + m.index) };
}

/**
 * Reads the prose outside the tables. `overview` is where the totals are stated (part 一);
 * `whole` bounds the search for statements that may sit in any part.
 */
export function readProse(rt: ReportText, overview: { start: number; end: number }, tablesStart: number): ProseFacts {
  const activeItems = firstFigure(rt, overview.start, overview.end, ACTIVE_ITEMS, ACTIVE_ITEMS_ROUND);
  const received = firstFigure(rt, 0, tablesStart, RECEIVED) ?? firstMatch(rt, 0, tablesStart, RECEIVED_NONE, 0);
  const noReview = firstMatch(rt, 0, tablesStart, NO_REVIEW, 0);
  const periods: ProseFacts['periods'] = [];
  const text = rt.text;
  PERIOD.lastIndex = 0;
  // Line breaks inside a period ("2020年\n\n1月1日至…") are common in PDF text; the regex allows them.
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const fromY = Number(m[1]);
    const toY = m[4] ? Number(m[4]) : fromY;
    periods.push({
      from: [fromY, Number(m[2]), Number(m[3])],
      to: [toY, Number(m[5]), Number(m[6])],
      line: lineAt(rt, m.index),
      text: m[0].replace(/\s+/g, ''),
    });
  }
  return { activeItems, applicationsReceived: received, noReviewOrLitigation: noReview, periods };
}
