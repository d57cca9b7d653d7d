import type { Subscription } from '../bot/subscriptions.js';
import type { AssessedReport } from '../calendar/assess.js';
import { deadlineMemo, type Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import { regionsOf } from '../calendar/assess.js';
import { reportFinder } from '../calendar/filed.js';
import { offsetLabel, reminderToday, windowEnd } from '../calendar/schedule.js';
import { localDate } from '../calendar/time.js';
import { digestText, reminderText } from './messages.js';
import { groupIndex, nameCounts, regionMessages, type JobName, type Outgoing } from './outgoing.js';
import { orgSubject, type RosterEntry } from './roster.js';
import { behindSent, type SentStages } from './stages.js';

export interface PlanInput {
  now: Date;
  roster: readonly RosterEntry[];
  reports: readonly AssessedReport[];
  subscriptions: readonly Subscription[];
  calendar: Calendar;
  /** The latest stage already sent per organisation and county this season (the delivery log). */
  sent?: SentStages;
}

/** The roster grouped by region, regions in roster order; entries without a region are left out. */
export function byRegion(roster: readonly RosterEntry[]): Map<string, RosterEntry[]> {
  const out = new Map<string, RosterEntry[]>();
  for (const e of roster) {
    if (e.region === null) continue;
    const list = out.get(e.region);
    if (list) list.push(e);
    else out.set(e.region, [e]);
  }
  return out;
}

/**
 * A calendar question about one region asked for many organisations: the answer depends only on
 * the region (for a given year and instant), so it is worked out once per region.
 */
export function perRegion<T>(f: (region: string | null) => T): (region: string | null) => T {
  const memo = new Map<string | null, T>();
  return (region) => {
    if (!memo.has(region)) memo.set(region, f(region));
    return memo.get(region)!;
  };
}

/** What both planners work out once for today: the season, who filed, who listens, each region's day. */
export function seasonDay(input: PlanInput, todayOffset: (year: number, region: string | null) => number | null) {
  const { now, reports, subscriptions, calendar: cal } = input;
  const year = seasonYear(cal, now);
  return {
    year,
    notAfter: windowEnd(cal, localDate(now, cal.timeZone)),
    reportOf: reportFinder(
      reports.filter((r) => r.year === year),
      regionsOf(input.roster),
    ),
    groups: groupIndex(subscriptions, nameCounts(input.roster)),
    offsetOf: perRegion((region) => todayOffset(year, region)),
    deadlineOf: deadlineMemo(),
  };
}

type SeasonDay = ReturnType<typeof seasonDay>;

/** One message to each group bound to an organisation that has not filed, on its region's day. */
export function planUnfiledOrgs(
  day: SeasonDay,
  input: PlanInput,
  job: JobName,
  textOf: (entry: RosterEntry, deadline: string, offset: number) => string,
): Outgoing[] {
  const out: Outgoing[] = [];
  for (const entry of input.roster) {
    const offset = day.offsetOf(entry.region);
    if (offset === null || day.reportOf(entry) || behindSent(input.sent, job, orgSubject(entry), offset)) continue;
    const text = textOf(entry, day.deadlineOf(input.calendar, day.year, entry.region).date, offset);
    for (const target of day.groups.ofOrg(entry)) {
      const about = { kind: 'org' as const, name: entry.name, region: entry.region };
      out.push({ job, subject: orgSubject(entry), period: `${day.year}/${offsetLabel(offset)}`, target, text, notAfter: day.notAfter, about });
    }
  }
  return out;
}

/**
 * Today's countdown reminders for the current season: to each group bound to an organisation that
 * has no report on file, and to each county group a list of its organisations still to file.
 */
export function planReminders(input: PlanInput): Outgoing[] {
  const { now, roster, calendar: cal } = input;
  const day = seasonDay(input, (year, region) => reminderToday(cal, year, region, now));
  const { year, notAfter, reportOf, groups, offsetOf, deadlineOf } = day;
  const out = planUnfiledOrgs(day, input, 'remind', (e, deadline, offset) => reminderText(e.name, year, deadline, offset));

  for (const [region, entries] of byRegion(roster)) {
    const offset = offsetOf(region);
    const targets = groups.ofRegion(region);
    if (offset === null || targets.length === 0 || behindSent(input.sent, 'remind', `region:${region}`, offset)) continue;
    const pending = entries.filter((e) => !reportOf(e)).map((e) => e.name);
    if (pending.length === 0) continue;
    const text = digestText(region, year, deadlineOf(cal, year, region).date, offset, pending, entries.length);
    out.push(...regionMessages('remind', { region, year, stage: offsetLabel(offset), notAfter }, targets, text));
  }
  return out;
}
