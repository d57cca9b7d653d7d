import type { Stores } from '../../db/stores.js';
import type { Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import type { NoticeReport } from './plan-notices.js';
import type { PlanInput } from './plan-reminders.js';
import type { RosterEntry } from './roster.js';

/** Reads what the planners need for the season of `now`: roster, reports on file, bindings. */
export function loadPlanInput(
  data: { stores: Pick<Stores, 'reports' | 'subscriptions'>; roster: () => RosterEntry[] },
  calendar: Calendar,
  now: Date,
): PlanInput & { reports: NoticeReport[] } {
  const year = seasonYear(calendar, now);
  return {
    now,
    calendar,
    roster: data.roster(),
    reports: data.stores.reports.reportsForYear(year),
    subscriptions: data.stores.subscriptions.list(),
  };
}
