import type { Subscription } from '../bot/subscriptions.js';
import type { AssessedReport } from './assess.js';
import { deadlineOf, offsetLabel, reminderToday, seasonYear, windowEnd, type Calendar } from './calendar.js';
import { digestText, reminderText } from './messages.js';
import { groupsOfOrg, groupsOfRegion, type Outgoing } from './outgoing.js';
import { orgSubject, reportOf, type RosterEntry } from './roster.js';
import { localDate } from './time.js';

export interface PlanInput {
  now: Date;
  roster: readonly RosterEntry[];
  reports: readonly AssessedReport[];
  subscriptions: readonly Subscription[];
  calendar: Calendar;
}

/** The roster grouped by region, regions in roster order; entries without a region are left out. */
export function byRegion(roster: readonly RosterEntry[]): Map<string, RosterEntry[]> {
  const out = new Map<string, RosterEntry[]>();
  for (const e of roster) if (e.region !== null) out.set(e.region, [...(out.get(e.region) ?? []), e]);
  return out;
}

/**
 * Today's countdown reminders for the current season: to each group bound to an organisation that
 * has no report on file, and to each county group a list of its organisations still to file.
 */
export function planReminders({ now, roster, reports, subscriptions, calendar: cal }: PlanInput): Outgoing[] {
  const year = seasonYear(cal, now);
  const filed = reports.filter((r) => r.year === year);
  const notAfter = windowEnd(cal, localDate(now, cal.timeZone));
  const out: Outgoing[] = [];

  for (const entry of roster) {
    const offset = reminderToday(cal, year, entry.region, now);
    if (offset === null || reportOf(entry, filed)) continue;
    const text = reminderText(entry.name, year, deadlineOf(cal, year, entry.region).date, offset);
    for (const target of groupsOfOrg(subscriptions, entry.name)) {
      out.push({ job: 'remind', subject: orgSubject(entry), period: `${year}/${offsetLabel(offset)}`, target, text, notAfter });
    }
  }

  for (const [region, entries] of byRegion(roster)) {
    const offset = reminderToday(cal, year, region, now);
    const targets = groupsOfRegion(subscriptions, region);
    if (offset === null || targets.length === 0) continue;
    const pending = entries.filter((e) => !reportOf(e, filed)).map((e) => e.name);
    if (pending.length === 0) continue;
    const text = digestText(region, year, deadlineOf(cal, year, region).date, offset, pending, entries.length);
    for (const target of targets) {
      out.push({ job: 'remind', subject: `region:${region}`, period: `${year}/${offsetLabel(offset)}`, target, text, notAfter });
    }
  }
  return out;
}
