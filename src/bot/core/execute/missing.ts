import { matchRoster, regionsOf } from '../../../calendar/assess.js';
import { deadlineMemo, isOverdue } from '../../../calendar/calendar.js';
import { lastPassedYear, nextDueYear } from '../../../calendar/due.js';
import { misprintOf, type Named } from '../../../calendar/filed.js';
import { missingStatus } from '../../../calendar/status.js';
import { daysBetween } from '../../../calendar/time.js';
import { kindOfName } from '../../../parsing/org-kind.js';
import type { FindingCode } from '../../../parsing/types.js';
import type { Answer, AnswerRow } from '../../types.js';
import type { Query } from '../query.js';
import { scopeOrgs, type ExecContext } from './context.js';
import { someNames } from './paging.js';
import { understoodAs } from './phrases.js';

/** Names listed of who has not filed; the rest are counted (the rows and `check` have them all). */
const MISSING_NAMES = 20;

type StatusQuery = Extract<Query, { kind: 'status' }>;

/** The years asked about: those named, else the next one due, or for 谁逾期没交 the last one overdue. */
function yearsOf(ctx: ExecContext, q: StatusQuery, region: string | null): { years: number[]; note: string } {
  if (q.years.kind === 'list') return { years: q.years.years, note: '' };
  if (!q.overdue) return { years: [nextDueYear(ctx.calendar, ctx.now, region)], note: '' };
  const year = lastPassedYear(ctx.calendar, ctx.now, region);
  return { years: [year], note: `（没有说年份，按截止日期已过的最近一个年度：${year}年度）` };
}

type Expected = Named & { kind?: string | null };

/** Worked out once per source list (the roster handed out, or the organisations of the snapshot) and question scope. */
function perSource<T>(ctx: ExecContext, what: string, source: object, key: string, make: () => T): T {
  const bySource = ctx.memo(what, () => new WeakMap<object, Map<string, T>>());
  let byKey = bySource.get(source);
  if (!byKey) bySource.set(source, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key)!;
}

/**
 * Who is expected to file: the roster (a county's part of it, with the roster entries of the county
 * the asked one misprints), else every organisation in scope; only the kinds asked about (哪些镇:
 * 镇, 乡 and 街道). A county or the country is worked out once per snapshot.
 */
function expectedOf(
  ctx: ExecContext,
  q: StatusQuery,
  fromRoster: readonly Expected[] | undefined,
  counties: ReadonlySet<string> | undefined,
): readonly Named[] {
  const region = q.scope.region;
  const kinds = q.scope.kinds as readonly string[] | undefined;
  const make = (): Named[] => {
    const misprint = region && counties ? misprintOf(region, counties) : null;
    const inScope: readonly Expected[] = fromRoster
      ? region
        ? fromRoster.filter((e) => e.region === region || (misprint !== null && e.region === misprint))
        : fromRoster
      : scopeOrgs(ctx, q.scope);
    return (kinds ? inScope.filter((e) => kinds.includes(e.kind ?? kindOfName(e.name))) : inScope).map((e) => ({ name: e.name, region: e.region }));
  };
  // A few named organisations are quick to list.
  if (!fromRoster && q.scope.orgs.length > 0) return make();
  return perSource(ctx, 'expected', fromRoster ?? ctx.index.orgs, `${region ?? '*'}|${kinds?.join(',') ?? '*'}`, make);
}

/**
 * Those of `expected` without a report for `year`, matched as `check` matches them (a report bears
 * its organisation's name and county). The matching is the slow part at national scale (40,000
 * against 40,000) and depends on the database only, so it is done once per snapshot; the calendar
 * (late or not yet due) is applied on every question.
 */
function unfiledOf(ctx: ExecContext, year: number, expected: readonly Named[], counties: ReadonlySet<string> | undefined): readonly Named[] {
  const match = () => {
    const filed = ctx.memo(`filed|${year}`, () => {
      const byId = new Map(ctx.index.orgs.map((o) => [o.id, o]));
      return ctx.store.headsOfYear(year).flatMap((h) => {
        const org = byId.get(h.orgId);
        return org ? [{ id: h.reportId, name: org.name, region: org.region }] : [];
      });
    });
    const matched = matchRoster(expected, filed, counties);
    return expected.filter((_, i) => !matched[i]);
  };
  return perSource(ctx, 'unfiled', expected, String(year), match);
}

/**
 * Who has not filed for a year: the roster when one is configured, else every organisation that
 * has ever filed. Before the deadline they are "not yet in"; after it they are MISSING. The status
 * of each is the calendar's, exactly as `check` and the reminder jobs judge it.
 */
export function answerMissing(ctx: ExecContext, q: StatusQuery): Answer {
  const region = q.scope.region ?? q.scope.orgs[0]?.org.region ?? null;
  const { years, note } = yearsOf(ctx, q, region);
  const parts: string[] = [];
  const rows: AnswerRow[] = [];
  for (const year of years) {
    const fromRoster = ctx.roster?.(year);
    const counties = fromRoster ? perSource(ctx, 'counties', fromRoster, '', () => regionsOf(fromRoster)) : undefined;
    const expected = expectedOf(ctx, q, fromRoster, counties);
    const unfiled = unfiledOf(ctx, year, expected, counties);
    // The calendar's verdict depends on the county only: once per county, not per organisation.
    const deadline = deadlineMemo();
    const byRegion = new Map<string | null, FindingCode[]>();
    const codesIn = (r: string | null) => {
      let codes = byRegion.get(r);
      if (!codes) byRegion.set(r, (codes = missingStatus(ctx.calendar, year, r, ctx.now, deadline).codes));
      return codes;
    };
    const missing: Array<{ name: string; codes: FindingCode[] }> = [];
    for (const e of unfiled) {
      const codes = codesIn(e.region);
      if (!q.overdue || codes.length > 0) missing.push({ name: e.name, codes: [...codes] });
    }
    const due = ctx.deadline(year, region);
    const passed = isOverdue(ctx.calendar, year, region, ctx.now);
    const when = passed ? `截止日期${due}已过` : `截止日期${due}，还有${daysBetween(ctx.today, due)}天`;
    const basis = fromRoster ? '' : '（没有应报名单，按收录过报告的单位统计）';
    if (missing.length === 0) {
      const all = q.overdue ? '没有逾期未交的单位' : `${expected.length}个单位都已收录`;
      parts.push(`${note}${year}年度报告（${when}）：${all}${basis}。`);
      continue;
    }
    const verb = passed ? '仍没有报告（未发布年报）' : '还没有收录';
    parts.push(
      `${note}${year}年度报告（${when}）：${missing.length}个单位${verb}：${someNames(
        missing.map((e) => e.name),
        MISSING_NAMES,
      )}${basis}。`,
    );
    for (const e of missing) rows.push({ name: e.name, year, status: 'missing', codes: e.codes });
  }
  return { kind: 'status', text: understoodAs(q.scope, ctx) + parts.join('\n'), rows };
}
