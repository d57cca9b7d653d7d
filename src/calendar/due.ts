import { deadlineOf, isOverdue, type Calendar, type DeadlineRule } from './calendar.js';
import { localDate } from './time.js';

/**
 * Which report year a question or a job is about when none is named. Three different years, each
 * for its own purpose; all of them read the local date in the calendar's time zone.
 */

const localYear = (cal: Calendar, now: Date): number => Number(localDate(now, cal.timeZone).slice(0, 4));

/**
 * The season: the report year whose deadline falls in the current local year (in January 2027 and
 * all through 2027, 2026). Reminders, escalations, notices and `check` work on it.
 */
export const seasonYear = (cal: Calendar, now: Date): number => localYear(cal, now) - 1;

/**
 * The report year whose deadline comes next or is today (in November 2026, 2026; on 1 February
 * 2027, 2027): 「年报什么时候截止」, 「谁还没交」.
 */
export function nextDueYear(cal: Calendar, now: Date, region: string | null, deadline: DeadlineRule = deadlineOf): number {
  const previous = localYear(cal, now) - 1;
  return isOverdue(cal, previous, region, now, deadline) ? previous + 1 : previous;
}

/**
 * The last report year whose deadline has passed (in November 2026, 2025; on 1 February 2027,
 * 2026): 「谁逾期没交」, 「哪些镇逾期了」 — nothing can be overdue before its deadline.
 */
export function lastPassedYear(cal: Calendar, now: Date, region: string | null, deadline: DeadlineRule = deadlineOf): number {
  const previous = localYear(cal, now) - 1;
  return isOverdue(cal, previous, region, now, deadline) ? previous : previous - 1;
}
