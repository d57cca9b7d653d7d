import type { Finding, FindingCode } from '../src/parsing/types.js';
import { IDS_PER_QUERY, insertRows, keptUntilChange, placeholders } from './sql.js';
import type { Connection } from './stores.js';

/** Who raised a finding: the parser on the report alone, or the ingest comparing it with another report. */
export type FindingSource = 'parse' | 'ingest';

export interface FindingStore {
  insert(reportId: number, list: readonly Finding[], source: FindingSource, relatedReportId: number | null): void;
  /**
   * Removes the findings of `codes` on a report that were raised against any version of another
   * organisation-year: they are recomputed when that report arrives or is replaced.
   */
  deleteAbout(reportId: number, orgId: number, year: number, codes: readonly FindingCode[]): void;
  /** The findings of each report (in the order they were raised); every id is in the map. Read-only. */
  ofReports(reportIds: readonly number[]): Map<number, readonly Finding[]>;
  /**
   * ofReports for every current report of a year (`reportIds`, as the caller read them): one query
   * joined on the year instead of hundreds of `IN (…)` lists (~150,000 findings nationally).
   */
  ofYear(year: number, reportIds: readonly number[]): Map<number, readonly Finding[]>;
}

/** Reports whose findings are kept between two changes of the database. */
const CACHE_LIMIT = 250_000;

function toFinding(code: string, severity: Finding['severity'], message: string, line: number | null): Finding {
  const item: Finding = { code: code as FindingCode, severity, message };
  if (line !== null) item.line = line;
  return item;
}

export function createFindingStore(c: Connection): FindingStore {
  const { prepare } = c;
  /** The jobs read a whole year three times in a row (remind, escalate, check): ~40,000 reports a year. */
  const cache = keptUntilChange(c.changeStamp, () => new Map<number, readonly Finding[]>());
  return {
    insert(reportId, list, source, relatedReportId) {
      if (list.length === 0) return;
      insertRows(
        prepare,
        'INSERT INTO findings (report_id, code, severity, message, line, source, related_report_id) VALUES ',
        7,
        list.map((f) => [reportId, f.code, f.severity, f.message, f.line ?? null, source, relatedReportId]),
      );
    },

    deleteAbout(reportId, orgId, year, codes) {
      if (codes.length === 0) return;
      prepare(
        `DELETE FROM findings WHERE report_id = ? AND source = 'ingest' AND code IN (${placeholders(codes.length)})
           AND related_report_id IN (SELECT id FROM reports WHERE org_id = ? AND year = ?)`,
      ).run(reportId, ...codes, orgId, year);
    },

    ofYear(year, reportIds) {
      const known = cache();
      if (reportIds.every((id) => known.has(id))) return new Map(reportIds.map((id) => [id, known.get(id)!]));
      if (known.size + reportIds.length > CACHE_LIMIT) known.clear();
      const fresh = new Map<number, Finding[]>(reportIds.map((id) => [id, []]));
      const rows = prepare(
        `SELECT findings.report_id, findings.code, findings.severity, findings.message, findings.line
           FROM reports INDEXED BY reports_current_by_year_idx INNER JOIN findings ON findings.report_id = reports.id
          WHERE reports.year = ? AND reports.is_current = 1 ORDER BY findings.id`,
      )
        .raw()
        .all(year) as Array<[number, string, Finding['severity'], string, number | null]>;
      // A report committed after the caller's read has findings here but no entry: left out.
      for (const [reportId, code, severity, message, line] of rows) fresh.get(reportId)?.push(toFinding(code, severity, message, line));
      for (const [id, list] of fresh) known.set(id, list);
      return fresh;
    },

    ofReports(reportIds) {
      const known = cache();
      const ids = [...new Set(reportIds)];
      let missing = ids.filter((id) => !known.has(id));
      if (known.size + missing.length > CACHE_LIMIT) {
        known.clear();
        missing = ids;
      }
      const fresh = new Map<number, Finding[]>(missing.map((id) => [id, []]));
      for (let i = 0; i < missing.length; i += IDS_PER_QUERY) {
        const chunk = missing.slice(i, i + IDS_PER_QUERY);
        const rows = prepare(`SELECT report_id, code, severity, message, line FROM findings WHERE report_id IN (${placeholders(chunk.length)}) ORDER BY id`)
          .raw()
          .all(...chunk) as Array<[number, string, Finding['severity'], string, number | null]>;
        for (const [reportId, code, severity, message, line] of rows) fresh.get(reportId)!.push(toFinding(code, severity, message, line));
      }
      for (const [id, list] of fresh) known.set(id, list);
      return new Map(ids.map((id) => [id, known.get(id) ?? []]));
    },
  };
}
