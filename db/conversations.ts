import { and, eq, gte, lt } from 'drizzle-orm';
import type { ConversationStore } from '../src/bot/conversations.js';
import type { ChatContext } from '../src/bot/types.js';
import { conversations } from './schema/index.js';
import type { Connection } from './stores.js';

/**
 * Conversation contexts over SQLite, one row per chat, so a follow-up is understood after a restart and
 * by every process (`ask --chat` continues the bots' conversations). How long a context lives is the
 * caller's rule (src/bot/conversations.ts): this store only compares times.
 */
export function createConversationStore(c: Connection): ConversationStore {
  const { db } = c;
  return {
    load(chatKey, since) {
      const row = db
        .select({ context: conversations.context })
        .from(conversations)
        .where(and(eq(conversations.chatKey, chatKey), gte(conversations.updatedAt, since.toISOString())))
        .get();
      if (!row) return null;
      try {
        const parsed: unknown = JSON.parse(row.context);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ChatContext) : null;
      } catch {
        return null;
      }
    },
    save(chatKey, context, at) {
      if (!context) {
        db.delete(conversations).where(eq(conversations.chatKey, chatKey)).run();
        return;
      }
      const row = { chatKey, context: JSON.stringify(context), updatedAt: at.toISOString() };
      db.insert(conversations)
        .values(row)
        .onConflictDoUpdate({ target: conversations.chatKey, set: { context: row.context, updatedAt: row.updatedAt } })
        .run();
    },
    forget(before) {
      db.delete(conversations).where(lt(conversations.updatedAt, before.toISOString())).run();
    },
  };
}
