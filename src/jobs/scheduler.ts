import cron from 'node-cron';
import type { Calendar } from '../calendar/calendar.js';
import { inSendWindow, lastDailyRun } from '../calendar/schedule.js';
import { formatHm, localDate } from '../calendar/time.js';
import type { JobDeps } from './deps.js';
import { onReportIngested } from './run-notices.js';
import { runEscalations } from './run-escalations.js';
import { runReminders } from './run-reminders.js';
import { runSweep } from './run-sweep.js';
import { watchCron, watchDue } from '../watch/schedule.js';

/** A scheduled job: `daily` ones run once a day at the calendar's send time and are caught up at start-up. */
export interface JobSpec {
  name: string;
  cron: string;
  daily: boolean;
  run: (deps: JobDeps, now: Date) => Promise<unknown>;
}

/** The one table of scheduled jobs. Cron expressions are read in the calendar's time zone. */
export function jobsFor(cal: Calendar, watch?: JobDeps['watch']): JobSpec[] {
  const [h, m] = formatHm(cal.sendAt).split(':').map(Number);
  const daily = `${m} ${h} * * *`;
  return [
    { name: 'remind', cron: daily, daily: true, run: runReminders },
    { name: 'escalate', cron: daily, daily: true, run: runEscalations },
    { name: 'sweep', cron: '* * * * *', daily: false, run: runSweep },
    ...(watch ? [{ name: 'watch', cron: watchCron(watch.at), daily: false, run: runWatch }] : []),
  ];
}

/** The watch job (data contract §6.3): every source when due, else only those that failed. */
export async function runWatch(deps: JobDeps, now: Date): Promise<unknown> {
  if (!deps.watch) return undefined;
  return deps.watch.run(now, watchDue(now, deps.calendar.timeZone, deps.watch.at) ? 'all' : 'failing');
}

export interface SchedulerOptions {
  /** The jobs' database, notifiers, calendar and log (src/app.ts builds them). */
  deps: JobDeps;
  now?: () => Date;
}

export interface SchedulerHandle {
  /** Settles once the start-up catch-up has run. */
  ready: Promise<void>;
  /**
   * Sends the notice for a report just stored by this process at once. Optional: the sweep notices
   * every new report within a minute anyway, also those stored by another process.
   */
  onReportIngested(reportId: number): Promise<void>;
  /** Stops the timers and waits for runs under way. */
  stop(): Promise<void>;
}

/**
 * At start-up, a daily run missed while the service was down is either still in its window (same day,
 * before the quiet hours), and runs now, or is logged as skipped: no burst of stale reminders.
 */
export async function catchUp(deps: JobDeps, jobs: readonly JobSpec[], now: Date): Promise<void> {
  const cal = deps.calendar;
  const due = lastDailyRun(cal, cal.sendAt, now);
  for (const job of jobs) {
    if (!job.daily) continue;
    const last = deps.stores.jobRuns.last(job.name);
    if (last && last.getTime() >= due.getTime()) continue;
    const missed = { job: job.name, missed: due.toISOString(), lastRun: last?.toISOString() ?? null };
    if (localDate(due, cal.timeZone) === localDate(now, cal.timeZone) && inSendWindow(cal, now)) {
      deps.log.info(missed, 'catching up a run missed while the service was down');
      await job.run(deps, now);
    } else {
      deps.log.info(missed, 'missed run skipped: its day is over');
    }
  }
}

/** Starts the jobs (node-cron, in the calendar's time zone) and catches up what start-up missed. */
export function startScheduler(opts: SchedulerOptions): SchedulerHandle {
  const now = opts.now ?? (() => new Date());
  const { deps } = opts;
  const { calendar } = deps;
  const jobs = jobsFor(calendar, deps.watch);
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    const done = () => void running.delete(p);
    p.then(done, done);
    return p;
  };
  const guarded = (job: JobSpec) => async () => {
    try {
      await job.run(deps, now());
    } catch (err) {
      deps.log.error({ err, job: job.name }, 'job failed');
    }
  };
  const tasks = jobs.map((job) =>
    cron.schedule(job.cron, () => track(guarded(job)()), { name: `nianbao:${job.name}`, timezone: calendar.timeZone, noOverlap: true }),
  );
  const ready = track(
    (async () => {
      try {
        await catchUp(deps, jobs, now());
        await runSweep(deps, now());
      } catch (err) {
        deps.log.error({ err }, 'start-up catch-up failed');
      }
    })(),
  ).then(() => undefined);
  return {
    ready,
    onReportIngested: async (reportId) => {
      try {
        await track(onReportIngested(deps, reportId, now()));
      } catch (err) {
        deps.log.error({ err, reportId }, 'notice failed');
      }
    },
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}
