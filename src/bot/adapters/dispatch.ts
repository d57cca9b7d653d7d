import type { SeenUpdates } from './dedupe.js';
import type { Logger } from 'pino';
import type { SubscriptionScope, SubscriptionStore } from '../subscriptions.js';
import type { Core, Incoming } from '../types.js';
import { helpText, parseIntent, startText } from './commands.js';
import { createRateLimiter, DEFAULT_LIMITS, type RateLimiter } from './rate-limit.js';
import { guessScope, type ScopeResolver } from './scope.js';

/**
 * What every chat adapter does with a message addressed to the bot: commands, permission checks,
 * rate limits, then the core. Adapters only translate platform messages and send the reply text.
 */

export interface DispatchDeps {
  core: Core;
  subscriptions: SubscriptionStore;
  /** `telegram:123`, `wechat:wxid_…` (NIANBAO_ADMINS): may bind any chat. */
  admins: readonly string[];
  log: Logger;
  now?: () => Date;
  limiter?: RateLimiter;
  maxQuestionLength?: number;
  resolveScope?: ScopeResolver;
}

/** What both chat adapters take besides their own platform settings. */
export interface AdapterOptions extends Omit<DispatchDeps, 'admins'> {
  seen: SeenUpdates;
  /** Messages older than this when they arrive are not answered (sent while the bot was down). */
  maxAgeMs?: number;
}

export interface MessageContext {
  botUsername?: string;
  /** Asked only when someone tries to bind, because it may cost a platform call. */
  isGroupAdmin: () => Promise<boolean>;
}

export type Dispatch = (incoming: Incoming, ctx: MessageContext) => Promise<string | null>;

export const DEFAULT_MAX_QUESTION_LENGTH = 300;

export const MESSAGES = {
  askEmpty: '请在 /ask 后面写上问题，例如：/ask 康庄镇2020年依申请公开多少件',
  tooLong: (max: number) => `问题太长了（最多 ${max} 个字），请精简后再问。`,
  rateLimited: (s: number) => `提问有点快了，请 ${s} 秒后再问。`,
  unknownCommand: (name: string) => `不认识命令 /${name}，发送 /help 查看可用的命令。`,
  coreFailed: '抱歉，处理这个问题时出错了，请稍后再试。',
  notAdmin: '抱歉，只有本群的管理员（或系统配置的管理员）才能绑定或解除绑定，本群的设置没有改变。',
  adminUnknown: '暂时无法确认您的管理员身份，请稍后再试，本群的设置没有改变。',
  subscribeUsage: '请写上要绑定的镇名或县名，例如：/subscribe 康庄镇 或 /subscribe 霍邱县',
  scopeUnknown: (name: string) => `没有找到「${name}」，请写完整的镇名或县名。`,
  subscribed: (s: SubscriptionScope) =>
    s.kind === 'org' ? `已绑定：本群将收到 ${s.name} 的催报提醒和通知。` : `已绑定：本群将收到 ${s.name} 所有乡镇的提醒和逾期升级通知。`,
  alreadySubscribed: (s: SubscriptionScope) => `本群已经绑定了 ${s.name}，无需重复绑定。`,
  unsubscribed: (name: string) => `已解除本群与 ${name} 的绑定。`,
  unsubscribedAll: (n: number) => (n > 0 ? `已解除本群的全部 ${n} 个绑定。` : '本群目前没有任何绑定。'),
  notSubscribed: (name: string) => `本群没有绑定 ${name}。`,
} as const;

export function createDispatcher(deps: DispatchDeps): Dispatch {
  const now = deps.now ?? (() => new Date());
  const limiter = deps.limiter ?? createRateLimiter({ ...DEFAULT_LIMITS, now });
  const maxLength = deps.maxQuestionLength ?? DEFAULT_MAX_QUESTION_LENGTH;
  const resolveScope = deps.resolveScope ?? guessScope;

  async function mayBind(incoming: Incoming, ctx: MessageContext): Promise<boolean | 'unknown'> {
    if (deps.admins.includes(`${incoming.transport}:${incoming.senderId}`)) return true;
    if (!incoming.isGroup) return false;
    try {
      return await ctx.isGroupAdmin();
    } catch (err) {
      deps.log.warn({ err, transport: incoming.transport, chatId: incoming.chatId }, 'admin check failed');
      return 'unknown';
    }
  }

  async function bind(incoming: Incoming, ctx: MessageContext, name: string, add: boolean): Promise<string> {
    const allowed = await mayBind(incoming, ctx);
    if (allowed === 'unknown') return MESSAGES.adminUnknown;
    if (!allowed) return MESSAGES.notAdmin;
    const target = { transport: incoming.transport, chatId: incoming.chatId };
    if (!add && !name) return MESSAGES.unsubscribedAll(await deps.subscriptions.unsubscribe(target));
    if (!name) return MESSAGES.subscribeUsage;
    const scope = await resolveScope(name);
    if (!scope) return MESSAGES.scopeUnknown(name);
    if (!add) {
      const removed = await deps.subscriptions.unsubscribe(target, scope);
      return removed > 0 ? MESSAGES.unsubscribed(scope.name) : MESSAGES.notSubscribed(scope.name);
    }
    const by = `${incoming.transport}:${incoming.senderId}`;
    const result = await deps.subscriptions.subscribe(target, scope, by, now());
    deps.log.info({ transport: incoming.transport, chatId: incoming.chatId, scope, by, result }, 'subscribe');
    return result === 'added' ? MESSAGES.subscribed(scope) : MESSAGES.alreadySubscribed(scope);
  }

  async function ask(incoming: Incoming, text: string): Promise<string | null> {
    if ([...text].length > maxLength) return MESSAGES.tooLong(maxLength);
    const decision = limiter.take(`${incoming.transport}:${incoming.senderId}`, incoming.isGroup ? `${incoming.transport}:${incoming.chatId}` : undefined);
    if (!decision.ok) return decision.notify ? MESSAGES.rateLimited(decision.retryAfterSeconds) : null;
    try {
      const answer = await deps.core.handleMessage({ ...incoming, text });
      return answer?.text || null;
    } catch (err) {
      deps.log.error({ err, transport: incoming.transport, chatId: incoming.chatId, question: text }, 'core failed');
      return MESSAGES.coreFailed;
    }
  }

  return async (incoming, ctx) => {
    const intent = parseIntent(incoming.text, ctx.botUsername);
    switch (intent.kind) {
      case 'start':
        return startText();
      case 'help':
        return helpText();
      case 'otherBot':
        return null;
      case 'unknownCommand':
        return !incoming.isGroup || intent.explicit ? MESSAGES.unknownCommand(intent.name) : null;
      case 'subscribe':
      case 'unsubscribe':
        return bind(incoming, ctx, intent.name, intent.kind === 'subscribe');
      case 'question':
        if (!intent.text) return intent.viaCommand ? MESSAGES.askEmpty : helpText();
        return ask(incoming, intent.text);
    }
  };
}
