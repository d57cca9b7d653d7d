import type { Answer, Core, Incoming } from '../types.js';
import type { CoreDeps } from './deps.js';
import { execContext } from './execute/context.js';
import { execute } from './execute/index.js';
import { isAddressed, isSelf, isStale } from './guards.js';
import { snapshotOf } from './snapshot.js';
import { parseQuestion } from './question.js';

export const APOLOGY: Answer = { kind: 'unknown', text: '抱歉，处理这个问题时出了点问题，请稍后再试，或换个说法。', rows: [] };
const TIMEOUT: Answer = { kind: 'unknown', text: '抱歉，这个问题查询时间太长，请缩小范围（例如指定镇和年份）再试。', rows: [] };
const DEFAULT_TIMEOUT_MS = 5000;

/** The question core as adapters, the CLI `ask` command and the HTTP entry use it. */
export interface QuestionCore extends Core {
  /** Answers one question as text; never throws. `now` fixes "today" (CLI `--now`). */
  ask(question: string, now?: Date): Answer;
}

/** Understands and answers one question against the store. Throws only on store or program errors. */
function answerUnsafe(deps: CoreDeps, question: string, now: Date): Answer {
  const ctx = execContext(deps, snapshotOf(deps.store), now);
  const query = parseQuestion(typeof question === 'string' ? question : '', { index: ctx.index, currentYear: ctx.currentYear, botNames: deps.botNames });
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
