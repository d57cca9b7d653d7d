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

/** Whether a message sent at `sentAt` is too old to answer (e.g. queued while the bot was down). */
export function isStale(sentAt: Date, now: Date, maxAgeMs: number): boolean {
  return now.getTime() - sentAt.getTime() > maxAgeMs;
}

/** Three minutes: long enough for clock skew and slow delivery, short enough that answers are not surprising. */
export const DEFAULT_MAX_AGE_MS = 3 * 60_000;
