import { and, asc, eq } from 'drizzle-orm';
import type { Subscription, SubscriptionScope, SubscriptionStore } from '../src/bot/subscriptions.js';
import type { ChatTarget } from '../src/bot/types.js';
import { subscriptions } from './schema/index.js';
import type { Connection } from './stores.js';

/** An organisation binding's county (src/bot/subscriptions.ts scopeRegion; db/ takes only types from src). */
const scopeRegion = (s: SubscriptionScope): string | null => (s.kind === 'org' ? (s.region ?? null) : null);

const targetWhere = (t: ChatTarget) => and(eq(subscriptions.transport, t.transport), eq(subscriptions.chatId, t.chatId));
const scopeWhere = (s: SubscriptionScope) =>
  and(
    eq(subscriptions.scopeKind, s.kind),
    eq(subscriptions.scopeName, s.name),
    s.kind === 'org' && s.region === undefined ? undefined : eq(subscriptions.scopeRegionKey, scopeRegion(s) ?? ''),
  );

/** The SubscriptionStore interface, answered synchronously (better-sqlite3). */
export interface SqliteSubscriptionStore extends SubscriptionStore {
  subscribe(target: ChatTarget, scope: SubscriptionScope, by: string, at: Date): 'added' | 'exists';
  unsubscribe(target: ChatTarget, scope?: SubscriptionScope): number;
  list(filter?: { target?: ChatTarget; scope?: SubscriptionScope }): Subscription[];
}

/** The chat bindings over SQLite (src/bot/subscriptions.ts); survives restarts, shared by all processes. */
export function createSubscriptionStore(c: Connection): SqliteSubscriptionStore {
  const { db } = c;
  return {
    subscribe(target, scope, by, at) {
      const res = db
        .insert(subscriptions)
        .values({
          transport: target.transport,
          chatId: target.chatId,
          scopeKind: scope.kind,
          scopeName: scope.name,
          scopeRegion: scopeRegion(scope),
          boundBy: by,
          boundAt: at.toISOString(),
        })
        .onConflictDoNothing()
        .run();
      return res.changes === 1 ? 'added' : 'exists';
    },
    unsubscribe(target, scope) {
      return db
        .delete(subscriptions)
        .where(and(targetWhere(target), scope ? scopeWhere(scope) : undefined))
        .run().changes;
    },
    list(filter = {}) {
      return db
        .select()
        .from(subscriptions)
        .where(and(filter.target ? targetWhere(filter.target) : undefined, filter.scope ? scopeWhere(filter.scope) : undefined))
        .orderBy(asc(subscriptions.id))
        .all()
        .map((r): Subscription => ({
          target: { transport: r.transport, chatId: r.chatId },
          scope: r.scopeKind === 'org' ? { kind: 'org', name: r.scopeName, region: r.scopeRegion } : { kind: 'region', name: r.scopeName },
          by: r.boundBy,
          at: new Date(r.boundAt),
        }));
    },
  };
}
