import { metricEntries } from '../src/catalog/index.js';
import type { ReportFacts } from '../src/ingest/facts.js';
import type { PreparedReport } from '../src/ingest/prepare.js';
import type { MetricValue, SectionKey } from '../src/parsing/types.js';
import type { FindingStore } from './findings.js';
import { insertRows } from './sql.js';
import type { Connection } from './stores.js';

/** A stored version of an organisation's report for a year. */
export interface VersionRef {
  id: number;
  orgId: number;
  year: number;
  version: number;
  fileName: string;
}

/**
 * Report versions as the ingest writes and compares them: the report row, its sections and
 * metrics (report_sections, metrics), and the facts the cross-report checks read back.
 */
export interface VersionStore {
  /** Any version, current or not, with exactly this content. */
  byHash(hash: string): VersionRef | undefined;
  byId(reportId: number): (VersionRef & { isCurrent: boolean }) | undefined;
  current(orgId: number, year: number): VersionRef | undefined;
  nextVersionNumber(orgId: number, year: number): number;
  /** Marks a version as superseded; must happen before the new one is inserted (one current per org and year). */
  retire(reportId: number): void;
  /**
   * Writes a new version with its sections, metrics and the parser's findings; returns its id. The
   * current one unless `current` is false (a version held back beside the current one).
   */
  insert(p: PreparedReport, orgId: number, version: number, ingestedAt: string, current?: boolean): number;
  /**
   * Current reports of the same year by other organisations of the same (known) region, by id.
   */
  siblings(orgId: number, region: string, year: number): number[];
  /** What the cross-report checks need of a stored version. */
  facts(reportId: number): ReportFacts;
  /**
   * The facts of a version just written by insert(), from the report in hand rather than read
   * back: the same values (what insert wrote), without reading hundreds of rows again.
   */
  writtenFacts(reportId: number, p: PreparedReport, ingestedAt: string): ReportFacts;
}

const REF = 'id, org_id AS orgId, year, version, file_name AS fileName';

type FactsBody = Pick<ReportFacts, 'metrics' | 'lines' | 'sections'>;
/** What a version says of itself (the organisation's name and region are read fresh: a region may be filled in later). */
type VersionHead = Pick<ReportFacts, 'year' | 'format' | 'file'> & { ingestedAt: string };
interface CachedFacts {
  hash: string;
  head: VersionHead;
  body: FactsBody;
}

/**
 * Versions whose facts are kept. A stored version never changes (a correction is a new version),
 * and each new report is compared with every report of its county and year, so the same few are
 * read again and again. Kept by id and checked against the content hash: an id taken by a
 * transaction that rolled back may be given again, to other content. Keeping the head matters
 * too: a report row holds the raw text before ingested_at, so reading ingested_at reads the text.
 */
const FACTS_CACHE_LIMIT = 2048;

export function createVersionStore(c: Connection, findings: FindingStore): VersionStore {
  const { prepare } = c;
  const kept = new Map<number, CachedFacts>();

  function loadBody(reportId: number): FactsBody {
    const values: Record<string, MetricValue> = {};
    const lines: Record<string, number> = {};
    const rows = prepare('SELECT key, value, line FROM metrics WHERE report_id = ?').raw().all(reportId) as Array<[string, number | null, number]>;
    for (const [key, value, line] of rows) {
      values[key] = value;
      lines[key] = line;
    }
    const sections: ReportFacts['sections'] = {};
    const sectionRows = prepare('SELECT key, text, line FROM report_sections WHERE report_id = ?').raw().all(reportId) as Array<[SectionKey, string, number]>;
    for (const [key, text, line] of sectionRows) sections[key] = { text, line };
    return { metrics: values, lines, sections };
  }

  function facts(reportId: number, known?: CachedFacts): ReportFacts {
    // org_id and content_hash come before the raw text in the row: no overflow pages are read.
    const row = prepare('SELECT org_id AS orgId, content_hash AS hash FROM reports WHERE id = ?').get(reportId) as { orgId: number; hash: string } | undefined;
    if (!row) throw new Error(`report ${reportId} not found`);
    let hit = known?.hash === row.hash ? known : kept.get(reportId);
    if (!hit || hit.hash !== row.hash) {
      const head = prepare('SELECT year, format, file_name AS file, ingested_at AS ingestedAt FROM reports WHERE id = ?').get(reportId) as VersionHead;
      hit = { hash: row.hash, head, body: loadBody(reportId) };
    }
    if (kept.get(reportId) !== hit) {
      if (kept.size >= FACTS_CACHE_LIMIT) kept.clear();
      kept.set(reportId, hit);
    }
    const org = prepare('SELECT name, region FROM orgs WHERE id = ?').get(row.orgId) as Pick<ReportFacts, 'name' | 'region'> | undefined;
    if (!org) throw new Error(`report ${reportId} not found`);
    return { name: org.name, region: org.region, ...hit.head, ...hit.body };
  }

  return {
    byHash: (hash) => prepare(`SELECT ${REF} FROM reports WHERE content_hash = ?`).get(hash) as VersionRef | undefined,

    byId(reportId) {
      const row = prepare(`SELECT ${REF}, is_current AS isCurrent FROM reports WHERE id = ?`).get(reportId) as (VersionRef & { isCurrent: number }) | undefined;
      return row && { ...row, isCurrent: row.isCurrent === 1 };
    },

    current: (orgId, year) => prepare(`SELECT ${REF} FROM reports WHERE org_id = ? AND year = ? AND is_current = 1`).get(orgId, year) as VersionRef | undefined,

    nextVersionNumber(orgId, year) {
      const row = prepare('SELECT max(version) AS max FROM reports WHERE org_id = ? AND year = ?').get(orgId, year) as { max: number | null } | undefined;
      return (row?.max ?? 0) + 1;
    },

    retire: (reportId) => void prepare('UPDATE reports SET is_current = 0 WHERE id = ?').run(reportId),

    insert(p, orgId, version, ingestedAt, current = true) {
      const r = p.report;
      const id = Number(
        prepare(
          `INSERT INTO reports (org_id, year, version, is_current, printed_org, printed_region, title, signed_date, published_date, format, sections,
             content_hash, file_name, encoding, raw_text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          orgId,
          p.year,
          version,
          current ? 1 : 0,
          r.org,
          r.region,
          r.title,
          r.signedDate,
          p.published ?? null,
          r.format,
          JSON.stringify(r.sections),
          p.contentHash,
          p.file,
          p.encoding,
          p.rawText,
          ingestedAt,
        ).lastInsertRowid,
      );
      const section = prepare('INSERT INTO report_sections (report_id, key, heading, line, text) VALUES (?, ?, ?, ?, ?)');
      const seen = new Set<string>();
      for (const s of r.spans) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        section.run(id, s.key, s.heading, s.line, r.sectionText[s.key] ?? '');
      }
      const rows: unknown[][] = metricEntries(r.metrics).map(([key, value]) => {
        const src = r.sources[key];
        return [id, key, value, src?.line ?? 0, src?.text ?? '', src?.section ?? null, src?.derived ? 1 : 0];
      });
      insertRows(prepare, 'INSERT INTO metrics (report_id, key, value, line, text, section, derived) VALUES ', 7, rows);
      findings.insert(id, r.findings, 'parse', null);
      return id;
    },

    // CROSS JOIN makes SQLite start from the county's organisations (orgs_region_idx); left to itself
    // it walks the whole year through reports_year_idx to save the sort, which at national scale
    // means every report of the year for every report ingested.
    siblings: (orgId, region, year) =>
      prepare(
        `SELECT reports.id FROM orgs CROSS JOIN reports ON reports.org_id = orgs.id
          WHERE orgs.region = ? AND orgs.id <> ? AND reports.year = ? AND reports.is_current = 1 ORDER BY reports.id`,
      )
        .pluck()
        .all(region, orgId, year) as number[],

    facts: (reportId) => facts(reportId),

    writtenFacts(reportId, p, ingestedAt) {
      const r = p.report;
      const values: Record<string, MetricValue> = {};
      const lines: Record<string, number> = {};
      for (const [key, value] of metricEntries(r.metrics)) {
        // What SQLite gives back for a REAL column: only finite numbers and null come back as written.
        if (value !== null && !Number.isFinite(value)) return facts(reportId);
        values[key] = value;
        lines[key] = r.sources[key]?.line ?? 0;
      }
      const sections: ReportFacts['sections'] = {};
      for (const s of r.spans) if (!(s.key in sections)) sections[s.key] = { text: r.sectionText[s.key] ?? '', line: s.line };
      const head: VersionHead = { year: p.year, format: r.format, file: p.file, ingestedAt };
      return facts(reportId, { hash: p.contentHash, head, body: { metrics: values, lines, sections } });
    },
  };
}
