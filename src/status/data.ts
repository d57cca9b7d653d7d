import type { App } from '../app.js';
import type { ReportRecord } from '../bot/core/store.js';
import { assessYearWithReports, type AssessedRow, type StatusRow } from '../calendar/assess.js';
import { seasonYear } from '../calendar/due.js';
import { findingsNow } from '../calendar/status.js';
import { sortByRegionAndName } from '../jobs/roster.js';
import type { Finding } from '../parsing/types.js';
import { createReportPages, type ReportPages } from '../../db/report-pages.js';
import type { CountyChart } from './chart.js';

/** What the status page, `/status.json` and the spreadsheet are made of: one organisation-year each. */
export interface StatusEntry {
  /** The row of `check --json`, unchanged. */
  row: StatusRow;
  /** The report on file that answers for it. */
  report: ReportRecord | undefined;
  /** The report's findings as they stand today (LATE judged now), none without a report. */
  findings: Finding[];
}

export interface StatusQuery {
  year?: number;
  /** A county: only its organisations; absent: every organisation. */
  region?: string;
}

export interface StatusData {
  year: number;
  region: string | null;
  /** In the order of `check --json` (region, then name). */
  entries: StatusEntry[];
}

/** Reads the status of a year (the one due this January by default), with the rule `check` uses. */
export function loadStatus(app: App, query: StatusQuery): StatusData {
  const now = app.now();
  const year = query.year ?? seasonYear(app.calendar, now);
  const assessed: Array<AssessedRow<ReportRecord>> = assessYearWithReports({
    year,
    roster: app.roster(),
    reports: app.stores.reports.reportsForYear(year),
    calendar: app.calendar,
    now,
  });
  const region = query.region ?? null;
  const kept = region === null ? assessed : assessed.filter((a) => a.row.region === region);
  const entries = kept.map(({ row, report }) => ({
    row,
    report,
    findings: report ? findingsNow(app.calendar, { ...report, region: row.region }) : [],
  }));
  // Sorted as `check` sorts its rows, so that the JSON is the same document.
  const order = sortByRegionAndName(entries.map((e, i) => ({ name: e.row.name, region: e.row.region, i })));
  return { year, region, entries: order.map((o) => entries[o.i]!) };
}

/** The figures pages and the export read, over the app's database. */
export const reportPagesOf = (app: App): ReportPages => createReportPages(app.db, app.stores.findings);

/** The first series of the county chart: how many of its reports are on file each year. */
export const FILED_SERIES = '在案年报（份）';

/** The figures the county chart shows: summed over the county's current reports of each year. */
export const CHART_FIGURES = [
  { key: 'applications.new.total', name: '新收依申请公开' },
  { key: 'review.total', name: '行政复议' },
  { key: 'litigation.total', name: '行政诉讼' },
] as const;

/** The county's reports on file and its figures, over the years it has reports (all counties when region is null). */
export function countyFigures(app: App, region: string | null): CountyChart {
  const filed = app.stores.reports
    .years()
    .map((year) => ({ year, count: app.stores.reports.reportsForYear(year).filter((r) => region === null || r.region === region).length }))
    .filter((y) => y.count > 0);
  const years = filed.map((y) => y.year);
  const series = CHART_FIGURES.map(({ key, name }) => ({
    name,
    values: years.map((year) => {
      const found = app.stores.reports.metricForYear(year, key, region ?? undefined).filter((r) => r.metric.value !== null);
      return found.length === 0 ? null : found.reduce((sum, r) => sum + r.metric.value!, 0);
    }),
  }));
  return { years, series: [{ name: FILED_SERIES, values: filed.map((y) => y.count) }, ...series] };
}
