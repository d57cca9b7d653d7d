import type { Finding, ReportFormat } from '../src/parsing/types.js';
import type { FindingStore } from './findings.js';
import { IDS_PER_QUERY, placeholders } from './sql.js';
import type { Connection } from './stores.js';

/** One figure of a report as stored: null when the report prints the cell blank. */
export interface PageMetric {
  key: string;
  value: number | null;
  line: number;
  derived: boolean;
}

/** A version of an organisation's report for a year, as the status page lists them. */
export interface PageVersion {
  id: number;
  version: number;
  isCurrent: boolean;
  fileName: string;
  signedDate: string | null;
  published: string | null;
  ingestedAt: string;
}

/** Everything the page of one report version shows. */
export interface ReportPage {
  id: number;
  orgId: number;
  name: string;
  org: string;
  region: string | null;
  year: number;
  version: number;
  isCurrent: boolean;
  signedDate: string | null;
  published: string | null;
  format: ReportFormat;
  fileName: string;
  findings: readonly Finding[];
  metrics: PageMetric[];
  versions: PageVersion[];
}

/**
 * The read side of the status page and the spreadsheet export: all figures of many reports at once,
 * and one report version in full with its siblings. Reads only; the raw text is never read.
 */
export interface ReportPages {
  /** Every stored figure of each report, by report id (an id without figures maps to an empty list). */
  metricsOf(reportIds: readonly number[]): Map<number, PageMetric[]>;
  /** One version (current or not) with its findings, figures and the organisation-year's versions. */
  page(reportId: number): ReportPage | undefined;
}

export function createReportPages(c: Connection, findings: FindingStore): ReportPages {
  const { prepare } = c;

  function metricsOf(reportIds: readonly number[]): Map<number, PageMetric[]> {
    const out = new Map<number, PageMetric[]>(reportIds.map((id) => [id, []]));
    for (let i = 0; i < reportIds.length; i += IDS_PER_QUERY) {
      const chunk = reportIds.slice(i, i + IDS_PER_QUERY);
      const rows = prepare(`SELECT report_id, key, value, line, derived FROM metrics WHERE report_id IN (${placeholders(chunk.length)}) ORDER BY id`)
        .raw()
        .all(...chunk) as Array<[number, string, number | null, number, number]>;
      for (const [reportId, key, value, line, derived] of rows) out.get(reportId)?.push({ key, value, line, derived: derived === 1 });
    }
    return out;
  }

  return {
    metricsOf,
    page(reportId) {
      const head = prepare(
        `SELECT reports.id AS id, reports.org_id AS orgId, orgs.name AS name, orgs.org AS org, orgs.region AS region, reports.year AS year,
           reports.version AS version, reports.is_current AS isCurrent, reports.signed_date AS signedDate, reports.published_date AS published,
           reports.format AS format, reports.file_name AS fileName
           FROM reports INNER JOIN orgs ON orgs.id = reports.org_id WHERE reports.id = ?`,
      ).get(reportId) as (Omit<ReportPage, 'isCurrent' | 'findings' | 'metrics' | 'versions'> & { isCurrent: number }) | undefined;
      if (!head) return undefined;
      const versions = (
        prepare(
          `SELECT id, version, is_current AS isCurrent, file_name AS fileName, signed_date AS signedDate, published_date AS published,
             ingested_at AS ingestedAt FROM reports WHERE org_id = ? AND year = ? ORDER BY version`,
        ).all(head.orgId, head.year) as Array<Omit<PageVersion, 'isCurrent'> & { isCurrent: number }>
      ).map((v) => ({ ...v, isCurrent: v.isCurrent === 1 }));
      return {
        ...head,
        isCurrent: head.isCurrent === 1,
        findings: findings.ofReports([reportId]).get(reportId) ?? [],
        metrics: metricsOf([reportId]).get(reportId) ?? [],
        versions,
      };
    },
  };
}
