import { parseHm, zonedInstant } from './time.js';

/**
 * The reporting calendar as data: when the report of year Y is due (政府信息公开条例 第四十九条:
 * 31 January, the usual practice for townships too), per-region overrides (a county that collects its
 * towns' reports by 20 February), reminder days, escalation days and the quiet hours. Every function
 * of src/calendar/ is pure; "now" is always an argument.
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

/** The parts of the configuration (src/config.ts) the calendar is made of. */
export interface CalendarConfig {
  timeZone: string;
  /** `NIANBAO_DEADLINES`: region → `MM-DD` of the year after the report year. */
  deadlineOverrides: Readonly<Record<string, string>>;
  schedule?: Readonly<{
    remindDays: readonly number[];
    remindAt: string;
    escalateAfter: number;
    escalateEvery: number;
    quietHours: Readonly<{ from: string; to: string }>;
  }>;
}

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

/** The one deadline rule: the region's override, else the default day, of the year after `year`. */
export function deadlineOf(cal: Calendar, year: number, region: string | null): Deadline {
  const md = (region ? cal.regionDeadlines[region] : undefined) ?? cal.deadlineDay;
  const date = `${year + 1}-${md}`;
  return { date, overdueFrom: zonedInstant(date, cal.deadlineMinute + 1, cal.timeZone) };
}

export type DeadlineRule = typeof deadlineOf;

/**
 * deadlineOf for many organisations at once: the answer depends only on the year and the region,
 * so each (year, region) is worked out once. The deadlines it hands out are shared: read them only.
 */
export function deadlineMemo(): DeadlineRule {
  const memo = new Map<number, Map<string | null, Deadline>>();
  let memoCal: Calendar | undefined;
  return (cal, year, region) => {
    if (cal !== memoCal) {
      memo.clear();
      memoCal = cal;
    }
    let ofYear = memo.get(year);
    if (!ofYear) memo.set(year, (ofYear = new Map()));
    let d = ofYear.get(region);
    if (!d) ofYear.set(region, (d = deadlineOf(cal, year, region)));
    return d;
  };
}

/** Whether `now` is past the deadline of `year` in `region` (the deadline day itself is not). */
export const isOverdue = (cal: Calendar, year: number, region: string | null, now: Date, deadline: DeadlineRule = deadlineOf): boolean =>
  now.getTime() >= deadline(cal, year, region).overdueFrom.getTime();
