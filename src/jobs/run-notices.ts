import { deliverAll, type RunSummary } from './deliver-all.js';
import type { JobDeps } from './deps.js';
import { loadPlanInput } from './plan-input.js';
import { planNotices } from './plan-notices.js';

/**
 * The notice job: every report of the season that came in recently gets its notice (problems and
 * fixes, or a confirmation), once per report version and group. The service runs it every few
 * minutes, so a report ingested by another process (the `ingest` command) is noticed without any
 * call from it; in the quiet hours notices wait for the morning.
 */
export async function runNotices(deps: JobDeps, now: Date): Promise<RunSummary> {
  const input = loadPlanInput(deps, deps.calendar, now);
  return deliverAll(deps, planNotices(input), now);
}

/** The same for one report, at once: for an ingest path running inside the service. */
export async function onReportIngested(deps: JobDeps, reportId: number, now: Date = new Date()): Promise<RunSummary> {
  const row = deps.stores.versions.byId(reportId);
  const report = row?.isCurrent ? deps.stores.reports.currentReport(row.orgId, row.year) : undefined;
  if (!report) return deliverAll(deps, [], now);
  const subscriptions = deps.stores.subscriptions.list();
  return deliverAll(deps, planNotices({ now, reports: [report], subscriptions, calendar: deps.calendar, roster: deps.roster() }), now);
}
