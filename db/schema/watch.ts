import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * County portals watched for annual reports (data contract §6.3): the list page of each county's
 * annual-report column, added by `watch add` or named in NIANBAO_WATCH, with how its last run went.
 */
export const watchSources = sqliteTable('watch_sources', {
  url: text('url').primaryKey(),
  region: text('region').notNull(),
  addedAt: text('added_at').notNull(),
  lastRunAt: text('last_run_at'),
  lastOkAt: text('last_ok_at'),
  /** Why the last run of this source failed; null once it succeeds again. */
  lastError: text('last_error'),
  /** Failed runs in a row. */
  failures: integer('failures').notNull().default(0),
});

/**
 * Every page and file fetched from a portal: the validators for conditional requests (ETag,
 * Last-Modified), what was made of it, and the failure to retry on the next run.
 */
export const watchPages = sqliteTable('watch_pages', {
  url: text('url').primaryKey(),
  /** The list page this link was found on (null for list pages themselves). */
  sourceUrl: text('source_url'),
  etag: text('etag'),
  lastModified: text('last_modified'),
  fetchedAt: text('fetched_at'),
  /** What was read from it, JSON: a list page's links and pages, a report page's attachment. */
  found: text('found'),
  /** The report version stored from it, if any. */
  reportId: integer('report_id'),
  /** Why it could not be fetched or read; null when it was. */
  lastError: text('last_error'),
  failures: integer('failures').notNull().default(0),
});
