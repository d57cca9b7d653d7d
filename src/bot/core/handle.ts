import type { Answer, Core } from '../types.js';
import { localDate } from './dates.js';
import { DEFAULT_TIME_ZONE, type CoreDeps } from './deps.js';
import type { ExecContext } from './execute/context.js';
import { execute } from './execute/index.js';
import { buildOrgIndex, type OrgIndex } from './orgs.js';
import { parseQuestion } from './question.js';
import type { OrgRecord, ReportStore } from './store.js';

/** The one apology, for anything unexpected on the way to an answer (the core here, the pipeline around it). */
export const APOLOGY: Answer = { kind: 'unknown', text: '抱歉，处理这个问题时出了点问题，请稍后再试，或换个说法。', rows: [] };

/** The question core as the message pipeline, the CLI `ask` command and the tests use it. */
export type QuestionCore = Core;

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

/**
 * No time limit is put on an answer: answering is synchronous on this thread, so a timer could only
 * fire after the answer is done. What bounds an answer is the length guard on questions and the
 * indexes the store keeps; `npm run bench` measures it at national scale.
 */
export function createCore(deps: CoreDeps): QuestionCore {
  return { ask: (question, now) => answerQuestion(deps, question, now) };
}
