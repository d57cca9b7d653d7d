import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A chat bound to an organisation (its reminders and notices) or a region (all of its towns, escalations). */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transport: text('transport', { enum: ['telegram', 'wechat', 'console', 'http', 'wecom', 'dingtalk', 'feishu'] }).notNull(),
    chatId: text('chat_id').notNull(),
    scopeKind: text('scope_kind', { enum: ['org', 'region'] }).notNull(),
    scopeName: text('scope_name').notNull(),
    /**
     * An organisation binding's county: 张家坡镇 is a name in many counties, and a group is bound to one
     * of them. Null for a region binding, and for an organisation bound before counties were recorded
     * (it holds while the name is unambiguous, src/jobs/outgoing.ts).
     */
    scopeRegion: text('scope_region'),
    /** scope_region with '' for null, so that the unique index holds for region-less bindings (as in orgs). */
    scopeRegionKey: text('scope_region_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(scope_region, '')`, { mode: 'virtual' }),
    /** `<transport>:<userId>` of who bound it, or `roster:import`. */
    boundBy: text('bound_by').notNull(),
    boundAt: text('bound_at').notNull(),
  },
  (t) => [
    uniqueIndex('subscriptions_target_scope_unique').on(t.transport, t.chatId, t.scopeKind, t.scopeName, t.scopeRegionKey),
    index('subscriptions_scope_idx').on(t.scopeKind, t.scopeName),
  ],
);
