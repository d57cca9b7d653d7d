import { nextDueYear } from '../../../calendar/due.js';
import { daysBetween } from '../../../calendar/time.js';
import type { Answer } from '../../types.js';
import type { Query } from '../query.js';
import type { ExecContext } from './context.js';
import { understoodAs } from './phrases.js';

type DeadlineQuery = Extract<Query, { kind: 'deadline' }>;

function countdown(today: string, due: string): string {
  const days = daysBetween(today, due);
  if (days > 0) return `今天是${today}，还有${days}天`;
  if (days === 0) return '就是今天';
  return `已经过了${-days}天`;
}

/** When the reports of a year are due, counted in calendar days in the configured time zone. */
export function answerDeadline(ctx: ExecContext, q: DeadlineQuery): Answer {
  const org = q.scope.orgs[0]?.org ?? null;
  const region = org?.region ?? q.scope.region ?? null;
  const year = q.years.kind === 'list' ? q.years.years[0]! : q.years.kind === 'range' ? q.years.from : nextDueYear(ctx.calendar, ctx.now, region);
  const due = ctx.deadline(year, region);
  const days = daysBetween(ctx.today, due);
  const who = org ? `${org.name}${org.region ? `（${org.region}）` : ''}的` : region ? `${region}的` : '';
  const parts = [understoodAs(q.scope, ctx), `${who}${year}年度政府信息公开工作年度报告应在${due}前发布，${countdown(ctx.today, due)}。`];
  const previous = year - 1;
  const previousDue = ctx.deadline(previous, region);
  if (q.years.kind === 'list' && ctx.today <= previousDue) {
    parts.push(`另外，${previous}年度的年报截止日期是${previousDue}，${countdown(ctx.today, previousDue)}。`);
  }
  if (!org && !region) {
    const overrides = ctx.index.regions.filter((r) => ctx.deadline(year, r) !== due).map((r) => `${r}为${ctx.deadline(year, r)}`);
    if (overrides.length > 0) parts.push(`个别地区另有规定：${overrides.join('，')}。`);
  }
  const name = org?.name ?? region ?? '全部单位';
  return { kind: 'deadline', text: parts.join(''), rows: [{ name, year, deadline: due, daysLeft: days }] };
}
