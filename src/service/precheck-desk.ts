import { createHash } from 'node:crypto';
import type { DbHandle } from '../../db/client.js';
import type { ReceivedFile } from '../../db/received-files.js';
import { precheckReport, refusedPrecheck } from '../bot/core/precheck/reply.js';
import type { Precheck } from '../bot/core/precheck/summary.js';
import type { FileDesk, Incoming, Reply } from '../bot/types.js';
import type { Calendar } from '../calendar/calendar.js';
import { localDate } from '../calendar/time.js';
import { checkFile } from '../ingest/check-file.js';
import type { BoundedReader } from '../ingest/bounded-read.js';
import type { JobDeps } from '../jobs/deps.js';
import type { Logger } from '../logger.js';
import { DESK } from './precheck-messages.js';
import { createSubmitter } from './precheck-submit.js';
import { createSlots } from './slots.js';

/**
 * The bot's file desk (issue 13): a file sent to the bot is downloaded, read by the bounded reader,
 * parsed and checked, and answered with the pre-check; the file's hash and the pre-check are
 * recorded (db/received-files.ts), so the same file again is answered from the record and a /submit
 * after a restart still finds it. At most `parallel` files are read at once; the others wait with a
 * 「正在排队」 note. Nothing is filed until an administrator submits (precheck-submit.ts).
 */

/** The Bot API's download limit (getFile); other platforms get the same. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface DeskDeps {
  db: DbHandle;
  calendar: Calendar;
  admins: readonly string[];
  /** The notice job's deps: a submitted report gets the usual notices. */
  jobs: JobDeps;
  log: Logger;
  parallel?: number;
  maxBytes?: number;
  reader?: BoundedReader;
}

const REF = /预检编号 #(\d+)/;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const mb = (n: number) => (n / 1048576).toFixed(1);

export function withFooter(rec: ReceivedFile, text: string): string {
  return rec.verdict === 'refused' ? text : `${text}\n${DESK.footer(rec.id, rec.verdict === 'ok')}`;
}

/** The pre-check a message means: the one it replies to (in this chat), else the chat's latest. */
export function recordFor(db: DbHandle, incoming: Incoming): ReceivedFile | undefined {
  const target = { transport: incoming.transport, chatId: incoming.chatId };
  const id = Number(REF.exec(incoming.replyToText ?? '')?.[1] ?? Number.NaN);
  const replied = Number.isInteger(id) ? db.stores.receivedFiles.byId(id) : undefined;
  if (replied && replied.target.transport === target.transport && replied.target.chatId === target.chatId) return replied;
  return db.stores.receivedFiles.latest(target);
}

export function createFileDesk(deps: DeskDeps): FileDesk {
  const { db, log } = deps;
  const store = db.stores.receivedFiles;
  const maxBytes = deps.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const slots = createSlots(deps.parallel ?? 2);
  const answer = (rec: ReceivedFile, text: string): Reply => ({
    kind: rec.verdict === 'refused' ? 'refused' : 'command',
    text: withFooter(rec, text),
    rows: [],
  });
  const refused = (text: string): Reply => ({ kind: 'refused', text, rows: [] });

  return {
    async receive(incoming, ctx, now) {
      const { file } = incoming;
      const where = { transport: incoming.transport, chatId: incoming.chatId, file: file.name };
      if (file.size !== undefined && file.size > maxBytes) return refused(DESK.tooBig(mb(file.size), maxBytes / 1048576));
      let bytes: Uint8Array | 'too_large';
      try {
        bytes = await file.fetch();
      } catch (err) {
        log.warn({ err, ...where }, 'file download failed');
        return refused(DESK.downloadFailed);
      }
      if (bytes === 'too_large') return refused(DESK.tooBigUnknown(maxBytes / 1048576));
      if (bytes.length > maxBytes) return refused(DESK.tooBig(mb(bytes.length), maxBytes / 1048576));
      const target = { transport: incoming.transport, chatId: incoming.chatId };
      const fileHash = sha256(bytes);
      // A refusal is read again: it may have been a timeout under load, or the readers got better.
      const seen = store.find(target, fileHash);
      if (seen && seen.verdict !== 'refused') return answer(seen, `${DESK.again(localDate(new Date(seen.createdAt), deps.calendar.timeZone))}\n${seen.reply}`);

      const known = store.anyWithHash(fileHash);
      let result: Precheck & { document: ReceivedFile['document'] };
      if (known && known.verdict !== 'refused') {
        result = { verdict: known.verdict, summary: known.summary, reply: known.reply, detail: known.detail, document: known.document };
      } else {
        if (slots.busy() && ctx.note) {
          await ctx.note(DESK.queued(slots.waiting() + slots.active())).catch((err: unknown) => log.warn({ err, ...where }, 'queue note failed'));
        }
        result = await slots.run(() => precheckWithDocument(bytes, file.name));
      }
      const createdAt = now.toISOString();
      const rec = seen
        ? store.update(seen.id, { ...result, createdAt })
        : store.insert({ fileHash, target, senderId: incoming.senderId, fileName: file.name, ...result, createdAt });
      log.info({ ...where, id: rec.id, verdict: rec.verdict, org: rec.summary.org, year: rec.summary.year }, 'file pre-checked');
      return answer(rec, rec.reply);
    },

    async detail(incoming) {
      const rec = recordFor(db, incoming);
      if (!rec) return { kind: 'command', text: DESK.noRecord, rows: [] };
      return answer(rec, rec.detail);
    },

    submit: createSubmitter({ ...deps, recordFor: (i) => recordFor(db, i) }),
  };

  async function precheckWithDocument(bytes: Uint8Array, name: string): Promise<Precheck & { document: ReceivedFile['document'] }> {
    const checked = await checkFile(bytes, name, deps.calendar, deps.reader);
    if (!checked.ok) return { ...refusedPrecheck(checked.error), document: null };
    const p = precheckReport({ source: checked.decoded.source, report: checked.report, lineOrigins: checked.decoded.lineOrigins });
    return { ...p, document: checked.decoded };
  }
}
