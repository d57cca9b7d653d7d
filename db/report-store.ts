import type { MetricRecord, OrgRecord, ReportRecord, ReportStore } from '../src/bot/core/store.js';
import type { Finding, FindingCode, ReportFormat } from '../src/parsing/types.js';
import type { Db } from './client.js';
import { changeStamp, statement } from './statements.js';

/** A report version as the store returns it, before its findings are attached. */
type ReportHead = Omit<ReportRecord, 'findings'>;

const HEAD = `reports.id AS id, reports.org_id AS orgId, orgs.name AS name, orgs.org AS org, orgs.region AS region, reports.year AS year,
  reports.signed_date AS signedDate, reports.format AS format, reports.file_name AS file, reports.ingested_at AS ingestedAt`;
const FROM = 'FROM reports INNER JOIN orgs ON orgs.id = reports.org_id';

interface FindingRow {
  reportId: number;
  code: string;
  severity: Finding['severity'];
  message: string;
  line: number | null;
}

interface MetricRow {
  key: string;
  value: number | null;
  line: number;
  text: string;
  derived: number;
}

const toMetric = (row: MetricRow): MetricRecord => ({ key: row.key, value: row.value, line: row.line, text: row.text, derived: row.derived === 1 });

function toFinding(f: FindingRow): Finding {
  const item: Finding = { code: f.code as FindingCode, severity: f.severity, message: f.message };
  if (f.line !== null) item.line = f.line;
  return item;
}

/** Reports per SELECT … IN (…): far below SQLite's limit on bound parameters at any scale. */
const IDS_PER_QUERY = 500;

/**
 * The question core's read side (src/bot/core/store.ts) over the database. Only current versions
 * are visible; a report's region and names are its organisation's, so that every year of one town
 * ranks and compares under one name.
 *
 * The organisation list and the years on file are read again only when the database has changed
 * (changeStamp): the core asks for them on every question, and a national database has ~40,000
 * organisations. The same array comes back until then; callers treat it as read-only.
 */
export function createReportStore(db: Db): ReportStore {
  /** Findings of each head (ordered by finding id), in chunks of ids. */
  const withFindings = (heads: ReportHead[]): ReportRecord[] => {
    if (heads.length === 0) return [];
    const byReport = new Map<number, Finding[]>();
    const ids = [...new Set(heads.map((h) => h.id))];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const chunk = ids.slice(i, i + IDS_PER_QUERY);
      const rows = statement(
        db,
        `SELECT report_id AS reportId, code, severity, message, line FROM findings WHERE report_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`,
      ).all(...chunk) as FindingRow[];
      for (const f of rows) {
        const list = byReport.get(f.reportId);
        if (list) list.push(toFinding(f));
        else byReport.set(f.reportId, [toFinding(f)]);
      }
    }
    return heads.map((h) => ({ ...h, findings: byReport.get(h.id) ?? [] }));
  };

  let orgsCache: { stamp: string; orgs: OrgRecord[] } | null = null;
  let yearsCache: { stamp: string; years: number[] } | null = null;

  return {
    listOrgs(): OrgRecord[] {
      const stamp = changeStamp(db);
      if (orgsCache?.stamp === stamp) return orgsCache.orgs;
      const aliases = new Map<number, string[]>();
      for (const [orgId, alias] of statement(db, 'SELECT org_id, alias FROM org_aliases ORDER BY id').raw().all() as Array<[number, string]>) {
        const list = aliases.get(orgId);
        if (list) list.push(alias);
        else aliases.set(orgId, [alias]);
      }
      const rows = statement(db, 'SELECT id, org, name, region, kind FROM orgs ORDER BY id').all() as Array<Omit<OrgRecord, 'aliases'>>;
      const orgs = rows.map((o) => ({ id: o.id, org: o.org, name: o.name, region: o.region, kind: o.kind, aliases: aliases.get(o.id) ?? [] }));
      orgsCache = { stamp, orgs };
      return orgs;
    },

    currentReport(orgId, year) {
      const head = statement(db, `SELECT ${HEAD} ${FROM} WHERE reports.org_id = ? AND reports.year = ? AND reports.is_current = 1`).get(orgId, year) as
        | ReportHead
        | undefined;
      return head ? withFindings([head])[0] : undefined;
    },

    reportsOf(orgId) {
      return withFindings(
        statement(db, `SELECT ${HEAD} ${FROM} WHERE reports.org_id = ? AND reports.is_current = 1 ORDER BY reports.year`).all(orgId) as ReportHead[],
      );
    },

    reportsForYear(year) {
      return withFindings(
        statement(db, `SELECT ${HEAD} ${FROM} WHERE reports.year = ? AND reports.is_current = 1 ORDER BY orgs.name, orgs.id`).all(year) as ReportHead[],
      );
    },

    metric(reportId, key) {
      const row = statement(db, 'SELECT key, value, line, text, derived FROM metrics WHERE report_id = ? AND key = ?').get(reportId, key) as MetricRow | undefined;
      return row ? toMetric(row) : undefined;
    },

    metricForYear(year, key, region) {
      const where = region === undefined ? '' : ' AND orgs.region = ?';
      const rows = statement(
        db,
        `SELECT ${HEAD}, metrics.key AS mKey, metrics.value AS mValue, metrics.line AS mLine, metrics.text AS mText, metrics.derived AS mDerived
           FROM metrics INNER JOIN reports ON reports.id = metrics.report_id INNER JOIN orgs ON orgs.id = reports.org_id
          WHERE reports.year = ? AND reports.is_current = 1 AND metrics.key = ?${where} ORDER BY orgs.name, orgs.id`,
      ).all(...(region === undefined ? [year, key] : [year, key, region])) as Array<
        ReportHead & { mKey: string; mValue: number | null; mLine: number; mText: string; mDerived: number }
      >;
      const records = withFindings(
        rows.map((r) => ({
          id: r.id,
          orgId: r.orgId,
          name: r.name,
          org: r.org,
          region: r.region,
          year: r.year,
          signedDate: r.signedDate,
          format: r.format as ReportFormat,
          file: r.file,
          ingestedAt: r.ingestedAt,
        })),
      );
      return records.map((report, i) => {
        const r = rows[i]!;
        return { report, metric: toMetric({ key: r.mKey, value: r.mValue, line: r.mLine, text: r.mText, derived: r.mDerived }) };
      });
    },

    years() {
      const stamp = changeStamp(db);
      if (yearsCache?.stamp === stamp) return [...yearsCache.years];
      const years = statement(db, 'SELECT DISTINCT year FROM reports ORDER BY year').pluck().all() as number[];
      yearsCache = { stamp, years };
      return [...years];
    },
  };
}
