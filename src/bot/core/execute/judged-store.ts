import { deadlineMemo, type Calendar } from '../../../calendar/calendar.js';
import { findingsNow, isLate } from '../../../calendar/status.js';
import type { ReportRecord, ReportStore } from '../store.js';

/**
 * The store as answers read it: every report's findings as they stand under today's calendar, with
 * LATE judged from the report's dates (src/calendar/status.ts) and never taken from storage. So a
 * changed NIANBAO_DEADLINES changes every answer at once, as it changes `check` and the jobs.
 */
export function judgedStore(store: ReportStore, cal: Calendar): ReportStore {
  const deadline = deadlineMemo();
  const judge = (r: ReportRecord): ReportRecord =>
    // The common case, checked cheaply for a national year of reports: on time and no stored LATE.
    !isLate(cal, r, deadline) && !r.findings.some((f) => f.code === 'LATE') ? r : { ...r, findings: findingsNow(cal, r, deadline) };
  return {
    listOrgs: () => store.listOrgs(),
    currentReport(orgId, year) {
      const r = store.currentReport(orgId, year);
      return r && judge(r);
    },
    reportsOf: (orgId) => store.reportsOf(orgId).map(judge),
    reportsForYear: (year) => store.reportsForYear(year).map(judge),
    metric: (reportId, key) => store.metric(reportId, key),
    metricForYear: (year, key, region) => store.metricForYear(year, key, region).map((x) => ({ report: judge(x.report), metric: x.metric })),
    headsOfYear: (year) => store.headsOfYear(year),
    figureOfYear: (year, key) => store.figureOfYear(year, key),
    years: () => store.years(),
  };
}
