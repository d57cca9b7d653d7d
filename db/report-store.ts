import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MetricRecord, OrgRecord, ReportRecord, ReportStore } from '../src/bot/core/store.js';
import type { Finding, FindingCode } from '../src/parsing/types.js';
import type { Db } from './client.js';
import { findings, metrics, orgAliases, orgs, reports } from './schema/index.js';

const reportColumns = {
  id: reports.id,
  orgId: reports.orgId,
  name: orgs.name,
  org: orgs.org,
  region: orgs.region,
  year: reports.year,
  signedDate: reports.signedDate,
  format: reports.format,
  file: reports.fileName,
  ingestedAt: reports.ingestedAt,
};

type ReportHead = Omit<ReportRecord, 'findings'>;

function toMetric(row: typeof metrics.$inferSelect): MetricRecord {
  return { key: row.key, value: row.value, line: row.line, text: row.text, derived: row.derived };
}

/**
 * The question core's read side (src/bot/core/store.ts) over the database. Only current versions
 * are visible; a report's region and names are its organisation's, so that every year of one town
 * ranks and compares under one name.
 */
export function createReportStore(db: Db): ReportStore {
  const withFindings = (heads: ReportHead[]): ReportRecord[] => {
    if (heads.length === 0) return [];
    const byReport = new Map<number, Finding[]>();
    const rows = db
      .select()
      .from(findings)
      .where(inArray(findings.reportId, heads.map((h) => h.id)))
      .orderBy(asc(findings.id))
      .all();
    for (const f of rows) {
      const list = byReport.get(f.reportId) ?? [];
      const item: Finding = { code: f.code as FindingCode, severity: f.severity, message: f.message };
      if (f.line !== null) item.line = f.line;
      list.push(item);
      byReport.set(f.reportId, list);
    }
    return heads.map((h) => ({ ...h, findings: byReport.get(h.id) ?? [] }));
  };

  const currentHeads = () =>
    db.select(reportColumns).from(reports).innerJoin(orgs, eq(orgs.id, reports.orgId)).$dynamic();

  return {
    listOrgs(): OrgRecord[] {
      const aliases = new Map<number, string[]>();
      for (const a of db.select().from(orgAliases).orderBy(asc(orgAliases.id)).all()) {
        const list = aliases.get(a.orgId) ?? [];
        list.push(a.alias);
        aliases.set(a.orgId, list);
      }
      return db
        .select()
        .from(orgs)
        .orderBy(asc(orgs.id))
        .all()
        .map((o) => ({ id: o.id, org: o.org, name: o.name, region: o.region, kind: o.kind, aliases: aliases.get(o.id) ?? [] }));
    },

    currentReport(orgId, year) {
      const head = currentHeads()
        .where(and(eq(reports.orgId, orgId), eq(reports.year, year), eq(reports.isCurrent, true)))
        .get();
      return head ? withFindings([head])[0] : undefined;
    },

    reportsOf(orgId) {
      return withFindings(
        currentHeads()
          .where(and(eq(reports.orgId, orgId), eq(reports.isCurrent, true)))
          .orderBy(asc(reports.year))
          .all(),
      );
    },

    reportsForYear(year) {
      return withFindings(
        currentHeads()
          .where(and(eq(reports.year, year), eq(reports.isCurrent, true)))
          .orderBy(asc(orgs.name), asc(orgs.id))
          .all(),
      );
    },

    metric(reportId, key) {
      const row = db
        .select()
        .from(metrics)
        .where(and(eq(metrics.reportId, reportId), eq(metrics.key, key)))
        .get();
      return row ? toMetric(row) : undefined;
    },

    metricForYear(year, key, region) {
      const rows = db
        .select({ head: reportColumns, metric: metrics })
        .from(metrics)
        .innerJoin(reports, eq(reports.id, metrics.reportId))
        .innerJoin(orgs, eq(orgs.id, reports.orgId))
        .where(
          and(
            eq(reports.year, year),
            eq(reports.isCurrent, true),
            eq(metrics.key, key),
            region === undefined ? undefined : eq(orgs.region, region),
          ),
        )
        .orderBy(asc(orgs.name), asc(orgs.id))
        .all();
      const records = withFindings(rows.map((r) => r.head));
      return records.map((report, i) => ({ report, metric: toMetric(rows[i]!.metric) }));
    },

    years() {
      return db
        .selectDistinct({ year: reports.year })
        .from(reports)
        .orderBy(asc(reports.year))
        .all()
        .map((r) => r.year);
    },
  };
}
