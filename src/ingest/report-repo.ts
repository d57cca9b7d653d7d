import type { Db } from '../../db/client.js';
import type { Finding, FindingCode, MetricValue, SectionKey } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';
import type { PreparedReport } from './prepare.js';
import { statement, statementOwner } from '../../db/statements.js';

export interface VersionRef {
  id: number;
  orgId: number;
  year: number;
  version: number;
  fileName: string;
}

const REF = 'id, org_id AS orgId, year, version, file_name AS fileName';

/** Any version, current or not, with exactly this content. */
export function findByHash(db: Db, hash: string): VersionRef | undefined {
  return statement(db, `SELECT ${REF} FROM reports WHERE content_hash = ?`).get(hash) as VersionRef | undefined;
}

export function currentVersion(db: Db, orgId: number, year: number): VersionRef | undefined {
  return statement(db, `SELECT ${REF} FROM reports WHERE org_id = ? AND year = ? AND is_current = 1`).get(orgId, year) as VersionRef | undefined;
}

export function nextVersionNumber(db: Db, orgId: number, year: number): number {
  const row = statement(db, 'SELECT max(version) AS max FROM reports WHERE org_id = ? AND year = ?').get(orgId, year) as { max: number | null } | undefined;
  return (row?.max ?? 0) + 1;
}

/** Marks a version as superseded; must happen before the new one is inserted (one current per org and year). */
export function retire(db: Db, reportId: number): void {
  statement(db, 'UPDATE reports SET is_current = 0 WHERE id = ?').run(reportId);
}

/** Writes a new current version with its sections, metrics and the parser's findings. */
export function insertVersion(db: Db, p: PreparedReport, orgId: number, version: number, ingestedAt: string): number {
  const r = p.report;
  const id = Number(
    statement(
      db,
      `INSERT INTO reports (org_id, year, version, is_current, printed_org, printed_region, title, signed_date, published_date, format, sections,
         content_hash, file_name, encoding, raw_text, ingested_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(orgId, p.year, version, r.org, r.region, r.title, r.signedDate, p.published, r.format, JSON.stringify(r.sections), p.contentHash, p.file, p.encoding, p.rawText, ingestedAt)
      .lastInsertRowid,
  );
  const section = statement(db, 'INSERT INTO report_sections (report_id, key, heading, line, text) VALUES (?, ?, ?, ?, ?)');
  const seen = new Set<string>();
  for (const s of r.spans) {
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    section.run(id, s.key, s.heading, s.line, r.sectionText[s.key] ?? '');
  }
  const rows: unknown[][] = Object.entries(r.metrics).map(([key, value]) => {
    const src = r.sources[key];
    return [id, key, value, src?.line ?? 0, src?.text ?? '', src?.section ?? null, src?.derived ? 1 : 0];
  });
  insertRows(db, 'INSERT INTO metrics (report_id, key, value, line, text, section, derived) VALUES ', 7, rows);
  insertFindings(db, id, r.findings, 'parse', null);
  return id;
}

/** Rows per INSERT: 64 × 7 values stays far below SQLite's limit on bound parameters. */
const ROWS_PER_INSERT = 64;

/** Inserts rows in order, many per statement (one statement per row count, prepared once). */
function insertRows(db: Db, head: string, columns: number, rows: readonly unknown[][]): void {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    statement(db, head + Array.from({ length: chunk.length }, () => tuple).join(', ')).run(...chunk.flat());
  }
}

export function insertFindings(
  db: Db,
  reportId: number,
  list: readonly Finding[],
  source: 'parse' | 'ingest',
  relatedReportId: number | null,
): void {
  if (list.length === 0) return;
  insertRows(
    db,
    'INSERT INTO findings (report_id, code, severity, message, line, source, related_report_id) VALUES ',
    7,
    list.map((f) => [reportId, f.code, f.severity, f.message, f.line ?? null, source, relatedReportId]),
  );
}

/**
 * Removes the findings of `codes` on a report that were raised against any version of another
 * organisation-year: they are recomputed when that report arrives or is replaced.
 */
export function deleteFindingsAbout(db: Db, reportId: number, orgId: number, year: number, codes: readonly FindingCode[]): void {
  if (codes.length === 0) return;
  statement(
    db,
    `DELETE FROM findings WHERE report_id = ? AND source = 'ingest' AND code IN (${codes.map(() => '?').join(', ')})
       AND related_report_id IN (SELECT id FROM reports WHERE org_id = ? AND year = ?)`,
  ).run(reportId, ...codes, orgId, year);
}

/**
 * Current reports of the same year by other organisations of the same (known) region. CROSS JOIN
 * makes SQLite start from the county's organisations (orgs_region_idx); left to itself it walks
 * the whole year through reports_year_idx to save the sort, which at national scale means every
 * report of the year for every report ingested.
 */
export function siblingReports(db: Db, orgId: number, region: string, year: number): number[] {
  return statement(
    db,
    `SELECT reports.id FROM orgs CROSS JOIN reports ON reports.org_id = orgs.id
      WHERE orgs.region = ? AND orgs.id <> ? AND reports.year = ? AND reports.is_current = 1 ORDER BY reports.id`,
  )
    .pluck()
    .all(region, orgId, year) as number[];
}

export function orgRegion(db: Db, orgId: number): string | null {
  const row = statement(db, 'SELECT region FROM orgs WHERE id = ?').get(orgId) as { region: string | null } | undefined;
  return row?.region ?? null;
}

type FactsBody = Pick<ReportFacts, 'metrics' | 'lines' | 'sections'>;
/** What a version says of itself (the organisation's name and region are read fresh: a region may be filled in later). */
type VersionHead = Pick<ReportFacts, 'year' | 'format' | 'file'> & { ingestedAt: string };
interface CachedFacts {
  hash: string;
  head: VersionHead;
  body: FactsBody;
}

/**
 * The stored facts of recently loaded versions. A stored version never changes (a correction is a
 * new version), and each new report is compared with every report of its county and year, so the
 * same few are read again and again. Keyed by id and content hash: an id taken by a transaction
 * that rolled back may be given again, to other content. Caching the head matters too: a report
 * row holds the raw text before ingested_at, so reading ingested_at reads the whole text.
 */
const BODY_CACHE_LIMIT = 2048;
const bodies = new WeakMap<object, Map<number, CachedFacts>>();

function loadBody(db: Db, reportId: number): FactsBody {
  const values: Record<string, MetricValue> = {};
  const lines: Record<string, number> = {};
  const rows = statement(db, 'SELECT key, value, line FROM metrics WHERE report_id = ?').raw().all(reportId) as Array<[string, number | null, number]>;
  for (const [key, value, line] of rows) {
    values[key] = value;
    lines[key] = line;
  }
  const sections: ReportFacts['sections'] = {};
  const sectionRows = statement(db, 'SELECT key, text, line FROM report_sections WHERE report_id = ?').raw().all(reportId) as Array<[SectionKey, string, number]>;
  for (const [key, text, line] of sectionRows) sections[key] = { text, line };
  return { metrics: values, lines, sections };
}

/**
 * The facts of a version just written by insertVersion, from the report in hand rather than read
 * back: the same values (what insertVersion wrote), without reading hundreds of rows again.
 */
export function loadWrittenFacts(db: Db, reportId: number, p: PreparedReport, ingestedAt: string): ReportFacts {
  const r = p.report;
  const values: Record<string, MetricValue> = {};
  const lines: Record<string, number> = {};
  for (const [key, value] of Object.entries(r.metrics)) {
    // What SQLite gives back for a REAL column: only finite numbers and null come back as written.
    if (value !== null && !Number.isFinite(value)) return loadFacts(db, reportId);
    values[key] = value;
    lines[key] = r.sources[key]?.line ?? 0;
  }
  const sections: ReportFacts['sections'] = {};
  for (const s of r.spans) if (!(s.key in sections)) sections[s.key] = { text: r.sectionText[s.key] ?? '', line: s.line };
  const head: VersionHead = { year: p.year, format: r.format, file: p.file, ingestedAt };
  return loadFacts(db, reportId, { hash: p.contentHash, head, body: { metrics: values, lines, sections } });
}

/** What the cross-report checks need of a stored version. */
export function loadFacts(db: Db, reportId: number, known?: CachedFacts): ReportFacts {
  // org_id and content_hash come before the raw text in the row: no overflow pages are read.
  const row = statement(db, 'SELECT org_id AS orgId, content_hash AS hash FROM reports WHERE id = ?').get(reportId) as
    | { orgId: number; hash: string }
    | undefined;
  if (!row) throw new Error(`report ${reportId} not found`);
  const key = statementOwner(db);
  let cache = bodies.get(key);
  if (!cache) {
    cache = new Map();
    bodies.set(key, cache);
  }
  let hit = known?.hash === row.hash ? known : cache.get(reportId);
  if (!hit || hit.hash !== row.hash) {
    const head = statement(db, 'SELECT year, format, file_name AS file, ingested_at AS ingestedAt FROM reports WHERE id = ?').get(reportId) as VersionHead;
    hit = { hash: row.hash, head, body: loadBody(db, reportId) };
  }
  if (cache.get(reportId) !== hit) {
    if (cache.size >= BODY_CACHE_LIMIT) cache.clear();
    cache.set(reportId, hit);
  }
  const org = statement(db, 'SELECT name, region FROM orgs WHERE id = ?').get(row.orgId) as Pick<ReportFacts, 'name' | 'region'> | undefined;
  if (!org) throw new Error(`report ${reportId} not found`);
  return { name: org.name, region: org.region, ...hit.head, ...hit.body };
}
