/**
 * Wall-clock arithmetic in a named time zone through Intl only, so that a server running in UTC (or
 * anywhere) computes the same Beijing dates and hours. Dates are `YYYY-MM-DD`, times `HH:MM`.
 */

export interface WallClock {
  date: string;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Date, timeZone: string) {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(at)) if (type !== 'literal') p[type] = Number(value);
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local date and minute of the day of an instant in `timeZone`. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const p = parts(at, timeZone);
  return { date: `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`, minute: p.h * 60 + p.mi };
}

export const localDate = (at: Date, timeZone: string): string => wallClock(at, timeZone).date;

/** `HH:MM` → minutes since midnight. */
export function parseHm(hm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`not a time of day: ${hm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const formatHm = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** Offset of `timeZone` from UTC at an instant, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * Instants already worked out: deadlines ask for the same few (date, minute) pairs for every
 * county, and each costs two Intl calls. Bounded; cleared when full.
 */
const instants = new Map<string, number>();
const INSTANTS_KEPT = 10_000;

/** The instant at which the clocks of `timeZone` show `date` at `minute`. */
export function zonedInstant(date: string, minute: number, timeZone: string): Date {
  const key = `${timeZone}|${date}|${minute}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, (at = computeInstant(date, minute, timeZone)));
  }
  return new Date(at);
}

function computeInstant(date: string, minute: number, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, mo - 1, d, Math.floor(minute / 60), minute % 60);
  // Twice: the offset at the first guess may differ from the offset at the answer across a DST change.
  let at = naive - offsetMs(new Date(naive), timeZone);
  at = naive - offsetMs(new Date(at), timeZone);
  return at;
}

const dayNumber = (date: string): number => {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / 86_400_000;
};

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from));

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** 2027-01-31 → 2027年1月31日 */
export function chineseDate(date: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}
