import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Organisations expected to report, as imported from a county's list (`nianbao roster import`).
 * Organisations found in ingested reports join the roster without a row here (src/jobs/roster.ts).
 */
export const roster = sqliteTable(
  'roster',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short name: 康庄镇. */
    name: text('name').notNull(),
    region: text('region'),
    kind: text('kind', { enum: ['town', 'township', 'subdistrict', 'department', 'government', 'committee', 'area_office', 'dev_zone', 'other'] }),
    importedAt: text('imported_at').notNull(),
    /** region with '' for null, so that the unique index also holds for region-less names (as in orgs). */
    regionKey: text('region_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(region, '')`, { mode: 'virtual' }),
  },
  (t) => [uniqueIndex('roster_name_region_unique').on(t.name, t.regionKey)],
);

export type RosterRow = typeof roster.$inferSelect;
