import type { Config } from '../config.js';
import { addDays, daysBetween, parseHm, wallClock, zonedInstant } from './time.js';

/**
 * The reporting calendar as data: when the report of year Y is due (政府信息公开条例 第四十九条:
 * 31 January, the usual practice for townships too), per-region overrides (a county that collects its
 * towns' reports by 20 February), reminder days, escalation days and the quiet hours. Every function
 * here is pure; "now" is always an argument.
 */
export interface Calendar {
  timeZone: string;
  /** `MM-DD` of the year after the report year. */
  deadlineDay: string;
  /** Minute of the deadline day after which a report is late. */
  deadlineMinute: number;
  /** Region (县/市/区) → `MM-DD` of the year after the report year. */
  regionDeadlines: Readonly<Record<string, string>>;
  /** Days before the deadline day on which the unfiled are reminded; 0 is the deadline day itself. */
  remindDays: readonly number[];
  /** Minute of the day at which reminders and escalations go out. */
  sendAt: number;
  /** First escalation this many days after the deadline day, then every `escalateEvery` days. */
  escalateAfter: number;
  escalateEvery: number;
  /** Nothing is sent from `from` until `to` (minutes of the day; wraps past midnight). */
  quiet: { from: number; to: number };
}

export const DEFAULT_SCHEDULE = {
  remindDays: [30, 14, 7, 3, 1, 0],
  remindAt: '09:00',
  escalateAfter: 1,
  escalateEvery: 7,
  quietHours: { from: '21:00', to: '08:00' },
} as const;

export const DEFAULT_CALENDAR: Calendar = {
  timeZone: 'Asia/Shanghai',
  deadlineDay: '01-31',
  deadlineMinute: 23 * 60 + 59,
  regionDeadlines: {},
  remindDays: DEFAULT_SCHEDULE.remindDays,
  sendAt: parseHm(DEFAULT_SCHEDULE.remindAt),
  escalateAfter: DEFAULT_SCHEDULE.escalateAfter,
  escalateEvery: DEFAULT_SCHEDULE.escalateEvery,
  quiet: { from: parseHm(DEFAULT_SCHEDULE.quietHours.from), to: parseHm(DEFAULT_SCHEDULE.quietHours.to) },
};

type CalendarConfig = Pick<Config, 'timeZone' | 'deadlineOverrides'> & Partial<Pick<Config, 'schedule'>>;

export function calendarFromConfig(config: CalendarConfig): Calendar {
  const s = config.schedule ?? DEFAULT_SCHEDULE;
  return {
    ...DEFAULT_CALENDAR,
    timeZone: config.timeZone,
    regionDeadlines: { ...config.deadlineOverrides },
    remindDays: [...s.remindDays],
    sendAt: parseHm(s.remindAt),
    escalateAfter: s.escalateAfter,
    escalateEvery: s.escalateEvery,
    quiet: { from: parseHm(s.quietHours.from), to: parseHm(s.quietHours.to) },
  };
}

export interface Deadline {
  /** The deadline day, `YYYY-MM-DD`, inclusive. */
  date: string;
  /** The first instant at which the report is overdue (the minute after the deadline). */
  overdueFrom: Date;
}

export function deadlineOf(cal: Calendar, year: number, region: string | null): Deadline {
  const md = (region ? cal.regionDeadlines[region] : undefined) ?? cal.deadlineDay;
  const date = `${year + 1}-${md}`;
  return { date, overdueFrom: zonedInstant(date, cal.deadlineMinute + 1, cal.timeZone) };
}

/** The report year whose deadline falls in the current local year: in January 2027 it is 2026. */
export const seasonYear = (cal: Calendar, now: Date): number => Number(wallClock(now, cal.timeZone).date.slice(0, 4)) - 1;

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
