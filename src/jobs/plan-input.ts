import { createReportStore } from '../../db/report-store.js';
import { loadRoster } from '../../db/roster.js';
import { createSqliteSubscriptionStore } from '../../db/subscription-store.js';
import type { Db } from '../../db/client.js';
import type { Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import type { NoticeReport } from './plan-notices.js';
import type { PlanInput } from './plan-reminders.js';

/** Reads what the planners need for the season of `now`: roster, reports on file, bindings. */
export function loadPlanInput(db: Db, calendar: Calendar, now: Date): PlanInput & { reports: NoticeReport[] } {
  const year = seasonYear(calendar, now);
  return {
    now,
    calendar,
    roster: loadRoster(db),
    reports: createReportStore(db).reportsForYear(year),
    subscriptions: createSqliteSubscriptionStore(db).list(),
  };
}
