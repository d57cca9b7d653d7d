import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
  (t) => [
    uniqueIndex('metrics_report_key_unique').on(t.reportId, t.key),
    // One metric over a year of every organisation (a national ranking) reads one run of this
    // index instead of 40,000 probes into the table. It is written by key, so each report's commit
    // would touch one page per metric (~230): a large ingest takes it down and builds it again
    // once at the end (db/deferred-indexes.ts).
    index('metrics_key_report_value_idx').on(t.key, t.reportId, t.value),
  ],
);

export type MetricRow = typeof metrics.$inferSelect;
