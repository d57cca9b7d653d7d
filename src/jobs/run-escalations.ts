import { deliverAll, type RunSummary } from './deliver-all.js';
import type { JobDeps } from './deps.js';
import { planEscalations } from './plan-escalations.js';
import { loadPlanInput } from './plan-input.js';

/** The escalate job: after the deadline, who is missing or late, to the county and to the missing. */
export async function runEscalations(deps: JobDeps, now: Date): Promise<RunSummary> {
  const summary = await deliverAll(deps, planEscalations(loadPlanInput(deps, deps.calendar, now)), now);
  deps.stores.jobRuns.record('escalate', now);
  return summary;
}
