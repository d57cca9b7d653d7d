import type { Answer, AnswerRow } from '../../types.js';
import { errorCaveat, formatValue, join } from '../answer.js';
import { keyInfo } from '../lexicon/captions.js';
import type { Query } from '../query.js';
import type { OrgRecord, ReportRecord } from '../store.js';
import { nameOf, rowName, scopeOrgs, type ExecContext } from './context.js';
import { understoodAs } from './phrases.js';
import { pageOf, someNames } from './paging.js';
import { askKeyOf, figureLookup } from './read.js';

type RankQuery = Extract<Query, { kind: 'rank' }>;

interface Ranked {
  org: OrgRecord;
  key: string;
  value: number | null;
}

/** The year to rank: the one asked, else the latest year in which at least two organisations have the figure. */
function rankYear(ctx: ExecContext, q: RankQuery, orgs: OrgRecord[]): { year: number; defaulted: boolean } | null {
  if (q.years.kind === 'list') return { year: q.years.years.at(-1)!, defaulted: false };
  if (q.years.kind === 'range') return { year: q.years.to, defaulted: false };
  const years = [...ctx.store.years()].reverse();
  const count = (y: number) => {
    const lookup = figureLookup(ctx, orgs, y, q.metric);
    return orgs.reduce((n, org) => (lookup(org).state === 'value' ? n + 1 : n), 0);
  };
  const year = years.find((y) => count(y) >= 2) ?? years.find((y) => count(y) >= 1) ?? years[0];
  return year === undefined ? null : { year, defaulted: true };
}

/** Competition ranking of a sorted list: equal figures share a place (1, 2, 2, 4). */
function places(list: Ranked[]): number[] {
  const out: number[] = [];
  list.forEach((x, i) => out.push(i > 0 && list[i - 1]!.value === x.value ? out[i - 1]! : i + 1));
  return out;
}

/** The reports behind the listed figures, for their caveats: one by one, or the year at once for a long list. */
function reportsOf(ctx: ExecContext, listed: readonly Ranked[], year: number): Map<number, ReportRecord> {
  if (listed.length <= 64) {
    return new Map(
      listed.flatMap((x) => {
        const r = ctx.store.currentReport(x.org.id, year);
        return r ? [[x.org.id, r] as const] : [];
      }),
    );
  }
  return new Map(ctx.store.reportsForYear(year).map((r) => [r.orgId, r]));
}

/**
 * The organisations in order of the figure, read and sorted once per database state for a scope
 * (nationally that is 40,000 figures to sort): it depends on the database only, never on the
 * calendar or on who asks.
 */
function ranking(ctx: ExecContext, q: RankQuery, orgs: readonly OrgRecord[], year: number, everyone: boolean) {
  const scope = everyone ? 'region:*' : q.scope.orgs.length > 0 ? `orgs:${q.scope.orgs.map((o) => o.org.id).join(',')}` : `region:${q.scope.region ?? '*'}`;
  return ctx.memo(`ranked|${year}|${askKeyOf(q.metric)}|${q.order}|${scope}`, () => {
    const lookup = figureLookup(ctx, orgs, year, q.metric);
    // One pass over the organisations (nationally ~40,000): the figures to sort, the blank cells,
    // those whose report lacks the figure, and how many have no report.
    const numbers: Ranked[] = [];
    const blanks: Ranked[] = [];
    const lacking: OrgRecord[] = [];
    let absent = 0;
    for (const org of orgs) {
      const f = lookup(org);
      if (f.state === 'value') {
        const x: Ranked = { org, key: f.key!, value: f.value ?? null };
        if (x.value === null) blanks.push(x);
        else numbers.push(x);
      } else if (f.state === 'no_report') absent++;
      else lacking.push(org);
    }
    numbers.sort(q.order === 'asc' ? (a, b) => a.value! - b.value! : (a, b) => b.value! - a.value!);
    return { numbers, blanks, lacking, absent, ranks: places(numbers) };
  });
}

export function answerRank(ctx: ExecContext, q: RankQuery): Answer {
  const focus = q.scope.orgs.length === 1 ? q.scope.orgs[0]!.org : null;
  // One named organisation asks for its place among all of them.
  const orgs = scopeOrgs(ctx, focus ? { orgs: [], region: null } : q.scope);
  const picked = rankYear(ctx, q, orgs);
  if (!picked) return { kind: 'rank', text: '还没有收录任何报告，无法排名。', rows: [] };
  const { year, defaulted } = picked;
  const { numbers, blanks, lacking, absent, ranks } = ranking(ctx, q, orgs, year, focus !== null);
  // Asked for a top N: those. Otherwise ten at a time (「更多」 for the next ten).
  const page = q.top ? null : pageOf(numbers, q.page ?? 0);
  const shown = q.top ? numbers.filter((_, i) => ranks[i]! <= q.top!) : page!.items;
  const first = page?.from ?? 0;
  const head = numbers[0]?.key ?? blanks[0]?.key;
  const label = head ? keyInfo(head).label : q.metric.phrase;
  const where = q.scope.region && !focus ? q.scope.region : '';

  const parts: string[] = [understoodAs(q.scope, ctx)];
  if (defaulted) parts.push(`（没有说年份，按${year}年度的报告排名）`);
  if (numbers.length === 0) {
    parts.push(`${year}年${where}没有可以排名的${label}数字。`);
  } else {
    const order = q.order === 'asc' ? '从少到多' : '从多到少';
    const lines = shown.map((x, i) => {
      const relabel = x.key !== head ? `（${keyInfo(x.key).label}）` : '';
      return `${ranks[first + i]}. ${nameOf(ctx, x.org)}${relabel} ${formatValue(x.value, x.key)}`;
    });
    parts.push(`${year}年${where}${label}（${order}）：\n${lines.join('\n')}${page?.footer ?? ''}\n`);
    if (numbers.length > 1 && numbers.every((x) => x.value === 0)) parts.push('都是0。');
  }
  if (blanks.length > 0) parts.push(`报告未填写：${someNames(blanks.map((x) => nameOf(ctx, x.org)))}。`);
  if (lacking.length > 0) parts.push(`报告里没有这项数字：${someNames(lacking.map((o) => nameOf(ctx, o)))}。`);
  if (absent > 0) parts.push(`另有${absent}个单位没有${year}年度报告。`);
  if (head) parts.push(`（${keyInfo(head).caption}）`);
  if (focus) {
    const i = numbers.findIndex((x) => x.org.id === focus.id);
    parts.push(i >= 0 ? `${nameOf(ctx, focus)}排第${ranks[i]}（共${numbers.length}个单位）。` : `${nameOf(ctx, focus)}没有参加这项排名。`);
  }
  const reports = reportsOf(ctx, shown, year);
  for (const x of shown) {
    const report = reports.get(x.org.id);
    parts.push(report ? errorCaveat(report, `${nameOf(ctx, x.org)}${year}年度报告`, [x.key]) : '');
  }
  // The asking group's own organisation, wherever it stands.
  const home = focus ? -1 : numbers.findIndex((x) => ctx.home?.includes(x.org.name) === true);
  if (home >= 0 && !shown.includes(numbers[home]!)) {
    parts.push(
      `本群的${nameOf(ctx, numbers[home]!.org)}排第${ranks[home]}（${formatValue(numbers[home]!.value, numbers[home]!.key)}，共${numbers.length}个单位）。`,
    );
  }
  // The focus organisation's (or the group's own) line when it is not on this page.
  const own = focus ? numbers.findIndex((x) => x.org.id === focus.id) : home;
  const extra = own >= 0 && !shown.includes(numbers[own]!) ? [numbers[own]!] : [];
  const rows: AnswerRow[] = [...shown, ...extra, ...(first === 0 ? blanks : [])].map((x) => {
    const i = numbers.indexOf(x);
    return { ...rowName(ctx, x.org), year, metric: x.key, value: x.value, rank: i >= 0 ? ranks[i] : null };
  });
  return { kind: 'rank', text: join(parts).trim(), rows };
}
