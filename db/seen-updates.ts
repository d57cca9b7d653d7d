import { eq, lt } from 'drizzle-orm';
import type { SeenUpdates } from '../src/bot/adapters/dedupe.js';
import { seenUpdates } from './schema/index.js';
import type { Connection } from './stores.js';

export interface SeenUpdatesOptions {
  now?: () => Date;
  /** Keys older than this are forgotten; Telegram does not re-deliver updates older than a day. */
  keepDays?: number;
  /** Forget old keys once every this many new ones. */
  pruneEvery?: number;
}

/** SeenUpdates over SQLite: INSERT OR IGNORE is the atomic claim, also across processes. */
export function createSeenUpdates(c: Connection, opts: SeenUpdatesOptions = {}): SeenUpdates {
  const { db } = c;
  const now = opts.now ?? (() => new Date());
  const keepMs = (opts.keepDays ?? 7) * 86_400_000;
  const pruneEvery = opts.pruneEvery ?? 500;
  let added = 0;
  return {
    add(key) {
      const at = now();
      const res = db.insert(seenUpdates).values({ key, seenAt: at.toISOString() }).onConflictDoNothing().run();
      if (res.changes === 1 && ++added % pruneEvery === 0) {
        db.delete(seenUpdates)
          .where(lt(seenUpdates.seenAt, new Date(at.getTime() - keepMs).toISOString()))
          .run();
      }
      return res.changes === 1;
    },
    has(key) {
      return db.select({ key: seenUpdates.key }).from(seenUpdates).where(eq(seenUpdates.key, key)).get() !== undefined;
    },
  };
}
