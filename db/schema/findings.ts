import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { reports } from './reports.js';

/**
 * Findings of a report version. `parse` findings come from the report alone; `ingest` findings
 * compare it with another report on file, named by related_report_id, so that they can be
 * recomputed when that other report arrives late or is replaced.
 */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    severity: text('severity', { enum: ['error', 'warning', 'info'] }).notNull(),
    message: text('message').notNull(),
    line: integer('line'),
    source: text('source', { enum: ['parse', 'ingest'] }).notNull(),
    relatedReportId: integer('related_report_id').references(() => reports.id),
  },
  (t) => [index('findings_report_idx').on(t.reportId), index('findings_related_idx').on(t.relatedReportId)],
);

export type FindingRow = typeof findings.$inferSelect;
