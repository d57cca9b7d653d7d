import type { Answer, Core, Incoming } from '../types.js';
import { localDate } from './dates.js';
import { DEFAULT_TIME_ZONE, type CoreDeps } from './deps.js';
import type { ExecContext } from './execute/context.js';
import { execute } from './execute/index.js';
import { isAddressed, isSelf, isStale } from './guards.js';
import { buildOrgIndex, type OrgIndex } from './orgs.js';
import { parseQuestion } from './question.js';
import type { OrgRecord, ReportStore } from './store.js';

export const APOLOGY: Answer = { kind: 'unknown', text: '抱歉，处理这个问题时出了点问题，请稍后再试，或换个说法。', rows: [] };
const TIMEOUT: Answer = { kind: 'unknown', text: '抱歉，这个问题查询时间太长，请缩小范围（例如指定镇和年份）再试。', rows: [] };
const DEFAULT_TIMEOUT_MS = 5000;

/** The question core as adapters, the CLI `ask` command and the HTTP entry use it. */
export interface QuestionCore extends Core {
  /** Answers one question as text; never throws. `now` fixes "today" (CLI `--now`). */
  ask(question: string, now?: Date): Answer;
}

/**
 * The org index is built once per snapshot of the organisation list and rebuilt when it changes
 * (a new organisation ingested, an alias added), checked by a cheap signature on every question.
 */
const indexes = new WeakMap<ReportStore, { signature: string; index: OrgIndex }>();

/**
 * Signatures of organisation lists already seen. The database store hands back the very same
 * array until the database changes, so at national scale (~40,000 organisations) the signature
 * is not built again for every question; a store that builds a new list each time gets a new
 * signature each time, as before.
 */
const signatures = new WeakMap<readonly OrgRecord[], string>();

function signatureOf(orgs: readonly OrgRecord[]): string {
  let signature = signatures.get(orgs);
  if (signature === undefined) {
    signature = `${orgs.length}|${orgs.map((o) => `${o.id}:${o.name}:${o.region ?? ''}:${o.aliases.join(',')}`).join('|')}`;
    signatures.set(orgs, signature);
  }
  return signature;
}

function indexFor(store: ReportStore): OrgIndex {
  const orgs = store.listOrgs();
  const signature = signatureOf(orgs);
  const cached = indexes.get(store);
  if (cached && cached.signature === signature) return cached.index;
  const index = buildOrgIndex(orgs);
  indexes.set(store, { signature, index });
  return index;
}

/** Understands and answers one question against the store. Throws only on store or program errors. */
function answerUnsafe(deps: CoreDeps, question: string, now: Date): Answer {
  const today = localDate(now, deps.timeZone ?? DEFAULT_TIME_ZONE);
  const currentYear = Number(today.slice(0, 4));
  const index = indexFor(deps.store);
  const query = parseQuestion(typeof question === 'string' ? question : '', { index, currentYear, botNames: deps.botNames });
  const ctx: ExecContext = { store: deps.store, index, now, today, currentYear, deadline: deps.deadline, roster: deps.roster };
  return execute(ctx, query);
}

/** Answers one question; an unexpected error becomes a short apology (and a log line). */
export function answerQuestion(deps: CoreDeps, question: string, now?: Date): Answer {
  try {
    return answerUnsafe(deps, question, now ?? deps.now());
  } catch (err) {
    deps.log?.error({ err, question: String(question).slice(0, 200) }, 'question failed');
    return APOLOGY;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createCore(deps: CoreDeps): QuestionCore {
  return {
    ask: (question, now) => answerQuestion(deps, question, now),
    async handleMessage(incoming: Incoming): Promise<Answer | null> {
      const now = deps.now();
      if (isSelf(incoming, deps.selfIds) || !isAddressed(incoming, deps.botNames)) return null;
      if (isStale(incoming, now, deps.staleAfterMs)) return null;
      // The store is synchronous today; the race protects adapters once any step becomes async.
      const work = Promise.resolve().then(() => answerQuestion(deps, incoming.text, now));
      const answer = await withTimeout(work, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, TIMEOUT);
      if (answer === TIMEOUT) deps.log?.warn?.({ chatId: incoming.chatId }, 'question timed out');
      return answer;
    },
  };
}
