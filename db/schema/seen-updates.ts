import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Chat platform updates already handled (src/bot/adapters/dedupe.ts), kept across restarts. */
export const seenUpdates = sqliteTable(
  'seen_updates',
  {
    key: text('key').primaryKey(),
    seenAt: text('seen_at').notNull(),
  },
  (t) => [index('seen_updates_seen_at_idx').on(t.seenAt)],
);
