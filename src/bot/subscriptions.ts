import type { ChatTarget } from './types.js';

/**
 * Which chats receive which reminders. A town's group is bound to its organisation; a county group
 * is bound to a region and gets all of its towns plus the escalations. db/ implements this over SQLite.
 */

type Awaitable<T> = T | Promise<T>;

/**
 * An organisation is its short name and its county: 张家坡镇 exists in several counties, 城关镇 in
 * hundreds. `region` absent or null: bound before counties were recorded, or without a database to
 * ask (src/jobs/outgoing.ts says when such a binding still holds).
 */
export type SubscriptionScope = { kind: 'org'; name: string; region?: string | null } | { kind: 'region'; name: string };

/** The county of an organisation binding, null for a region binding or one without a county. */
export const scopeRegion = (s: SubscriptionScope): string | null => (s.kind === 'org' ? (s.region ?? null) : null);

/** 沂源县张家坡镇, 张家坡镇, 临清市: how a binding is named to people. */
export const scopeLabel = (s: SubscriptionScope): string => `${scopeRegion(s) ?? ''}${s.name}`;

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
  /**
   * Removes one binding of the chat, or all of them when scope is omitted; returns how many went. An
   * organisation scope with `region` undefined removes that name's bindings in every county.
   */
  unsubscribe(target: ChatTarget, scope?: SubscriptionScope): Awaitable<number>;
  /** Bindings, optionally only those of one chat or of one scope. */
  list(filter?: { target?: ChatTarget; scope?: SubscriptionScope }): Awaitable<Subscription[]>;
}

const sameTarget = (a: ChatTarget, b: ChatTarget) => a.transport === b.transport && a.chatId === b.chatId;
/** `b` as a filter: an organisation scope given without a county matches every county's. */
const sameScope = (a: SubscriptionScope, b: SubscriptionScope) =>
  a.kind === b.kind && a.name === b.name && (b.kind !== 'org' || b.region === undefined || scopeRegion(a) === scopeRegion(b));

/** For tests and the console: forgets everything on restart. */
export function createMemorySubscriptionStore(): SubscriptionStore {
  let rows: Subscription[] = [];
  return {
    subscribe(target, scope, by, at) {
      const exact = (r: Subscription) => sameScope(r.scope, scope) && scopeRegion(r.scope) === scopeRegion(scope);
      if (rows.some((r) => sameTarget(r.target, target) && exact(r))) return 'exists';
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
