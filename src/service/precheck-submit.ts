import type { DbHandle } from '../../db/client.js';
import type { ReceivedFile } from '../../db/received-files.js';
import type { FileDesk, Incoming, MessageContext, Reply } from '../bot/types.js';
import type { Calendar } from '../calendar/calendar.js';
import { localDate } from '../calendar/time.js';
import { parseDecoded } from '../ingest/prepare.js';
import { storeReport } from '../ingest/store-report.js';
import type { JobDeps } from '../jobs/deps.js';
import { onReportIngested } from '../jobs/run-notices.js';
import type { Logger } from '../logger.js';
import { DESK } from './precheck-messages.js';

/**
 * /submit (提交): files a pre-checked report as its organisation's report for the year, with the
 * publication date given or today's, and sends the usual notices. Only an administrator may: one
 * listed in NIANBAO_ADMINS, or an administrator of this chat when it is bound to the report's
 * organisation or county. A report of another organisation than the chat's is filed only when the
 * administrator names it. Anyone else gets a refusal and nothing changes.
 */

export interface SubmitDeps {
  db: DbHandle;
  calendar: Calendar;
  admins: readonly string[];
  jobs: JobDeps;
  log: Logger;
  recordFor(incoming: Incoming): ReceivedFile | undefined;
}

const DATE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/;
const pad = (n: string) => n.padStart(2, '0');

/** `2027-01-20` from the arguments, null when none is written, 'bad' when it is no real date. */
export function dateArg(args: string): string | null | 'bad' {
  const m = DATE.exec(args);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'bad' : iso;
}

export function createSubmitter(deps: SubmitDeps): FileDesk['submit'] {
  const { db, log } = deps;
  const text = (t: string, kind: Reply['kind'] = 'command'): Reply => ({ kind, text: t, rows: [] });

  /** true, false, or 'unknown' when the platform could not say whether the sender administers the chat. */
  async function chatAdmin(incoming: Incoming, ctx: MessageContext): Promise<boolean | 'unknown'> {
    if (!ctx.isChatAdmin) return false;
    try {
      return await ctx.isChatAdmin();
    } catch (err) {
      log.warn({ err, transport: incoming.transport, chatId: incoming.chatId }, 'admin check failed');
      return 'unknown';
    }
  }

  return async (incoming, ctx, args, now) => {
    const rec = deps.recordFor(incoming);
    if (!rec) return text(DESK.noRecord);
    if (!rec.document || rec.verdict === 'refused') return text(DESK.refusedFile, 'refused');
    if (rec.submitted) return text(DESK.alreadySubmitted(rec.submitted.at.slice(0, 10)));
    const date = dateArg(args);
    if (date === 'bad') return text(DESK.badDate(args), 'refused');

    const { name, org, region } = rec.summary;
    const bound = db.stores.subscriptions.list({ target: { transport: incoming.transport, chatId: incoming.chatId } });
    const boundToReport = bound.some((s) => (s.scope.kind === 'org' ? s.scope.name === name : s.scope.name === region));
    const by = `${incoming.transport}:${incoming.senderId}`;
    if (!deps.admins.includes(by)) {
      const admin = boundToReport ? await chatAdmin(incoming, ctx) : false;
      if (admin === 'unknown') return text(DESK.adminUnknown, 'refused');
      if (!admin) return text(DESK.notAdmin, 'refused');
    } else if (bound.length > 0 && !boundToReport && !(name && args.includes(name)) && !(org && args.includes(org))) {
      return text(DESK.otherOrg(name ?? org ?? '未识别单位'), 'refused');
    }

    const published = date ?? localDate(now, deps.calendar.timeZone);
    const prepared = parseDecoded({ ...rec.document, published });
    if (!prepared.ok) return text(DESK.cannotFile(prepared.reason), 'refused');
    let out;
    try {
      // An administrator's /submit after reading the pre-check is the confirmation a fuller version asks for.
      out = storeReport(db, prepared.value, { ingestedAt: now.toISOString(), replaceWorse: true });
    } catch (err) {
      log.error({ err, id: rec.id, by }, 'submit failed');
      return text(DESK.failed, 'refused');
    }
    if (out.status === 'unchanged') return text(DESK.alreadyOnFile);
    db.stores.receivedFiles.markSubmitted(rec.id, out.reportId, by, now.toISOString());
    log.info({ id: rec.id, reportId: out.reportId, by, org: prepared.value.identity.name, year: prepared.value.year, published }, 'report submitted');
    // The notice is the job's: delivered once per report version and group, also if this fails and the sweep retries.
    await onReportIngested(deps.jobs, out.reportId, now).catch((err: unknown) => log.error({ err, reportId: out.reportId }, 'notice after submit failed'));
    return text(DESK.submitted(prepared.value.identity.name, prepared.value.year, published, out.status === 'replaced'));
  };
}
