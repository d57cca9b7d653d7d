import type { Stores } from '../../db/stores.js';
import type { Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import type { NoticeReport } from './plan-notices.js';
import type { PlanInput } from './plan-reminders.js';
import type { RosterEntry } from './roster.js';
import { latestStages } from './stages.js';

/** Reads what the planners need for the season of `now`: roster, reports on file, bindings, stages sent. */
export function loadPlanInput(
  data: { stores: Pick<Stores, 'reports' | 'subscriptions' | 'deliveries'>; roster: () => readonly RosterEntry[] },
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
    sent: latestStages(data.stores.deliveries.reachedKeys(year), year),
  };
}
