import type { Answer, ChatContext, Core } from '../types.js';
import { asConversation, type Conversation } from './conversation.js';
import type { CoreDeps } from './deps.js';
import { execContext } from './execute/context.js';
import { chartOf, DRAW_CUE } from './chart-spec.js';
import { execute } from './execute/index.js';
import { fitOneMessage } from './execute/paging.js';
import { snapshotOf } from './snapshot.js';
import { parseTurn } from './question.js';

/** The one apology, for anything unexpected on the way to an answer (the core here, the pipeline around it). */
export const APOLOGY: Answer = { kind: 'unknown', text: '抱歉，处理这个问题时出了点问题，请稍后再试，或换个说法。', rows: [] };

/** The question core as the message pipeline, the CLI `ask` command and the tests use it. */
export type QuestionCore = Required<Core>;

export interface TurnResult {
  answer: Answer;
  /** The context for the next turn of the conversation; null when there is none to keep. */
  context: Conversation | null;
}

/** Understands and answers one question against the store. Throws only on store or program errors. */
function answerUnsafe(deps: CoreDeps, question: string, now: Date, previous: Conversation | null, home: readonly string[]): TurnResult {
  const ctx = { ...execContext(deps, snapshotOf(deps.store), now), home };
  const parse = { index: ctx.index, currentYear: ctx.currentYear, botNames: deps.botNames };
  question = typeof question === 'string' ? question : '';
  const { query, next } = parseTurn(question, parse, previous);
  const answer = execute(ctx, query);
  const chart = chartOf(answer, DRAW_CUE.test(question));
  return { answer: { ...answer, text: fitOneMessage(answer.text), ...(chart ? { chart } : {}) }, context: next };
}

/** Answers one turn of a conversation; an unexpected error becomes a short apology and keeps the last context. */
export function answerTurn(
  deps: CoreDeps,
  question: string,
  previous: ChatContext | Conversation | null,
  now?: Date,
  home: readonly string[] = [],
): TurnResult {
  try {
    return answerUnsafe(deps, question, now ?? deps.now(), asConversation(previous), home);
  } catch (err) {
    deps.log?.error({ err, question: String(question).slice(0, 200) }, 'question failed');
    return { answer: APOLOGY, context: asConversation(previous) };
  }
}

/** Answers one question on its own; an unexpected error becomes a short apology (and a log line). */
export function answerQuestion(deps: CoreDeps, question: string, now?: Date): Answer {
  return answerTurn(deps, question, null, now).answer;
}

/**
 * No time limit is put on an answer: answering is synchronous on this thread, so a timer could only
 * fire after the answer is done. What bounds an answer is the length guard on questions and the
 * indexes the store keeps; `npm run bench` measures it at national scale.
 */
export function createCore(deps: CoreDeps): QuestionCore {
  return {
    ask: (question, now) => answerQuestion(deps, question, now),
    turn: (question, previous, now, home) => answerTurn(deps, question, previous, now, home),
  };
}
