import type { Logger } from 'pino';
import { scopeLabel, scopeRegion, type SubscriptionScope, type SubscriptionStore } from '../subscriptions.js';
import type { ChatTarget, Incoming, MessageContext, Transport } from '../types.js';
import { MESSAGES } from './messages.js';
import type { AmbiguousScope, ScopeResolver } from './scope.js';

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

  async function unbind(target: ChatTarget, resolved: SubscriptionScope | AmbiguousScope): Promise<string> {
    // 张家坡镇 needs no county to leave a group bound to one of them, nor one bound before counties were recorded.
    const own = (await deps.subscriptions.list({ target })).filter(
      (s) => s.scope.kind === (resolved.kind === 'region' ? 'region' : 'org') && s.scope.name === resolved.name,
    );
    const same = (region: string | null) => own.find((s) => scopeRegion(s.scope) === region)?.scope;
    const scope: SubscriptionScope | null =
      resolved.kind === 'ambiguous'
        ? own.length === 1
          ? own[0]!.scope
          : null
        : resolved.kind === 'org'
          ? (same(scopeRegion(resolved)) ?? same(null) ?? resolved)
          : resolved;
    if (!scope) return MESSAGES.whichCounty(resolved.name, resolved.kind === 'ambiguous' ? resolved.regions : []);
    const removed = await deps.subscriptions.unsubscribe(target, scope);
    return removed > 0 ? MESSAGES.unsubscribed(scopeLabel(scope)) : MESSAGES.notSubscribed(scopeLabel(scope));
  }

  return async (incoming, ctx, name, add, now) => {
    if (!isChat(incoming.transport)) return MESSAGES.notAChat;
    const allowed = await mayBind(incoming, ctx);
    if (allowed === 'unknown') return MESSAGES.adminUnknown;
    if (!allowed) return MESSAGES.notAdmin;
    const target = { transport: incoming.transport, chatId: incoming.chatId };
    if (!add && !name) return MESSAGES.unsubscribedAll(await deps.subscriptions.unsubscribe(target));
    if (!name) return MESSAGES.subscribeUsage;
    const resolved = await deps.resolveScope(name);
    if (!resolved) return MESSAGES.scopeUnknown(name);
    if (!add) return unbind(target, resolved);
    if (resolved.kind === 'ambiguous') return MESSAGES.whichCounty(resolved.name, resolved.regions);
    const scope = resolved;
    const by = `${incoming.transport}:${incoming.senderId}`;
    const result = await deps.subscriptions.subscribe(target, scope, by, now);
    deps.log.info({ transport: incoming.transport, chatId: incoming.chatId, scope, by, result }, 'subscribe');
    return result === 'added' ? MESSAGES.subscribed(scope) : MESSAGES.alreadySubscribed(scope);
  };
}
