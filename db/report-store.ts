import type { MetricRecord, ReportHead as ReportHeadBrief, ReportRecord, ReportStore } from '../src/bot/core/store.js';
import type { ReportFormat } from '../src/parsing/types.js';
import type { FindingStore } from './findings.js';
import type { OrgStore } from './orgs.js';
import { keptUntilChange } from './sql.js';
import type { Connection } from './stores.js';

/** A report version as the store returns it, before its findings are attached. */
type ReportHead = Omit<ReportRecord, 'findings'>;

const HEAD = `reports.id AS id, reports.org_id AS orgId, orgs.name AS name, orgs.org AS org, orgs.region AS region, reports.year AS year,
  reports.signed_date AS signedDate, reports.published_date AS published, reports.format AS format, reports.file_name AS file, reports.ingested_at AS ingestedAt`;
const FROM = 'FROM reports INNER JOIN orgs ON orgs.id = reports.org_id';

/** A report's format as a small number in SQL (a column of numbers is read faster than one of strings). */
const FORMATS: readonly ReportFormat[] = ['unknown', 'gov2019', 'gov2021'];
const FORMAT_CODE = `CASE format ${FORMATS.map((f, i) => `WHEN '${f}' THEN ${i}`).join(' ')} ELSE 0 END`;

interface MetricRow {
  key: string;
  value: number | null;
  line: number;
  text: string;
  derived: number;
}

const toMetric = (row: MetricRow): MetricRecord => ({ key: row.key, value: row.value, line: row.line, text: row.text, derived: row.derived === 1 });

/** A record to hand out: its own findings array, so that no caller can change what is cached. */
const handOut = (r: ReportRecord): ReportRecord => ({ ...r, findings: r.findings.slice() });

/**
 * The question core's read side (src/bot/core/store.ts) over the database. Only current versions
 * are visible; a report's region and names are its organisation's, so that every year of one town
 * ranks and compares under one name.
 *
 * Kept until the database changes: the organisation list (OrgStore.list: the same array until then),
 * the years, the findings of each version (FindingStore) and the current reports of each year read.
 */
export function createReportStore(c: Connection, orgs: OrgStore, findings: FindingStore): ReportStore {
  const { prepare } = c;
  const kept = keptUntilChange(c.changeStamp, () => ({
    years: undefined as number[] | undefined,
    yearReports: new Map<number, ReportRecord[]>(),
    yearHeads: new Map<number, readonly Readonly<ReportHeadBrief>[]>(),
    yearIds: new Map<number, { ids: ReadonlySet<number>; min: number; max: number }>(),
  }));

  /** The ids of a year's current reports, and their span. */
  const idsOfYear = (year: number, heads: readonly ReportHeadBrief[]) => {
    const { yearIds } = kept();
    let known = yearIds.get(year);
    if (!known) {
      let min = Infinity;
      let max = -Infinity;
      const ids = new Set<number>();
      for (const h of heads) {
        ids.add(h.reportId);
        if (h.reportId < min) min = h.reportId;
        if (h.reportId > max) max = h.reportId;
      }
      yearIds.set(year, (known = { ids, min, max }));
    }
    return known;
  };

  const withFindings = (heads: ReportHead[]): ReportRecord[] => {
    if (heads.length === 0) return [];
    const byReport = findings.ofReports(heads.map((h) => h.id));
    return heads.map((h) => ({ ...h, findings: (byReport.get(h.id) ?? []).slice() }));
  };

  const headsOfYear = (year: number): readonly Readonly<ReportHeadBrief>[] => {
    // Kept: a national ranking and 「谁还没交」 both start from it (~40,000 rows a year).
    const { yearHeads } = kept();
    let heads = yearHeads.get(year);
    if (!heads) {
      // One column per query, in the same order, in one read transaction: better-sqlite3 hands out
      // a column of numbers (pluck) several times faster than rows (~40,000 a year nationally).
      const column = (expr: string) =>
        prepare(`SELECT ${expr} FROM reports INDEXED BY reports_current_by_year_idx WHERE year = ? AND is_current = 1 ORDER BY org_id`)
          .pluck()
          .all(year) as number[];
      const [ids, orgIds, formats] = c.consistent(() => [column('id'), column('org_id'), column(FORMAT_CODE)]);
      const list: ReportHeadBrief[] = [];
      for (let i = 0; i < ids.length; i++) list.push({ reportId: ids[i]!, orgId: orgIds[i]!, format: FORMATS[formats[i]!]! });
      // The list is frozen; its entries are typed read-only (freezing 40,000 of them cost 20 ms).
      heads = Object.freeze(list);
      yearHeads.set(year, heads);
    }
    return heads;
  };

  return {
    listOrgs: () => orgs.list(),

    currentReport(orgId, year) {
      // Named, because SQLite would pick the unique index and then read the row (its raw text too).
      const head = prepare(
        `SELECT ${HEAD} FROM reports INDEXED BY reports_current_by_org_idx INNER JOIN orgs ON orgs.id = reports.org_id
          WHERE reports.org_id = ? AND reports.year = ? AND reports.is_current = 1`,
      ).get(orgId, year) as ReportHead | undefined;
      return head ? withFindings([head])[0] : undefined;
    },

    reportsOf(orgId) {
      return withFindings(
        prepare(`SELECT ${HEAD} ${FROM} WHERE reports.org_id = ? AND reports.is_current = 1 ORDER BY reports.year`).all(orgId) as ReportHead[],
      );
    },

    reportsForYear(year) {
      const { yearReports } = kept();
      let records = yearReports.get(year);
      if (!records) {
        const heads = prepare(`SELECT ${HEAD} ${FROM} WHERE reports.year = ? AND reports.is_current = 1 ORDER BY orgs.name, orgs.id`).all(year) as ReportHead[];
        const byReport = findings.ofYear(
          year,
          heads.map((h) => h.id),
        );
        records = heads.map((h) => ({ ...h, findings: (byReport.get(h.id) ?? []).slice() }));
        yearReports.set(year, records);
      }
      return records.map(handOut);
    },

    metric(reportId, key) {
      const row = prepare('SELECT key, value, line, text, derived FROM metrics WHERE report_id = ? AND key = ?').get(reportId, key) as MetricRow | undefined;
      return row ? toMetric(row) : undefined;
    },

    metricForYear(year, key, region) {
      const where = region === undefined ? '' : ' AND orgs.region = ?';
      const rows = prepare(
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
          published: r.published,
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

    headsOfYear,

    figureOfYear(year, key) {
      const heads = headsOfYear(year);
      const out = new Map<number, number | null>();
      if (heads.length === 0) return out;
      const { ids, min, max } = idsOfYear(year, heads);
      // A span holding only this year's current reports (a year ingested at once, no versions since)
      // needs no filter.
      const whole = max - min + 1 === ids.size;
      try {
        // One run of the index by key over the year's span of report ids, kept to the year's current
        // reports here: no probe into the table, nor into the index, per report. Two columns of
        // numbers (pluck), read in one transaction, are several times faster than rows.
        const column = (expr: string) =>
          prepare(`SELECT ${expr} FROM metrics INDEXED BY metrics_key_report_value_idx WHERE key = ? AND report_id BETWEEN ? AND ? ORDER BY report_id`)
            .pluck()
            .all(key, min, max) as Array<number | null>;
        const [reportIds, values] = c.consistent(() => [column('report_id') as number[], column('value')]);
        for (let i = 0; i < reportIds.length; i++) if (whole || ids.has(reportIds[i]!)) out.set(reportIds[i]!, values[i]!);
      } catch (e) {
        // Taken down by a large ingest in progress (db/deferred-indexes.ts): the same figures, slower.
        if (!/no such index/i.test(String(e))) throw e;
        const rows = prepare(
          `SELECT metrics.report_id, metrics.value FROM reports INDEXED BY reports_current_by_year_idx
             INNER JOIN metrics ON metrics.report_id = reports.id AND metrics.key = ?
            WHERE reports.year = ? AND reports.is_current = 1`,
        )
          .raw()
          .all(key, year) as Array<[number, number | null]>;
        for (const [reportId, value] of rows) out.set(reportId, value);
      }
      return out;
    },

    years() {
      const cache = kept();
      cache.years ??= prepare('SELECT DISTINCT year FROM reports ORDER BY year').pluck().all() as number[];
      return [...cache.years];
    },
  };
}
