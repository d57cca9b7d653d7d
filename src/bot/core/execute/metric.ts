import type { Answer, AnswerRow } from '../../types.js';
import { errorCaveat, formatValue, join } from '../answer.js';
import { keyInfo } from '../lexicon/captions.js';
import type { MetricAsk } from '../metrics.js';
import type { Query } from '../query.js';
import { nameOf, rowName, scopeOrgs, type ExecContext } from './context.js';
import { noReport, understoodAs, unknownNames } from './phrases.js';
import { readAsk, type Reading } from './read.js';
import { readingSentence } from './sentences.js';
import { yearsFor } from './years.js';

type FigureQuery = Extract<Query, { kind: 'metric' | 'compare' | 'trend' }>;

/** One organisation, one year (or its latest), one or more figures. */
export function answerMetric(ctx: ExecContext, q: FigureQuery): Answer {
  const org = q.scope.orgs[0]!.org;
  const { years, defaulted } = yearsFor(ctx, org, q.years);
  if (years.length === 0) {
    return { kind: 'metric', text: join([understoodAs(q.scope, ctx), `还没有收录${nameOf(ctx, org)}的任何报告。`]), rows: [] };
  }
  const year = years[0]!;
  const parts: string[] = [understoodAs(q.scope, ctx), unknownNames(q.scope)];
  if (defaulted) parts.push(`（没有说年份，按最新的${year}年度报告回答）`);
  const rows: AnswerRow[] = [];
  const seenCaveat = new Set<string>();
  for (const ask of q.metrics) {
    const s = readingSentence(ctx, readAsk(ctx.store, org, year, ask), q.yesNo && q.metrics.length === 1);
    // Several figures from one report repeat its caveat; say it once.
    let text = s.text;
    const caveat = /注意：[^。]*。$/.exec(text)?.[0];
    if (caveat) {
      if (seenCaveat.has(caveat)) text = text.slice(0, -caveat.length);
      seenCaveat.add(caveat);
    }
    parts.push(text);
    rows.push(...s.rows);
  }
  return { kind: 'metric', text: join(parts), rows };
}

/** `龙潭镇0件` or the reason there is no figure, for lists over organisations or years. */
function entry(ctx: ExecContext, r: Reading, headKey: string | undefined, withYear: boolean, yearOnly = false): string {
  const name = nameOf(ctx, r.org);
  const who = yearOnly ? `${r.year}年` : withYear ? `${name}（${r.year}年）` : name;
  if (r.state === 'no_report') return `${who}没有报告`;
  if (r.state === 'not_in_format') return `${who}的报告格式没有这一项`;
  if (r.state === 'row_missing') return `${who}的报告缺少这一行`;
  return r.values
    .map((v) => {
      const relabel = v.key !== headKey ? `（${keyInfo(v.key).label}）` : '';
      return `${who}${relabel}${v.record.value === null ? '报告未填写' : formatValue(v.record.value, v.key)}`;
    })
    .join('，');
}

const rowsOf = (ctx: ExecContext, readings: Reading[]): AnswerRow[] =>
  readings.flatMap((r) => r.values.map((v) => ({ ...rowName(ctx, r.org), year: r.year, metric: v.key, value: v.record.value })));

function notesOf(ctx: ExecContext, readings: Reading[]): string {
  const notes = new Set<string>();
  for (const r of readings) {
    if (r.note && r.state === 'value') notes.add(`${nameOf(ctx, r.org)}${r.year}年度：${r.note}。`);
    if (r.report) {
      const c = errorCaveat(r.report, `${nameOf(ctx, r.org)}${r.year}年度报告`, [...r.values.map((v) => v.key), ...r.missing]);
      if (c) notes.add(c);
    }
  }
  return [...notes].join('');
}

const headKeyOf = (readings: Reading[]) => readings.find((r) => r.values.length > 0)?.values[0]?.key;
const headLabel = (ask: MetricAsk, key: string | undefined) => (key ? keyInfo(key).label : ask.phrase);
const captionOf = (key: string | undefined) => (key ? `（${keyInfo(key).caption}）` : '');

/** Several organisations (named, a region's, or all), each for the asked year or its latest. */
export function answerCompare(ctx: ExecContext, q: FigureQuery): Answer {
  const orgs = scopeOrgs(ctx, q.scope);
  const parts: string[] = [understoodAs(q.scope, ctx), unknownNames(q.scope)];
  const rows: AnswerRow[] = [];
  const defaulted = q.years.kind === 'none';
  if (defaulted) parts.push('（没有说年份，各单位按最新一年的报告回答）');
  for (const ask of q.metrics) {
    const readings = orgs.flatMap((org) => {
      const { years } = yearsFor(ctx, org, q.years);
      return years.map((y) => readAsk(ctx.store, org, y, ask));
    });
    const head = headKeyOf(readings);
    const single = !defaulted && q.years.kind === 'list' && q.years.years.length === 1 ? `${q.years.years[0]}年` : '';
    const shown = readings.filter((r) => r.state !== 'no_report' || q.scope.orgs.length > 0);
    const absent = readings.length - shown.length;
    parts.push(`${single}${headLabel(ask, head)}：${shown.map((r) => entry(ctx, r, head, !single)).join('；') || '没有相关报告'}。`);
    if (absent > 0) parts.push(`另有${absent}个单位没有${single || '相应年度的'}报告。`);
    if (q.sum) parts.push(sumSentence(readings, head));
    parts.push(captionOf(head), notesOf(ctx, readings));
    rows.push(...rowsOf(ctx, readings));
  }
  return { kind: 'compare', text: join(parts), rows };
}

/** `合计1544条（2个单位）`; blanks and gaps are named rather than counted as 0. */
function sumSentence(readings: Reading[], head: string | undefined): string {
  if (!head) return '';
  const values = readings.map((r) => r.values.find((v) => v.key === head)?.record.value);
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length < 2) return '';
  const years = new Set(readings.filter((r) => r.values.length > 0).map((r) => r.year));
  if (years.size > 1) return '各单位的年份不同，没有合计，请指定年份。';
  const total = Math.round(numbers.reduce((s, v) => s + v, 0) * 10000) / 10000;
  const left = values.length - numbers.length;
  return `合计${formatValue(total, head)}（${numbers.length}个单位${left > 0 ? `，另有${left}个没有可加的数字` : ''}）。`;
}

/** Each organisation over years: 历年, ranges, 比去年. */
export function answerTrend(ctx: ExecContext, q: FigureQuery): Answer {
  const orgs = scopeOrgs(ctx, q.scope);
  const parts: string[] = [understoodAs(q.scope, ctx), unknownNames(q.scope)];
  const rows: AnswerRow[] = [];
  for (const ask of q.metrics) {
    for (const org of orgs) {
      let { years } = yearsFor(ctx, org, q.years.kind === 'none' ? { kind: 'all' } : q.years);
      if (q.years.kind === 'list' && years.length === 1) years = [years[0]! - 1, years[0]!];
      if (years.length === 0) {
        parts.push(`还没有收录${nameOf(ctx, org)}的任何报告。`);
        continue;
      }
      const readings = years.map((y) => readAsk(ctx.store, org, y, ask));
      const head = headKeyOf(readings);
      const filed = readings.filter((r) => r.state !== 'no_report');
      if (filed.length === 0) {
        parts.push(noReport(ctx, org, years.at(-1)!));
        continue;
      }
      parts.push(`${nameOf(ctx, org)}${headLabel(ask, head)}：${readings.map((r) => entry(ctx, r, head, false, true)).join('；')}。`);
      parts.push(changeSentence(readings, head), captionOf(head), notesOf(ctx, readings));
      rows.push(...rowsOf(ctx, readings));
    }
  }
  return { kind: 'trend', text: join(parts), rows };
}

function changeSentence(readings: Reading[], head: string | undefined): string {
  const numbers = readings.flatMap((r) => {
    const v = r.values.find((x) => x.key === head)?.record.value;
    return typeof v === 'number' ? [{ year: r.year, v }] : [];
  });
  if (numbers.length < 2) return readings.filter((r) => r.state !== 'no_report').length === 1 ? '只有一年的报告，看不出变化。' : '';
  const first = numbers[0]!;
  const last = numbers.at(-1)!;
  const d = last.v - first.v;
  const unit = head ? keyInfo(head).unit : '';
  if (d === 0) return `${last.year}年与${first.year}年持平。`;
  return `${last.year}年比${first.year}年${d > 0 ? '增加' : '减少'}${Math.abs(Math.round(d * 10000) / 10000)}${unit}。`;
}
