import { readDigitString } from '../../parsing/numerals.js';
import type { MaskedText } from './masked.js';

/**
 * Report years as people write them: 2020, 2020年, 二〇二〇年 (already digits after normalizing),
 * 20年, 二〇年, 2020年度, 今年/去年/前年 against today, ranges (2020到2022年, 20-22年), and whole
 * spans (历年, 近三年). Found text is masked out.
 */

export type YearSpec =
  | { kind: 'none' }
  | { kind: 'list'; years: number[]; relative: boolean }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all' }
  | { kind: 'recent'; count: number };

const SEP = '(?:到|至|-|~|～|—|–|－)';
const RANGE4 = new RegExp(`(?<!\\d)((?:19|20)\\d{2})\\s*(?:年度?)?\\s*${SEP}\\s*((?:19|20)?\\d{2})(?!\\d)\\s*(?:年度?)?`);
const RANGE2 = new RegExp(`(?<![\\d])(\\d{2})\\s*(?:年度?)?\\s*${SEP}\\s*(\\d{2})\\s*年度?`);
const YEAR4 = /(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度?)?/;
const YEAR2 = /(?<![\d.近前过去最第])(\d{2})\s*年(?:度)?(?!代|前|内|间|多)/;
const YEAR_CN2 = /(?<![〇零一二三四五六七八九十])([〇零一二三四五六七八九]{2})年(?:度)?/;
const YEAR_CN4 = /([〇零一二三四五六七八九]{4})(?:年度?)?/;
/** 两千零二十年, 二千零五年: a year said in words rather than digit by digit. */
const YEAR_CN_WORDS = /[两二]千零?([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])年(?:度)?/;

/** 二十一 → 21, 十五 → 15, 五 → 5. */
function wordsBelowHundred(s: string): number {
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const tensValue = s.includes('十') ? (tens ? (CN_COUNT[tens] ?? 0) : 1) : 0;
  return tensValue * 10 + (ones ? (CN_COUNT[ones] ?? 0) : 0);
}

const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [/大前年/, -3],
  [/前年/, -2],
  // 比去年 is a comparison with the year before the one asked about; the trend reader takes it.
  [/(?<![比较和跟与])(?:去年(?:度)?|上一?年(?:度)?(?!结转|项目)|上个年度)/, -1],
  [/今年(?:度)?|本年度(?!办理)|当年|这一年/, 0],
  [/明年|下一?年(?:度)?(?!继续)/, 1],
];
const ALL = /历年|历史|每年|各年|每一年|逐年|这几年|近几年|最近几年|这些年|往年|所有年份?|全部年份?|各个?年度|每个年度/;
const RECENT = /(?:近|最近|过去|前)\s*([\d一二两三四五六七八九十]{1,2})\s*(?:个)?年/;

const CN_COUNT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function twoDigit(n: number, currentYear: number): number | null {
  const y = 2000 + n;
  return y <= currentYear + 1 ? y : null;
}

/** Reads the years of a question; `currentYear` is today's year in the configured time zone. */
export function readYears(text: MaskedText, currentYear: number): YearSpec {
  const years: number[] = [];
  let relative = false;
  for (const h of text.take(RANGE4)) {
    const from = Number(h.groups[0]);
    const toRaw = h.groups[1]!;
    const to = toRaw.length === 2 ? 2000 + Number(toRaw) : Number(toRaw);
    if (to >= from) return { kind: 'range', from, to };
    years.push(from, to);
  }
  for (const h of text.take(RANGE2)) {
    const from = twoDigit(Number(h.groups[0]), currentYear);
    const to = twoDigit(Number(h.groups[1]), currentYear);
    if (from && to && to >= from) return { kind: 'range', from, to };
  }
  const recent = text.take(RECENT)[0];
  if (recent) {
    const g = recent.groups[0]!;
    const count = /^\d+$/.test(g) ? Number(g) : (CN_COUNT[g] ?? (g.startsWith('十') ? 10 + (CN_COUNT[g[1] ?? ''] ?? 0) : 0));
    if (count > 0) return { kind: 'recent', count: Math.min(count, 30) };
  }
  for (const h of text.take(YEAR_CN_WORDS)) years.push(2000 + wordsBelowHundred(h.groups[0]!));
  for (const h of text.take(YEAR4)) years.push(Number(h.groups[0]));
  for (const h of text.take(YEAR_CN4)) {
    const y = readDigitString(h.groups[0]!);
    if (y !== null && y >= 1990 && y <= 2100) years.push(y);
  }
  for (const h of text.take(YEAR2)) {
    const y = twoDigit(Number(h.groups[0]), currentYear);
    if (y) years.push(y);
  }
  for (const h of text.take(YEAR_CN2)) {
    const n = readDigitString(h.groups[0]!);
    const y = n === null ? null : twoDigit(n, currentYear);
    if (y) years.push(y);
  }
  for (const [re, delta] of RELATIVE) {
    if (text.take(re).length > 0) {
      years.push(currentYear + delta);
      relative = true;
    }
  }
  const all = text.take(ALL).length > 0;
  if (years.length > 0) {
    const unique = [...new Set(years)].sort((a, b) => a - b);
    return { kind: 'list', years: unique, relative };
  }
  return all ? { kind: 'all' } : { kind: 'none' };
}
