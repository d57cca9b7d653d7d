import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A counter per kind of data, raised by triggers (migration 0012) in the transaction of every write
 * to the tables it covers: `reports` covers reports, orgs, org_aliases, findings and roster. What a
 * store keeps of those is good until its counter moves (db/sql.ts changeStamp), so the chat's own
 * writes (updates seen, conversations, deliveries) no longer throw away a national year of reads.
 */
export const dataVersions = sqliteTable('data_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
});
