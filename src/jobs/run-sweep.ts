import type { RunSummary } from './deliver-all.js';
import type { JobDeps } from './deps.js';
import { runNotices } from './run-notices.js';
import { runEscalations } from './run-escalations.js';
import { runReminders } from './run-reminders.js';

/**
 * Runs every minute and at start-up. Re-planning is what retries: a failed message that is still
 * planned is claimed again once its backoff is over, with today's text; one that no longer makes
 * sense (its day has passed) is dropped here and logged. Because the planners only plan for today, a
 * run missed while the service was down is caught up if its day is still open, and never later.
 */
export async function runSweep(deps: JobDeps, now: Date): Promise<RunSummary[]> {
  for (const r of deps.stores.deliveries.expireSending(now)) {
    deps.log.warn(
      { job: r.job, subject: r.subject, period: r.period, transport: r.transport, chatId: r.chatId },
      'a send was interrupted; whether it arrived is unknown, so it is not sent again',
    );
  }
  for (const r of deps.stores.deliveries.dropStale(now)) {
    deps.log.warn(
      { job: r.job, subject: r.subject, period: r.period, transport: r.transport, chatId: r.chatId, attempts: r.attempts, lastError: r.lastError },
      'undelivered message dropped: it no longer makes sense',
    );
  }
  return [await runReminders(deps, now), await runEscalations(deps, now), await runNotices(deps, now)];
}
