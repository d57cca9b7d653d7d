import type { Logger } from 'pino';
import type { SubscriptionStore } from '../subscriptions.js';
import type { Incoming, MessageContext, Transport } from '../types.js';
import { MESSAGES } from './messages.js';
import type { ScopeResolver } from './scope.js';

/**
 * /subscribe and /unsubscribe: who may bind a chat, and binding it. The sender may if NIANBAO_ADMINS
 * lists them, or if the entry says they administer the chat (a group's administrators, a WeChat room's
 * owner, the operator at the console). The HTTP entry answers requests and is not a chat: no notice
 * could reach it, so binding it is refused whoever asks.
 */

const NOT_CHATS: ReadonlySet<Transport> = new Set(['http']);

/** Whether notices can be delivered to this entry's chats, and so whether a reply may ever be withheld. */
export const isChat = (transport: Transport): boolean => !NOT_CHATS.has(transport);

export interface BindingDeps {
  subscriptions: SubscriptionStore;
  /** `telegram:123`, `wechat:wxid_…` (NIANBAO_ADMINS): may bind any chat. */
  admins: readonly string[];
  resolveScope: ScopeResolver;
  log: Logger;
}

export type Bind = (incoming: Incoming, ctx: MessageContext, name: string, add: boolean, now: Date) => Promise<string>;

export function createBinder(deps: BindingDeps): Bind {
  async function mayBind(incoming: Incoming, ctx: MessageContext): Promise<boolean | 'unknown'> {
    if (deps.admins.includes(`${incoming.transport}:${incoming.senderId}`)) return true;
    if (!ctx.isChatAdmin) return false;
    try {
      return await ctx.isChatAdmin();
    } catch (err) {
      deps.log.warn({ err, transport: incoming.transport, chatId: incoming.chatId }, 'admin check failed');
      return 'unknown';
    }
  }

  return async (incoming, ctx, name, add, now) => {
    if (!isChat(incoming.transport)) return MESSAGES.notAChat;
    const allowed = await mayBind(incoming, ctx);
    if (allowed === 'unknown') return MESSAGES.adminUnknown;
    if (!allowed) return MESSAGES.notAdmin;
    const target = { transport: incoming.transport, chatId: incoming.chatId };
    if (!add && !name) return MESSAGES.unsubscribedAll(await deps.subscriptions.unsubscribe(target));
    if (!name) return MESSAGES.subscribeUsage;
    const scope = await deps.resolveScope(name);
    if (!scope) return MESSAGES.scopeUnknown(name);
    if (!add) {
      const removed = await deps.subscriptions.unsubscribe(target, scope);
      return removed > 0 ? MESSAGES.unsubscribed(scope.name) : MESSAGES.notSubscribed(scope.name);
    }
    const by = `${incoming.transport}:${incoming.senderId}`;
    const result = await deps.subscriptions.subscribe(target, scope, by, now);
    deps.log.info({ transport: incoming.transport, chatId: incoming.chatId, scope, by, result }, 'subscribe');
    return result === 'added' ? MESSAGES.subscribed(scope) : MESSAGES.alreadySubscribed(scope);
  };
}
