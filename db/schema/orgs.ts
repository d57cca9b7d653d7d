import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * An organisation that files reports: a 镇/乡/街道 government or a county department.
 * Identity is (short name, region): two 张家坡镇 in different counties are two rows, while the
 * printed variants of one name (沂源县张家坡镇人民政府, 张家坡镇) meet here through org_aliases.
 */
export const orgs = sqliteTable(
  'orgs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Full name as first printed: 沂源县张家坡镇人民政府. */
    org: text('org').notNull(),
    /** Short name people type: 张家坡镇. */
    name: text('name').notNull(),
    /** County or county-level city; null until a report states it. */
    region: text('region'),
    /** town, township, subdistrict, department, government, committee, area_office, dev_zone, other (the parser's OrgKind). */
    kind: text('kind'),
    createdAt: text('created_at').notNull(),
    /**
     * region with '' for null: SQLite treats NULLs as distinct in a unique index, which would let two
     * region-less 张家坡镇 in. (drizzle-kit 0.31 cannot emit an expression index, hence a column.)
     */
    regionKey: text('region_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(region, '')`, { mode: 'virtual' }),
  },
  (t) => [
    uniqueIndex('orgs_name_region_unique').on(t.name, t.regionKey),
    // The county's organisations: the reports each new report is compared with (DUPLICATE_CONTENT).
    index('orgs_region_idx').on(t.region),
  ],
);

export type OrgRow = typeof orgs.$inferSelect;
