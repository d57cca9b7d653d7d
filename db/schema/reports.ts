import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgs } from './orgs.js';

/**
 * One row per version of a report. A corrected report adds a row instead of overwriting, so the
 * history stays; exactly one version per organisation and year is current (the newest).
 */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    /** 1 for the first version on file, then 2, 3 … */
    version: integer('version').notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull(),
    /** The full name and region as this version prints them (the org row keeps the first). */
    printedOrg: text('printed_org'),
    printedRegion: text('printed_region'),
    title: text('title').notNull(),
    signedDate: text('signed_date'),
    /** The website publication date the file states (a web page's 发布时间), ISO; null when it states none. */
    publishedDate: text('published_date'),
    format: text('format', { enum: ['gov2019', 'gov2021', 'unknown'] }).notNull(),
    /** JSON array of the section keys found, in contract order. */
    sections: text('sections').notNull(),
    /** sha256 of the normalized text: the same report re-saved in another encoding is the same content. */
    contentHash: text('content_hash').notNull(),
    fileName: text('file_name').notNull(),
    encoding: text('encoding').notNull(),
    /** The decoded file, verbatim: line numbers in provenance point into it. */
    rawText: text('raw_text').notNull(),
    ingestedAt: text('ingested_at').notNull(),
  },
  (t) => [
    // Plain column name: SQLite rejects table-qualified names in a partial index's WHERE.
    uniqueIndex('reports_current_unique')
      .on(t.orgId, t.year)
      .where(sql`is_current = 1`),
    uniqueIndex('reports_org_year_version_unique').on(t.orgId, t.year, t.version),
    uniqueIndex('reports_content_hash_unique').on(t.contentHash),
    index('reports_year_idx').on(t.year),
    // Covering indexes of the current versions, with every column the report store lists. A
    // report row holds the whole raw text before ingested_at, so reading a row means reading its
    // overflow pages; a year of 40,000 reports (or a county's for a ranking) is read from these alone.
    index('reports_current_by_year_idx')
      .on(t.year, t.orgId, t.signedDate, t.publishedDate, t.format, t.fileName, t.ingestedAt)
      .where(sql`is_current = 1`),
    index('reports_current_by_org_idx')
      .on(t.orgId, t.year, t.signedDate, t.publishedDate, t.format, t.fileName, t.ingestedAt)
      .where(sql`is_current = 1`),
  ],
);

export type ReportRow = typeof reports.$inferSelect;
