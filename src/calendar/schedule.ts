import { deadlineOf, type Calendar } from './calendar.js';
import { addDays, daysBetween, wallClock, zonedInstant } from './time.js';

/** When reminders and escalations go out: days around each deadline, the send window, quiet hours. */

/** Days from the deadline day to today: -7 a week before, 0 on the day, 1 the day after. */
export function dayOffset(cal: Calendar, year: number, region: string | null, now: Date): number {
  return daysBetween(deadlineOf(cal, year, region).date, wallClock(now, cal.timeZone).date);
}

export function isQuiet(cal: Calendar, now: Date): boolean {
  const m = wallClock(now, cal.timeZone).minute;
  const { from, to } = cal.quiet;
  return from > to ? m >= from || m < to : m >= from && m < to;
}

/** Whether today's reminders and escalations may go out now: at or after sendAt, outside the quiet hours. */
export function inSendWindow(cal: Calendar, now: Date): boolean {
  return wallClock(now, cal.timeZone).minute >= cal.sendAt && !isQuiet(cal, now);
}

/** When a message meant for `date` stops making sense: the quiet hours of that evening. */
export function windowEnd(cal: Calendar, date: string): Date {
  const end = cal.quiet.from > cal.sendAt ? cal.quiet.from : 24 * 60;
  return end >= 24 * 60 ? zonedInstant(addDays(date, 1), 0, cal.timeZone) : zonedInstant(date, end, cal.timeZone);
}

/** Today's reminder offset (D-n as -n) when today is a reminder day and the window is open, else null. */
export function reminderToday(cal: Calendar, year: number, region: string | null, now: Date): number | null {
  if (!inSendWindow(cal, now)) return null;
  const d = dayOffset(cal, year, region, now);
  return d <= 0 && cal.remindDays.includes(-d) ? d : null;
}

/**
 * Today's escalation offset (D+n) when today is an escalation day and the window is open. Weekly
 * escalations run until the end of the year after the report year; the next season takes over then.
 */
export function escalationToday(cal: Calendar, year: number, region: string | null, now: Date): number | null {
  if (!inSendWindow(cal, now)) return null;
  const today = wallClock(now, cal.timeZone).date;
  if (Number(today.slice(0, 4)) !== year + 1) return null;
  const d = dayOffset(cal, year, region, now);
  if (d < cal.escalateAfter) return null;
  return (d - cal.escalateAfter) % cal.escalateEvery === 0 ? d : null;
}

/** The most recent instant at or before `now` at which a daily job at `minute` was due. */
export function lastDailyRun(cal: Calendar, minute: number, now: Date): Date {
  const today = wallClock(now, cal.timeZone).date;
  const at = zonedInstant(today, minute, cal.timeZone);
  return at.getTime() <= now.getTime() ? at : zonedInstant(addDays(today, -1), minute, cal.timeZone);
}

/** `D-7`, `D-0`, `D+1`: the period part of a delivery key. */
export const offsetLabel = (d: number): string => (d > 0 ? `D+${d}` : `D-${-d}`);
