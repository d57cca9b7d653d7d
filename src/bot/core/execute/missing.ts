import type { Answer, AnswerRow } from '../../types.js';
import { daysBetween } from '../dates.js';
import type { RosterEntry } from '../deps.js';
import type { Query } from '../query.js';
import { dueYear, scopeOrgs, type ExecContext } from './context.js';

type StatusQuery = Extract<Query, { kind: 'status' }>;

/**
 * Who has not filed for a year: the roster when one is configured, else every organisation that
 * has ever filed. Before the deadline they are "not yet in"; after it they are MISSING.
 */
export function answerMissing(ctx: ExecContext, q: StatusQuery): Answer {
  const region = q.scope.region ?? q.scope.orgs[0]?.org.region ?? null;
  const years = q.years.kind === 'list' ? q.years.years : [dueYear(ctx, region)];
  const parts: string[] = [];
  const rows: AnswerRow[] = [];
  for (const year of years) {
    const fromRoster = ctx.roster?.(year);
    const expected: RosterEntry[] = fromRoster
      ? fromRoster.filter((e) => !q.scope.region || e.region === q.scope.region)
      : scopeOrgs(ctx, q.scope).map((o) => ({ name: o.name, region: o.region }));
    const missing = expected.filter((e) => {
      const org = ctx.index.orgs.find((o) => o.name === e.name && (e.region === null || o.region === e.region));
      return !org || !ctx.store.currentReport(org.id, year);
    });
    const due = ctx.deadline(year, region);
    const passed = ctx.today > due;
    const when = passed ? `截止日期${due}已过` : `截止日期${due}，还有${daysBetween(ctx.today, due)}天`;
    const basis = fromRoster ? '' : '（没有应报名单，按收录过报告的单位统计）';
    if (missing.length === 0) {
      parts.push(`${year}年度报告（${when}）：${expected.length}个单位都已收录${basis}。`);
      continue;
    }
    const verb = passed ? '仍没有报告（未发布年报）' : '还没有收录';
    parts.push(`${year}年度报告（${when}）：${missing.length}个单位${verb}：${missing.map((e) => e.name).join('、')}${basis}。`);
    rows.push(...missing.map((e) => ({ name: e.name, year, status: 'missing' as const, codes: passed ? ['MISSING'] : [] })));
  }
  return { kind: 'status', text: parts.join('\n'), rows };
}
