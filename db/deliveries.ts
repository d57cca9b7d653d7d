import { and, asc, eq, inArray, like, lte } from 'drizzle-orm';
import { deliveries, type DeliveryRow, type DeliveryStatus } from './schema/index.js';
import type { Connection } from './stores.js';

/**
 * The delivery log behind "exactly once": a message is claimed (one row per key, taken inside an
 * IMMEDIATE transaction so that two processes cannot both win), moved to `sending` just before the
 * platform call, and marked sent or failed after it. Every change after the claim names the owner,
 * so a sender whose claim was taken over cannot overwrite the new owner's outcome.
 */

export interface DeliveryKey {
  job: string;
  subject: string;
  period: string;
  transport: string;
  chatId: string;
}

export type ClaimResult = { kind: 'claimed'; id: number; attempts: number } | { kind: 'skip'; status: DeliveryStatus | 'stale'; reason: string };

const iso = (d: Date) => d.toISOString();

const keyWhere = (k: DeliveryKey) =>
  and(
    eq(deliveries.job, k.job),
    eq(deliveries.subject, k.subject),
    eq(deliveries.period, k.period),
    eq(deliveries.transport, k.transport),
    eq(deliveries.chatId, k.chatId),
  );

export interface DeliveryLog {
  find(key: DeliveryKey): DeliveryRow | undefined;
  /**
   * Claims the key for `owner`: a new row, an abandoned claim whose lease ran out (the claimer died
   * before calling the platform), or a failure whose retry is due. Anything else is a skip.
   */
  claim(key: DeliveryKey, message: { text: string; notAfter: Date }, owner: string, now: Date, leaseMs: number): ClaimResult;
  /** claimed → sending, only while the claim is still ours; false means someone else took it over. */
  startSending(id: number, owner: string, now: Date, leaseMs: number): boolean;
  /**
   * sending → claimed: the sender's request never reached the platform and it will try again. A
   * process killed before that attempt leaves a claim, taken over when its lease runs out.
   */
  backToClaimed(id: number, owner: string, now: Date, leaseMs: number): boolean;
  /** The platform accepted the message. `unknown` is accepted too: a slow send outlived its lease. */
  markSent(id: number, owner: string, now: Date, attempts: number): void;
  markFailed(id: number, owner: string, now: Date, error: string, attempts: number, nextAttemptAt: Date | null): void;
  /** The call failed in a way that may have delivered it (an answer lost after the request went out): not resent. */
  markUnknown(id: number, owner: string, now: Date, error: string, attempts: number): void;
  /** Failed or abandoned rows whose moment has passed become `dropped`; returned for the log. */
  dropStale(now: Date): DeliveryRow[];
  /** Sends whose sender vanished mid-call (lease run out) become `unknown`: resending could double them. */
  expireSending(now: Date): DeliveryRow[];
  list(filter?: { job?: string; status?: DeliveryStatus }): DeliveryRow[];
  /** Keys of a season's messages that may have reached a group (sent, being sent, unknown), for src/jobs/stages.ts. */
  reachedKeys(year: number): Array<{ job: string; subject: string; period: string }>;
}

/** Why an existing row may not be taken now, or null when it may (an expired claim, a failure now due). */
function blocked(row: DeliveryRow, now: string): string | null {
  switch (row.status) {
    case 'sent':
      return 'already sent';
    case 'dropped':
      return 'dropped';
    case 'unknown':
      return 'outcome of an interrupted send unknown';
    case 'sending':
      return 'being sent';
    case 'claimed':
      return row.leaseUntil !== null && row.leaseUntil > now ? 'claimed by another sender' : null;
    case 'failed':
      if (row.nextAttemptAt === null) return 'failed for good';
      return row.nextAttemptAt > now ? `retry not before ${row.nextAttemptAt}` : null;
  }
}

export function createDeliveryLog(c: Connection): DeliveryLog {
  const { db } = c;
  return {
    find: (key) => db.select().from(deliveries).where(keyWhere(key)).get(),

    claim(key, message, owner, now, leaseMs) {
      const at = iso(now);
      if (message.notAfter.getTime() <= now.getTime()) return { kind: 'skip', status: 'stale', reason: 'no longer makes sense' };
      const lease = iso(new Date(now.getTime() + leaseMs));
      // Read and written under the write lock, so that two processes cannot both win.
      return c.immediate((): ClaimResult => {
        const row = db.select().from(deliveries).where(keyWhere(key)).get();
        if (!row) {
          const inserted = db
            .insert(deliveries)
            .values({ ...key, text: message.text, status: 'claimed', owner, leaseUntil: lease, notAfter: iso(message.notAfter), createdAt: at, updatedAt: at })
            .returning({ id: deliveries.id })
            .get();
          return { kind: 'claimed', id: inserted.id, attempts: 0 };
        }
        const reason = blocked(row, at);
        if (reason !== null) return { kind: 'skip', status: row.status, reason };
        db.update(deliveries).set({ status: 'claimed', owner, leaseUntil: lease, text: message.text, updatedAt: at }).where(eq(deliveries.id, row.id)).run();
        return { kind: 'claimed', id: row.id, attempts: row.attempts };
      });
    },

    startSending(id, owner, now, leaseMs) {
      const res = db
        .update(deliveries)
        .set({ status: 'sending', leaseUntil: iso(new Date(now.getTime() + leaseMs)), updatedAt: iso(now) })
        .where(and(eq(deliveries.id, id), eq(deliveries.owner, owner), eq(deliveries.status, 'claimed')))
        .run();
      return res.changes === 1;
    },

    backToClaimed(id, owner, now, leaseMs) {
      const res = db
        .update(deliveries)
        .set({ status: 'claimed', leaseUntil: iso(new Date(now.getTime() + leaseMs)), updatedAt: iso(now) })
        .where(and(eq(deliveries.id, id), eq(deliveries.owner, owner), eq(deliveries.status, 'sending')))
        .run();
      return res.changes === 1;
    },

    markSent(id, owner, now, attempts) {
      db.update(deliveries)
        .set({ status: 'sent', attempts, sentAt: iso(now), updatedAt: iso(now), leaseUntil: null, lastError: null })
        .where(and(eq(deliveries.id, id), eq(deliveries.owner, owner), inArray(deliveries.status, ['sending', 'unknown'])))
        .run();
    },

    markFailed(id, owner, now, error, attempts, nextAttemptAt) {
      db.update(deliveries)
        .set({
          status: 'failed',
          attempts,
          lastError: error.slice(0, 500),
          nextAttemptAt: nextAttemptAt && iso(nextAttemptAt),
          leaseUntil: null,
          updatedAt: iso(now),
        })
        // claimed: the last request never connected (backToClaimed).
        .where(and(eq(deliveries.id, id), eq(deliveries.owner, owner), inArray(deliveries.status, ['claimed', 'sending', 'unknown'])))
        .run();
    },

    /** The call failed in a way that may have delivered it (an answer lost after the request went out): not resent. */
    markUnknown(id, owner, now, error, attempts) {
      db.update(deliveries)
        .set({ status: 'unknown', attempts, lastError: error.slice(0, 500), leaseUntil: null, updatedAt: iso(now) })
        .where(and(eq(deliveries.id, id), eq(deliveries.owner, owner), inArray(deliveries.status, ['sending', 'unknown'])))
        .run();
    },

    dropStale: (now) =>
      db
        .update(deliveries)
        .set({ status: 'dropped', updatedAt: iso(now), leaseUntil: null })
        .where(and(inArray(deliveries.status, ['failed', 'claimed']), lte(deliveries.notAfter, iso(now))))
        .returning()
        .all(),

    expireSending: (now) =>
      db
        .update(deliveries)
        .set({ status: 'unknown', updatedAt: iso(now) })
        .where(and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, iso(now))))
        .returning()
        .all(),

    reachedKeys: (year) =>
      db
        .select({ job: deliveries.job, subject: deliveries.subject, period: deliveries.period })
        .from(deliveries)
        .where(and(inArray(deliveries.status, ['sent', 'sending', 'unknown']), like(deliveries.period, `${year}/%`)))
        .all(),

    list: (filter = {}) =>
      db
        .select()
        .from(deliveries)
        .where(and(filter.job ? eq(deliveries.job, filter.job) : undefined, filter.status ? eq(deliveries.status, filter.status) : undefined))
        .orderBy(asc(deliveries.id))
        .all(),
  };
}
