import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * claimed: taken by a sender that has not called the chat platform yet, or whose requests so far
 * never connected (safe to take over when its lease runs out); sending: the platform call is under way (after a crash its outcome is unknown);
 * sent; failed: will be retried at next_attempt_at; dropped: no longer makes sense (its day passed);
 * unknown: the sender died mid-call, so it is neither resent (could double) nor forgotten (logged).
 */
export const DELIVERY_STATUSES = ['claimed', 'sending', 'sent', 'failed', 'dropped', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The delivery log: one row per (job, subject, period, chat); a message is claimed before it is sent. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    /** `org:<region>/<name>` or `region:<name>`. */
    subject: text('subject').notNull(),
    /** `2026/D-7`, `2026/report-12`. */
    period: text('period').notNull(),
    transport: text('transport').notNull(),
    chatId: text('chat_id').notNull(),
    /** The text last attempted (a retry sends the text planned at that time). */
    text: text('text').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Random id of the process holding the claim. */
    owner: text('owner'),
    leaseUntil: text('lease_until'),
    nextAttemptAt: text('next_attempt_at'),
    notAfter: text('not_after').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [uniqueIndex('deliveries_key_unique').on(t.job, t.subject, t.period, t.transport, t.chatId), index('deliveries_status_idx').on(t.status)],
);

export type DeliveryRow = typeof deliveries.$inferSelect;

/** When each scheduled job last ran, so that a start-up can tell a missed run from a finished one. */
export const jobRuns = sqliteTable('job_runs', {
  job: text('job').primaryKey(),
  lastRunAt: text('last_run_at').notNull(),
});
