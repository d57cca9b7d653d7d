import type { MetricRecord, OrgRecord, ReportRecord, ReportStore } from '../src/bot/core/store.js';
import type { Finding, FindingCode, ReportFormat } from '../src/parsing/types.js';
import type { Db } from './client.js';
import { changeStamp, connectionOf, statement } from './statements.js';

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
/** Reports whose findings are kept between two changes of the database. */
const FINDINGS_CACHE_LIMIT = 250_000;

/**
 * What was read since the database last changed (changeStamp), per connection and shared by every
 * store on it: the organisation list, the years, the findings of each report version, and the
 * current reports of a year. The core asks for the organisation list on every question, the jobs
 * read a whole year three times in a row (remind, escalate, check), and a national database has
 * ~40,000 organisations and reports a year.
 */
interface ReadCache {
  stamp: string;
  orgs?: OrgRecord[];
  years?: number[];
  findings: Map<number, readonly Finding[]>;
  yearReports: Map<number, ReportRecord[]>;
}

const readCaches = new WeakMap<object, ReadCache>();

function readCache(db: Db): ReadCache {
  const stamp = changeStamp(db);
  const key = connectionOf(db);
  let cache = readCaches.get(key);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, findings: new Map(), yearReports: new Map() };
    readCaches.set(key, cache);
  }
  return cache;
}

/** A record to hand out: its own findings array, so that no caller can change what is cached. */
const handOut = (r: ReportRecord): ReportRecord => ({ ...r, findings: r.findings.slice() });

/**
 * The question core's read side (src/bot/core/store.ts) over the database. Only current versions
 * are visible; a report's region and names are its organisation's, so that every year of one town
 * ranks and compares under one name.
 *
 * Reads are cached until the database changes (see ReadCache). listOrgs hands back the same array
 * until then (the core recognises it and keeps its name index); callers treat it as read-only.
 */
export function createReportStore(db: Db): ReportStore {
  /** Findings of each head (ordered by finding id), read in chunks of ids unless cached. */
  const withFindings = (heads: ReportHead[]): ReportRecord[] => {
    if (heads.length === 0) return [];
    const cache = readCache(db);
    const ids = [...new Set(heads.map((h) => h.id))];
    let missing = ids.filter((id) => !cache.findings.has(id));
    if (cache.findings.size + missing.length > FINDINGS_CACHE_LIMIT) {
      cache.findings.clear();
      missing = ids;
    }
    const fresh = new Map<number, Finding[]>(missing.map((id) => [id, []]));
    for (let i = 0; i < missing.length; i += IDS_PER_QUERY) {
      const chunk = missing.slice(i, i + IDS_PER_QUERY);
      const rows = statement(
        db,
        `SELECT report_id, code, severity, message, line FROM findings WHERE report_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`,
      )
        .raw()
        .all(...chunk) as Array<[number, string, Finding['severity'], string, number | null]>;
      for (const [reportId, code, severity, message, line] of rows) fresh.get(reportId)!.push(toFinding({ reportId, code, severity, message, line }));
    }
    for (const [id, list] of fresh) cache.findings.set(id, list);
    return heads.map((h) => ({ ...h, findings: (fresh.get(h.id) ?? cache.findings.get(h.id) ?? []).slice() }));
  };

  return {
    listOrgs(): OrgRecord[] {
      const cache = readCache(db);
      if (cache.orgs) return cache.orgs;
      // Each organisation with its aliases in one row (~160,000 aliases at national scale: a third
      // quicker than one row per alias, and read again after every change of the database).
      const rows = statement(
        db,
        `SELECT id, org, name, region, kind, (SELECT json_group_array(alias ORDER BY id) FROM org_aliases WHERE org_aliases.org_id = orgs.id)
           FROM orgs ORDER BY id`,
      )
        .raw()
        .all() as Array<[number, string, string, string | null, string | null, string]>;
      const orgs = rows.map(([id, org, name, region, kind, aliases]) => ({ id, org, name, region, kind, aliases: JSON.parse(aliases) as string[] }));
      cache.orgs = orgs;
      return orgs;
    },

    currentReport(orgId, year) {
      // Named, because SQLite would pick the unique index and then read the row (its raw text too).
      const head = statement(
        db,
        `SELECT ${HEAD} FROM reports INDEXED BY reports_current_by_org_idx INNER JOIN orgs ON orgs.id = reports.org_id
          WHERE reports.org_id = ? AND reports.year = ? AND reports.is_current = 1`,
      ).get(orgId, year) as
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
      const cache = readCache(db);
      let records = cache.yearReports.get(year);
      if (!records) {
        records = withFindings(
          statement(db, `SELECT ${HEAD} ${FROM} WHERE reports.year = ? AND reports.is_current = 1 ORDER BY orgs.name, orgs.id`).all(year) as ReportHead[],
        );
        cache.yearReports.set(year, records);
      }
      return records.map(handOut);
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

    headsOfYear(year) {
      const rows = statement(db, 'SELECT id, org_id, format FROM reports INDEXED BY reports_current_by_year_idx WHERE year = ? AND is_current = 1')
        .raw()
        .all(year) as Array<[number, number, ReportFormat]>;
      return rows.map(([reportId, orgId, format]) => ({ reportId, orgId, format }));
    },

    figureOfYear(year, key) {
      const rows = statement(
        db,
        `SELECT metrics.report_id, metrics.value FROM reports INDEXED BY reports_current_by_year_idx
           INNER JOIN metrics ON metrics.report_id = reports.id AND metrics.key = ?
          WHERE reports.year = ? AND reports.is_current = 1`,
      )
        .raw()
        .all(key, year) as Array<[number, number | null]>;
      return rows.map(([reportId, value]) => ({ reportId, value }));
    },

    years() {
      const cache = readCache(db);
      cache.years ??= statement(db, 'SELECT DISTINCT year FROM reports ORDER BY year').pluck().all() as number[];
      return [...cache.years];
    },
  };
}
