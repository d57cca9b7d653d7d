import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { reports } from './reports.js';

/** Every metric value of a report version with its provenance (docs/data-contract.md §1.5). */
export const metrics = sqliteTable(
  'metrics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** null: the cell is printed but blank ("/", "—", 无). An absent row: the report has no such cell. */
    value: real('value'),
    line: integer('line').notNull(),
    text: text('text').notNull(),
    section: text('section'),
    derived: integer('derived', { mode: 'boolean' }).notNull(),
  },
  // No index on key alone: each report writes ~230 keys, and an index by key put every one of them
  // on a different page, so a national ingest rewrote hundreds of pages per report. One metric over
  // a year's reports is read through reports_year_idx and this unique index instead.
  (t) => [uniqueIndex('metrics_report_key_unique').on(t.reportId, t.key)],
);

export type MetricRow = typeof metrics.$inferSelect;
