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
  /** The website's publication date when the file stated one (lateness is judged by it first). */
  published?: string | null;
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

/** A current report in brief (see ReportStore.headsOfYear). */
export interface ReportHead {
  reportId: number;
  orgId: number;
  format: ReportFormat;
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
   * Lean reads for answers over a whole year (~40,000 reports at national scale, where reading each
   * report in full costs seconds): every current report of the year in brief, and one figure of
   * those that have it, by report id (value null: the cell is blank). No findings, no source text.
   */
  headsOfYear(year: number): readonly ReportHead[];
  figureOfYear(year: number, key: string): ReadonlyMap<number, number | null>;
  /** Years with at least one report, ascending. */
  years(): number[];
}
