import { displayTarget } from '../bot/targets.js';
import { deliverOnce, type DeliveryOutcome } from './deliver.js';
import type { JobDeps } from './deps.js';
import type { Outgoing } from './outgoing.js';

export interface RunSummary {
  planned: number;
  sent: number;
  failed: number;
  skipped: number;
  results: Array<{ out: Outgoing; outcome: DeliveryOutcome }>;
}

/**
 * Delivers planned messages one after another. One failing send never stops the rest: deliverOnce
 * records it, and a throw from the log itself (a broken database) is logged here and counted.
 */
export async function deliverAll(deps: JobDeps, outs: readonly Outgoing[], now: Date): Promise<RunSummary> {
  const summary: RunSummary = { planned: outs.length, sent: 0, failed: 0, skipped: 0, results: [] };
  for (const out of outs) {
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliverOnce(deps, out, now);
    } catch (err) {
      deps.log.error({ err, job: out.job, subject: out.subject, period: out.period, target: displayTarget(out.target) }, 'delivery log error');
      outcome = { kind: 'failed', error: err instanceof Error ? err.message : String(err), retryAt: null };
    }
    summary.results.push({ out, outcome });
    summary[outcome.kind]++;
  }
  return summary;
}
