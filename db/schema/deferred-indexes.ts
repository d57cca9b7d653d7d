import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Indexes taken down for a large ingest and not yet built again (db/deferred-indexes.ts): their
 * definition as SQLite printed it, and the process that took them down, so that a process opening
 * the file after that one died builds them again.
 */
export const deferredIndexes = sqliteTable('deferred_indexes', {
  name: text('name').primaryKey(),
  sql: text('sql').notNull(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  deferredAt: text('deferred_at').notNull(),
});
