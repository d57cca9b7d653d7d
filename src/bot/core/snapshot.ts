import { createOrgIndexer, type OrgIndexer } from './org-index-builder.js';
import type { OrgIndex } from './orgs.js';
import type { OrgRecord, ReportStore } from './store.js';

/**
 * What the question core keeps about one snapshot of a store, from one change of the database to
 * the next: the org index, and what answers over many organisations worked out (a national year of
 * one figure, for rankings). The database store hands back the very same organisation list until
 * the database changes, so that list is the snapshot's identity; a store that builds a new list
 * every time (the tests' memory store) gets a new snapshot every time, and nothing stale is kept.
 */
export interface Snapshot {
  index: OrgIndex;
  /** Worked out once per snapshot: `memo(key, make)` returns what make() returned the first time. */
  memo<T>(key: string, make: () => T): T;
}

/**
 * Answers kept per snapshot, the least recently used forgotten first: a national one holds a figure
 * for each of ~40,000 organisations (a few MB), and a service may run for weeks without a write.
 */
const MEMOS_KEPT = 32;

/** Each store's index, brought up to date as its organisation list changes (org-index-builder.ts). */
const indexers = new WeakMap<ReportStore, OrgIndexer>();
const snapshots = new WeakMap<readonly OrgRecord[], Snapshot>();

export function snapshotOf(store: ReportStore): Snapshot {
  const orgs = store.listOrgs();
  const known = snapshots.get(orgs);
  if (known) return known;
  let indexer = indexers.get(store);
  if (!indexer) indexers.set(store, (indexer = createOrgIndexer()));
  const index = indexer.update(orgs);
  const memos = new Map<string, unknown>();
  const snapshot: Snapshot = {
    index,
    memo<T>(key: string, make: () => T): T {
      if (memos.has(key)) {
        // Most recently used last: the first one is the one to forget.
        const value = memos.get(key) as T;
        memos.delete(key);
        memos.set(key, value);
        return value;
      }
      const value = make();
      memos.set(key, value);
      if (memos.size > MEMOS_KEPT) memos.delete(memos.keys().next().value!);
      return value;
    },
  };
  snapshots.set(orgs, snapshot);
  return snapshot;
}

/** The org index of the store's current organisation list. */
export const indexFor = (store: ReportStore): OrgIndex => snapshotOf(store).index;
