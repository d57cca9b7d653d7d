import type { ChatTarget } from './types.js';

/**
 * Which chats receive which reminders. A town's group is bound to its organisation; a county group
 * is bound to a region and gets all of its towns plus the escalations. db/ implements this over SQLite.
 */

type Awaitable<T> = T | Promise<T>;

export type SubscriptionScope = { kind: 'org'; name: string } | { kind: 'region'; name: string };

export interface Subscription {
  target: ChatTarget;
  scope: SubscriptionScope;
  /** Who bound it, as `<transport>:<userId>`. */
  by: string;
  at: Date;
}

export interface SubscriptionStore {
  /** Binds a chat to a scope; binding the same pair again changes nothing. */
  subscribe(target: ChatTarget, scope: SubscriptionScope, by: string, at: Date): Awaitable<'added' | 'exists'>;
  /** Removes one binding of the chat, or all of them when scope is omitted; returns how many went. */
  unsubscribe(target: ChatTarget, scope?: SubscriptionScope): Awaitable<number>;
  /** Bindings, optionally only those of one chat or of one scope. */
  list(filter?: { target?: ChatTarget; scope?: SubscriptionScope }): Awaitable<Subscription[]>;
}

const sameTarget = (a: ChatTarget, b: ChatTarget) => a.transport === b.transport && a.chatId === b.chatId;
const sameScope = (a: SubscriptionScope, b: SubscriptionScope) => a.kind === b.kind && a.name === b.name;

/** For tests and the console: forgets everything on restart. */
export function createMemorySubscriptionStore(): SubscriptionStore {
  let rows: Subscription[] = [];
  return {
    subscribe(target, scope, by, at) {
      if (rows.some((r) => sameTarget(r.target, target) && sameScope(r.scope, scope))) return 'exists';
      rows.push({ target: { ...target }, scope: { ...scope }, by, at });
      return 'added';
    },
    unsubscribe(target, scope) {
      const before = rows.length;
      rows = rows.filter((r) => !(sameTarget(r.target, target) && (!scope || sameScope(r.scope, scope))));
      return before - rows.length;
    },
    list(filter = {}) {
      return rows
        .filter((r) => (!filter.target || sameTarget(r.target, filter.target)) && (!filter.scope || sameScope(r.scope, filter.scope)))
        .map((r) => ({ ...r, target: { ...r.target }, scope: { ...r.scope } }));
    },
  };
}
