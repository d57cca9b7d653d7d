import { deliverAll, type RunSummary } from './deliver-all.js';
import type { JobDeps } from './deps.js';
import { loadPlanInput } from './plan-input.js';
import { planReminders } from './plan-reminders.js';

/** The remind job: today's countdown reminders, each delivered once. */
export async function runReminders(deps: JobDeps, now: Date): Promise<RunSummary> {
  const summary = await deliverAll(deps, planReminders(loadPlanInput(deps, deps.calendar, now)), now);
  deps.stores.jobRuns.record('remind', now);
  return summary;
}
