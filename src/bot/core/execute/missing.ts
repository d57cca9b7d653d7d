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
    const counties = fromRoster ? regionsOf(fromRoster) : undefined;
    // The county asked about, and the roster's county it misprints (霍丘县 on file, 霍邱县 on the roster).
    const misprint = q.scope.region && counties ? misprintOf(q.scope.region, counties) : null;
    const inScope: ReadonlyArray<Named & { kind?: string | null }> = fromRoster
      ? q.scope.region
        ? fromRoster.filter((e) => e.region === q.scope.region || (misprint !== null && e.region === misprint))
        : fromRoster
      : scopeOrgs(ctx, q.scope);
    const kinds = q.scope.kinds;
    const expected: readonly Named[] = (kinds ? inScope.filter((e) => (kinds as readonly string[]).includes(e.kind ?? kindOfName(e.name))) : inScope).map(
      (e) => ({ name: e.name, region: e.region }),
    );
    // Who filed, matched as `check` matches it (a report bears its organisation's name and county).
    const filed = ctx.memo(`filed|${year}`, () => {
      const byId = new Map(ctx.index.orgs.map((o) => [o.id, o]));
      return ctx.store.headsOfYear(year).flatMap((h) => {
        const org = byId.get(h.orgId);
        return org ? [{ id: h.reportId, name: org.name, region: org.region }] : [];
      });
    });
    const matched = matchRoster(expected, filed, counties);
    const deadline = deadlineMemo();
    const missing: Array<{ name: string; codes: FindingCode[] }> = [];
    expected.forEach((e, i) => {
      if (matched[i]) return;
      const { codes } = missingStatus(ctx.calendar, year, e.region, ctx.now, deadline);
      if (!q.overdue || codes.length > 0) missing.push({ name: e.name, codes });
    });
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
