import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findings, metrics, orgs, reportSections, reports } from '../../db/schema/index.js';
import type { Finding, FindingCode, SectionKey } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';
import type { PreparedReport } from './prepare.js';

export interface VersionRef {
  id: number;
  orgId: number;
  year: number;
  version: number;
  fileName: string;
}

const refColumns = {
  id: reports.id,
  orgId: reports.orgId,
  year: reports.year,
  version: reports.version,
  fileName: reports.fileName,
};

/** Any version, current or not, with exactly this content. */
export function findByHash(db: Db, hash: string): VersionRef | undefined {
  return db.select(refColumns).from(reports).where(eq(reports.contentHash, hash)).get();
}

export function currentVersion(db: Db, orgId: number, year: number): VersionRef | undefined {
  return db
    .select(refColumns)
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.year, year), eq(reports.isCurrent, true)))
    .get();
}

export function nextVersionNumber(db: Db, orgId: number, year: number): number {
  const row = db
    .select({ max: sql<number | null>`max(${reports.version})` })
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.year, year)))
    .get();
  return (row?.max ?? 0) + 1;
}

/** Marks a version as superseded; must happen before the new one is inserted (one current per org and year). */
export function retire(db: Db, reportId: number): void {
  db.update(reports).set({ isCurrent: false }).where(eq(reports.id, reportId)).run();
}

/** Writes a new current version with its sections, metrics and the parser's findings. */
export function insertVersion(db: Db, p: PreparedReport, orgId: number, version: number, ingestedAt: string): number {
  const r = p.report;
  const id = db
    .insert(reports)
    .values({
      orgId,
      year: p.year,
      version,
      isCurrent: true,
      printedOrg: r.org,
      printedRegion: r.region,
      title: r.title,
      signedDate: r.signedDate,
      format: r.format,
      sections: JSON.stringify(r.sections),
      contentHash: p.contentHash,
      fileName: p.file,
      encoding: p.encoding,
      rawText: p.rawText,
      ingestedAt,
    })
    .returning({ id: reports.id })
    .get().id;
  const sectionRows = r.spans
    .filter((s, i, all) => all.findIndex((o) => o.key === s.key) === i)
    .map((s) => ({ reportId: id, key: s.key, heading: s.heading, line: s.line, text: r.sectionText[s.key] ?? '' }));
  if (sectionRows.length > 0) db.insert(reportSections).values(sectionRows).run();
  const metricRows = Object.entries(r.metrics).map(([key, value]) => {
    const src = r.sources[key];
    return {
      reportId: id,
      key,
      value,
      line: src?.line ?? 0,
      text: src?.text ?? '',
      section: src?.section ?? null,
      derived: src?.derived ?? false,
    };
  });
  // SQLite caps bound parameters per statement; 8 columns × 100 rows stays far below it.
  for (let i = 0; i < metricRows.length; i += 100) db.insert(metrics).values(metricRows.slice(i, i + 100)).run();
  insertFindings(db, id, r.findings, 'parse', null);
  return id;
}

export function insertFindings(
  db: Db,
  reportId: number,
  list: readonly Finding[],
  source: 'parse' | 'ingest',
  relatedReportId: number | null,
): void {
  if (list.length === 0) return;
  db.insert(findings)
    .values(
      list.map((f) => ({
        reportId,
        code: f.code,
        severity: f.severity,
        message: f.message,
        line: f.line ?? null,
        source,
        relatedReportId,
      })),
    )
    .run();
}

/**
 * Removes the findings of `codes` on a report that were raised against any version of another
 * organisation-year: they are recomputed when that report arrives or is replaced.
 */
export function deleteFindingsAbout(db: Db, reportId: number, orgId: number, year: number, codes: readonly FindingCode[]): void {
  const versions = db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.year, year)));
  db.delete(findings)
    .where(
      and(
        eq(findings.reportId, reportId),
        eq(findings.source, 'ingest'),
        inArray(findings.code, [...codes]),
        inArray(findings.relatedReportId, versions),
      ),
    )
    .run();
}

/** Current reports of the same year by other organisations of the same (known) region. */
export function siblingReports(db: Db, orgId: number, region: string, year: number): number[] {
  return db
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId))
    .where(and(eq(reports.year, year), eq(reports.isCurrent, true), eq(orgs.region, region), ne(orgs.id, orgId)))
    .orderBy(reports.id)
    .all()
    .map((r) => r.id);
}

export function orgRegion(db: Db, orgId: number): string | null {
  return db.select({ region: orgs.region }).from(orgs).where(eq(orgs.id, orgId)).get()?.region ?? null;
}

/** What the cross-report checks need of a stored version. */
export function loadFacts(db: Db, reportId: number): ReportFacts {
  const head = db
    .select({
      name: orgs.name,
      region: orgs.region,
      year: reports.year,
      format: reports.format,
      file: reports.fileName,
      ingestedAt: reports.ingestedAt,
    })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId))
    .where(eq(reports.id, reportId))
    .get();
  if (!head) throw new Error(`report ${reportId} not found`);
  const values: Record<string, number | null> = {};
  const lines: Record<string, number> = {};
  for (const m of db.select().from(metrics).where(eq(metrics.reportId, reportId)).all()) {
    values[m.key] = m.value;
    lines[m.key] = m.line;
  }
  const sections: ReportFacts['sections'] = {};
  for (const s of db.select().from(reportSections).where(eq(reportSections.reportId, reportId)).all()) {
    sections[s.key as SectionKey] = { text: s.text, line: s.line };
  }
  return { ...head, metrics: values, lines, sections };
}
