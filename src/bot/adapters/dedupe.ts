/**
 * Remembers which platform updates were already handled, so that an update delivered again after a
 * restart (Telegram re-sends everything after the last confirmed offset) is not answered twice.
 * The production store must survive restarts: db/ implements it over SQLite (INSERT OR IGNORE).
 */

type Awaitable<T> = T | Promise<T>;

export interface SeenUpdates {
  /** Records the key; true only the first time (atomic claim, so two handlers cannot both win). */
  add(key: string): Awaitable<boolean>;
  has(key: string): Awaitable<boolean>;
}

/** In-memory store keeping the most recent `capacity` keys (older ones cannot come back anyway). */
export function createMemorySeenUpdates(capacity = 10_000): SeenUpdates {
  const keys = new Set<string>();
  return {
    add(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > capacity) {
        const oldest = keys.values().next().value;
        if (oldest !== undefined) keys.delete(oldest);
      }
      return true;
    },
    has: (key) => keys.has(key),
  };
}
