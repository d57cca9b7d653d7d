import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { reports } from './reports.js';

/**
 * The text of each of the six parts of a report version, kept so that checks across reports
 * (DUPLICATE_CONTENT) and later answers need not parse the raw text again.
 */
export const reportSections = sqliteTable(
  'report_sections',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key', {
      enum: ['overview', 'active', 'applications', 'review_litigation', 'problems', 'other'],
    }).notNull(),
    heading: text('heading').notNull(),
    /** 1-based line of the heading in the raw text. */
    line: integer('line').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.key] })],
);
