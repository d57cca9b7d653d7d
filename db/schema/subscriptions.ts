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
    /** `<transport>:<userId>` of who bound it, or `roster:import`. */
    boundBy: text('bound_by').notNull(),
    boundAt: text('bound_at').notNull(),
  },
  (t) => [
    uniqueIndex('subscriptions_target_scope_unique').on(t.transport, t.chatId, t.scopeKind, t.scopeName),
    index('subscriptions_scope_idx').on(t.scopeKind, t.scopeName),
  ],
);
