import { and, desc, eq, ne } from 'drizzle-orm';
import type { ChatTarget } from '../src/bot/types.js';
import type { PrecheckSummary, PrecheckVerdict } from '../src/bot/core/precheck/summary.js';
import type { DecodedFile } from '../src/ingest/prepare.js';
import { receivedFiles } from './schema/index.js';
import type { Connection } from './stores.js';

/** One file received for a pre-check, as recorded. */
export interface ReceivedFile {
  id: number;
  fileHash: string;
  target: ChatTarget;
  senderId: string;
  fileName: string;
  verdict: PrecheckVerdict;
  summary: PrecheckSummary;
  reply: string;
  detail: string;
  /** What /submit files; null for a refused file. */
  document: DecodedFile | null;
  createdAt: string;
  submitted: { reportId: number; by: string; at: string } | null;
}

export type NewReceivedFile = Omit<ReceivedFile, 'id' | 'submitted'>;

export interface ReceivedFileStore {
  /** The record of this file in this chat. */
  find(target: ChatTarget, fileHash: string): ReceivedFile | undefined;
  /** Any chat's record of these bytes (the pre-check is the same wherever they were sent). */
  anyWithHash(fileHash: string): ReceivedFile | undefined;
  byId(id: number): ReceivedFile | undefined;
  /** The chat's latest pre-check of a readable file. */
  latest(target: ChatTarget): ReceivedFile | undefined;
  /** Records a file; when the chat already has these bytes (a race), the existing record is returned. */
  insert(row: NewReceivedFile): ReceivedFile;
  /** A new pre-check of a file whose earlier one was refused (a refusal may have been the load's, a timeout). */
  update(id: number, row: Outcome): ReceivedFile;
  markSubmitted(id: number, reportId: number, by: string, at: string): void;
}

type Row = typeof receivedFiles.$inferSelect;

/** What a pre-check of the file said: written when it is first read and again when it is read anew. */
type Outcome = Pick<ReceivedFile, 'verdict' | 'summary' | 'reply' | 'detail' | 'document' | 'createdAt'>;

const outcomeColumns = (row: Outcome) => ({
  verdict: row.verdict,
  summary: JSON.stringify(row.summary),
  reply: row.reply,
  detail: row.detail,
  document: row.document === null ? null : JSON.stringify(row.document),
  createdAt: row.createdAt,
});

const toRecord = (r: Row): ReceivedFile => ({
  id: r.id,
  fileHash: r.fileHash,
  target: { transport: r.transport as ChatTarget['transport'], chatId: r.chatId },
  senderId: r.senderId,
  fileName: r.fileName,
  verdict: r.verdict,
  summary: JSON.parse(r.summary) as PrecheckSummary,
  reply: r.reply,
  detail: r.detail,
  document: r.document === null ? null : (JSON.parse(r.document) as DecodedFile),
  createdAt: r.createdAt,
  submitted: r.submittedReportId === null ? null : { reportId: r.submittedReportId, by: r.submittedBy ?? '', at: r.submittedAt ?? '' },
});

const chatWhere = (t: ChatTarget) => and(eq(receivedFiles.transport, t.transport), eq(receivedFiles.chatId, t.chatId));

/** Received files over SQLite: kept across restarts, shared by every process. */
export function createReceivedFileStore(c: Connection): ReceivedFileStore {
  const { db } = c;
  const one = (row: Row | undefined) => (row ? toRecord(row) : undefined);
  const store: ReceivedFileStore = {
    find: (target, fileHash) =>
      one(
        db
          .select()
          .from(receivedFiles)
          .where(and(chatWhere(target), eq(receivedFiles.fileHash, fileHash)))
          .get(),
      ),
    anyWithHash: (fileHash) => one(db.select().from(receivedFiles).where(eq(receivedFiles.fileHash, fileHash)).orderBy(desc(receivedFiles.id)).get()),
    byId: (id) => one(db.select().from(receivedFiles).where(eq(receivedFiles.id, id)).get()),
    latest: (target) =>
      one(
        db
          .select()
          .from(receivedFiles)
          .where(and(chatWhere(target), ne(receivedFiles.verdict, 'refused')))
          .orderBy(desc(receivedFiles.id))
          .get(),
      ),
    insert(row) {
      db.insert(receivedFiles)
        .values({
          fileHash: row.fileHash,
          transport: row.target.transport,
          chatId: row.target.chatId,
          senderId: row.senderId,
          fileName: row.fileName,
          ...outcomeColumns(row),
        })
        .onConflictDoNothing()
        .run();
      const stored = store.find(row.target, row.fileHash);
      if (!stored) throw new Error(`received file not recorded: ${row.fileName}`);
      return stored;
    },
    update(id, row) {
      db.update(receivedFiles).set(outcomeColumns(row)).where(eq(receivedFiles.id, id)).run();
      const stored = store.byId(id);
      if (!stored) throw new Error(`received file ${id} is gone`);
      return stored;
    },
    markSubmitted(id, reportId, by, at) {
      db.update(receivedFiles).set({ submittedReportId: reportId, submittedBy: by, submittedAt: at }).where(eq(receivedFiles.id, id)).run();
    },
  };
  return store;
}
