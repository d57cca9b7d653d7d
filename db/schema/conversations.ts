import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The context of each chat's conversation (src/bot/core/conversation.ts), so a follow-up like 「去年呢」
 * is understood after a restart too; a row older than 30 minutes is treated as absent (db/conversations.ts).
 */
export const conversations = sqliteTable(
  'conversations',
  {
    /** `telegram:<chat id>`, `wechat:<room id>`, `console:console`, or the id given to `ask --chat` / HTTP `chat`. */
    chatKey: text('chat_key').primaryKey(),
    /** The context as JSON. */
    context: text('context').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('conversations_updated_at_idx').on(t.updatedAt)],
);
