import type { Finding, ReportFormat } from '../../parsing/types.js';

/**
 * The read side of the database as the question core sees it. db/ implements it over SQLite;
 * the core never imports db/ or drizzle directly. All calls are synchronous (better-sqlite3).
 */

export interface OrgRecord {
  id: number;
  /** Full name as printed: 沂源县张家坡镇人民政府. */
  org: string;
  /** Short name people type: 张家坡镇. */
  name: string;
  region: string | null;
  kind: string | null;
  aliases: readonly string[];
}

export interface ReportRecord {
  id: number;
  orgId: number;
  name: string;
  org: string;
  region: string | null;
  year: number;
  signedDate: string | null;
  format: ReportFormat;
  file: string | null;
  ingestedAt: string;
  findings: readonly Finding[];
}

export interface MetricRecord {
  key: string;
  value: number | null;
  line: number;
  text: string;
  derived: boolean;
}

/** One figure of one current report, lean (see ReportStore.figureOfYear). */
export interface FigureCell {
  orgId: number;
  reportId: number;
  format: ReportFormat;
  /** The figure; null when its cell is blank, undefined when the report has no such figure. */
  value: number | null | undefined;
}

export interface ReportStore {
  listOrgs(): OrgRecord[];
  /** The current (newest) version of an organisation's report for a year. */
  currentReport(orgId: number, year: number): ReportRecord | undefined;
  /** Current versions of all of an organisation's reports, oldest year first. */
  reportsOf(orgId: number): ReportRecord[];
  /** Current versions of every report for a year. */
  reportsForYear(year: number): ReportRecord[];
  metric(reportId: number, key: string): MetricRecord | undefined;
  /** One metric over the current reports of a year (for ranking), optionally within a region. */
  metricForYear(year: number, key: string, region?: string): Array<{ report: ReportRecord; metric: MetricRecord }>;
  /**
   * Every current report of a year with one of its figures, lean (no findings, no source text): for
   * rankings over many organisations, where reading each report in full costs seconds at national scale.
   */
  figureOfYear(year: number, key: string): FigureCell[];
  /** Years with at least one report, ascending. */
  years(): number[];
}
