import type { Logger } from 'pino';
import { isAddressed, isFromBot, isStale, isTooLong, MAX_MESSAGE_CHARS, STALE_AFTER_MS } from '../core/guards.js';
import { APOLOGY } from '../core/handle.js';
import { converse, type ConversationStore } from '../conversations.js';
import type { SubscriptionStore } from '../subscriptions.js';
import type { ChatExporter, Core, FileDesk, Incoming, MessageContext, Pipeline, Reply } from '../types.js';
import { createBinder, isChat } from './binding.js';
import { helpText, parseIntent, startText, type Intent } from './commands.js';
import { createMemorySeenUpdates, type SeenUpdates } from './dedupe.js';
import { MESSAGES } from './messages.js';
import { createRateLimiter, DEFAULT_LIMITS, type RateLimiter } from './rate-limit.js';
import { guessScope, type ScopeResolver } from './scope.js';

/**
 * The one way every entry (Telegram, WeChat, console, HTTP) handles a message:
 *   guards: from a bot → not addressed to us → stale → already handled → too long → too fast;
 *   then commands (/help, /subscribe, …); then questions, answered by the core.
 * Entries only translate their platform's message into Incoming and send the Reply.
 */

export interface PipelineDeps {
  core: Core;
  subscriptions: SubscriptionStore;
  /** `telegram:123`, `wechat:wxid_…` (NIANBAO_ADMINS): may bind any chat. */
  admins: readonly string[];
  log: Logger;
  /** "Today" of the answers and the time a binding is recorded with (the service's clock, `--now`). */
  now?: () => Date;
  /** Real time, for how old a message is and how fast someone asks; never `--now`. */
  wallClock?: () => Date;
  /** Updates already handled; must survive restarts in production (db/seen-updates.ts). */
  seen?: SeenUpdates;
  limiter?: RateLimiter;
  maxLength?: number;
  staleAfterMs?: number;
  /** Names the bot is @mentioned by in group text. */
  botNames?: readonly string[];
  resolveScope?: ScopeResolver;
  /** Pre-checks of files and /submit (issue 13); without it a file gets the usual reply to its caption. */
  files?: FileDesk;
  /** /export and 「导出…」: a county's workbook; without it the chat is told it is off. */
  exporter?: ChatExporter;
  /** Each chat's conversation context (follow-ups like 「去年呢」); without it every question stands alone. */
  conversations?: ConversationStore;
}

/** Why a message got no reply. */
type Skip = 'from_bot' | 'not_addressed' | 'stale' | 'duplicate' | 'rate_limited';

const reply = (kind: Reply['kind'], text: string): Reply => ({ kind, text, rows: [] });

type ForUs = Exclude<Intent, { kind: 'otherBot' }>;

/** An unknown bare command in a group is most likely another bot's. */
const isAnotherBotsCommand = (intent: Intent, incoming: Incoming) => intent.kind === 'unknownCommand' && incoming.isGroup && !intent.explicit;

/** The conversation a message belongs to: the entry's own (HTTP: the request's `chat`), else its chat's. */
const conversationKey = (incoming: Incoming, ctx: MessageContext): string | null =>
  ctx.conversation !== undefined ? ctx.conversation : `${incoming.transport}:${incoming.chatId}`;

export function createPipeline(deps: PipelineDeps): Pipeline {
  const today = deps.now ?? (() => new Date());
  const wallClock = deps.wallClock ?? (() => new Date());
  const seen = deps.seen ?? createMemorySeenUpdates();
  const limiter = deps.limiter ?? createRateLimiter({ ...DEFAULT_LIMITS, now: wallClock });
  const maxLength = deps.maxLength ?? MAX_MESSAGE_CHARS;
  const staleAfterMs = deps.staleAfterMs ?? STALE_AFTER_MS;
  const bind = createBinder({ ...deps, resolveScope: deps.resolveScope ?? guessScope });

  async function guarded(incoming: Incoming, ctx: MessageContext): Promise<Reply | Skip> {
    if (isFromBot(incoming)) return 'from_bot';
    if (!isAddressed(incoming, deps.botNames)) return 'not_addressed';
    if (isStale(incoming.receivedAt, wallClock(), staleAfterMs)) return 'stale';
    const intent = parseIntent(incoming.text, ctx.botUsername);
    if (intent.kind === 'otherBot' || isAnotherBotsCommand(intent, incoming)) return 'not_addressed';
    if (ctx.updateKey !== undefined && !(await seen.add(ctx.updateKey))) return 'duplicate';
    if (isTooLong(incoming.text, maxLength)) return reply('refused', MESSAGES.tooLong(maxLength));
    const group = incoming.isGroup ? `${incoming.transport}:${incoming.chatId}` : undefined;
    const decision = limiter.take(`${incoming.transport}:${incoming.senderId}`, group);
    if (!decision.ok) {
      // A chat gets one notice per streak; a request (HTTP) must get a response every time.
      if (!decision.notify && isChat(incoming.transport)) return 'rate_limited';
      return { ...reply('refused', MESSAGES.rateLimited(decision.retryAfterSeconds)), retryAfterSeconds: decision.retryAfterSeconds };
    }
    if (incoming.file && deps.files) return deps.files.receive({ ...incoming, file: incoming.file }, ctx, today());
    return respond(intent, incoming, ctx, today());
  }

  /** The organisations this chat is bound to, so a ranking shows where they stand. */
  async function homeOf(incoming: Incoming): Promise<string[]> {
    const bound = await deps.subscriptions.list({ target: { transport: incoming.transport, chatId: incoming.chatId } });
    return bound.flatMap((s) => (s.scope.kind === 'org' ? [s.scope.name] : []));
  }

  async function respond(intent: ForUs, incoming: Incoming, ctx: MessageContext, now: Date): Promise<Reply> {
    switch (intent.kind) {
      case 'start':
        return reply('help', startText());
      case 'help':
        return reply('help', helpText());
      case 'unknownCommand':
        return reply('command', MESSAGES.unknownCommand(intent.name));
      case 'subscribe':
      case 'unsubscribe':
        return reply('command', await bind(incoming, ctx, intent.name, intent.kind === 'subscribe', now));
      case 'check':
        return reply('help', deps.files ? MESSAGES.checkUsage : MESSAGES.filesOff);
      case 'detail':
        return deps.files ? deps.files.detail(incoming) : reply('command', MESSAGES.filesOff);
      case 'submit':
        return deps.files ? deps.files.submit(incoming, ctx, intent.args, now) : reply('command', MESSAGES.filesOff);
      case 'export':
        return deps.exporter ? deps.exporter.export(intent.args, incoming) : reply('command', MESSAGES.exportOff);
      case 'question':
        if (!intent.text) return reply('help', intent.viaCommand ? MESSAGES.askEmpty : helpText());
        return converse(deps.core, deps.conversations, conversationKey(incoming, ctx), intent.text, now, await homeOf(incoming));
    }
  }

  return {
    async handle(incoming, ctx = {}) {
      const where = { transport: incoming.transport, chatId: incoming.chatId, updateKey: ctx.updateKey };
      try {
        const outcome = await guarded(incoming, ctx);
        if (typeof outcome !== 'string') return outcome;
        if (outcome === 'stale' || outcome === 'duplicate') deps.log.info({ ...where, skipped: outcome }, 'message not answered');
        else deps.log.debug({ ...where, skipped: outcome }, 'message not answered');
        return null;
      } catch (err) {
        deps.log.error({ err, ...where, text: String(incoming.text).slice(0, 200) }, 'message failed');
        return { ...APOLOGY };
      }
    },
  };
}
