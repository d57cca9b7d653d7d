import type { Answer, ChatContext, Core } from './types.js';

/** A chat's context is forgotten this long after its last turn (docs/data-contract.md §6.2). */
export const CONVERSATION_TTL_MS = 30 * 60_000;

/**
 * Where each chat's conversation context is kept between turns (db/conversations.ts over SQLite), so a
 * restart keeps it and `ask --chat` continues the bots' conversations.
 */
export interface ConversationStore {
  /** The context of `chatKey` if its last turn was at or after `since`, else null. */
  load(chatKey: string, since: Date): ChatContext | null;
  /** Keeps `context` as the chat's last turn at `at`; null forgets the chat's context. */
  save(chatKey: string, context: ChatContext | null, at: Date): void;
  /** Deletes every context whose last turn was before `before`. */
  forget(before: Date): void;
}

/**
 * One turn of the conversation `chatKey` at `now`: the last context in, the answer out, the next context
 * kept. Without a store, a key or a core that converses, the question stands alone.
 */
export function converse(
  core: Core,
  store: ConversationStore | undefined,
  chatKey: string | null,
  question: string,
  now: Date,
  home: readonly string[] = [],
): Answer {
  if (!core.turn) return core.ask(question, now);
  if (!store || chatKey === null) return core.turn(question, null, now, home).answer;
  const since = new Date(now.getTime() - CONVERSATION_TTL_MS);
  const { answer, context } = core.turn(question, store.load(chatKey, since), now, home);
  store.save(chatKey, context, now);
  store.forget(since);
  return answer;
}

/** In memory, for tests and a pipeline without a database. */
export function createMemoryConversationStore(): ConversationStore {
  const kept = new Map<string, { context: ChatContext; at: number }>();
  return {
    load(chatKey, since) {
      const entry = kept.get(chatKey);
      return entry && entry.at >= since.getTime() ? entry.context : null;
    },
    save(chatKey, context, at) {
      if (context) kept.set(chatKey, { context, at: at.getTime() });
      else kept.delete(chatKey);
    },
    forget(before) {
      for (const [key, entry] of kept) if (entry.at < before.getTime()) kept.delete(key);
    },
  };
}
