import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Files sent to the bot for a pre-check (issue 13): what came in, from whom, and what the pre-check
 * said, so the same file again is answered from here and a /submit after a restart still finds it.
 * A pre-check files nothing: the report tables change only when someone submits it.
 */
export const receivedFiles = sqliteTable(
  'received_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the bytes as received. */
    fileHash: text('file_hash').notNull(),
    transport: text('transport').notNull(),
    chatId: text('chat_id').notNull(),
    senderId: text('sender_id').notNull(),
    fileName: text('file_name').notNull(),
    /** `ok` (可以发布), `fix` (请修改后再发布) or `refused` (the file could not be read as a report). */
    verdict: text('verdict', { enum: ['ok', 'fix', 'refused'] }).notNull(),
    /** JSON: org, name, region, year, format, the finding codes by severity (PrecheckSummary). */
    summary: text('summary').notNull(),
    /** The short reply and the full list (「详细」), as sent. */
    reply: text('reply').notNull(),
    detail: text('detail').notNull(),
    /** JSON of the read document (text, source, dates, line origins), what /submit files; null when refused. */
    document: text('document'),
    createdAt: text('created_at').notNull(),
    submittedReportId: integer('submitted_report_id'),
    submittedBy: text('submitted_by'),
    submittedAt: text('submitted_at'),
  },
  (t) => [uniqueIndex('received_files_chat_hash_unique').on(t.transport, t.chatId, t.fileHash), index('received_files_hash_idx').on(t.fileHash)],
);
