import { wallClock } from '../calendar/time.js';

/**
 * When the watcher reads the portals (data contract §6.3): daily at NIANBAO_WATCH_AT, and every hour
 * (at the same minute) from 20 January to 10 February, when reports appear and lateness is decided.
 * In the other hours only sources that failed are tried again.
 */
export const BUSY_SEASON = { from: '01-20', to: '02-10' } as const;

/** The cron expression of the watch job: every hour at the minute of `at` (HH:MM). */
export const watchCron = (at: string): string => `${Number(at.slice(3, 5))} * * * *`;

/** Whether the run at `now` reads every source (true) or only retries the failing ones. */
export function watchDue(now: Date, timeZone: string, at: string): boolean {
  const clock = wallClock(now, timeZone);
  const monthDay = clock.date.slice(5);
  if (monthDay >= BUSY_SEASON.from && monthDay <= BUSY_SEASON.to) return true;
  return Math.floor(clock.minute / 60) === Number(at.slice(0, 2));
}
