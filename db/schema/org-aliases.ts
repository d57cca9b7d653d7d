import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgs } from './orgs.js';

/** Other names of an organisation: the full printed names, the short name, the name without 镇/乡/街道. */
export const orgAliases = sqliteTable(
  'org_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [uniqueIndex('org_aliases_org_alias_unique').on(t.orgId, t.alias), index('org_aliases_alias_idx').on(t.alias)],
);
