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
      if (!memos.has(key)) memos.set(key, make());
      return memos.get(key) as T;
    },
  };
  snapshots.set(orgs, snapshot);
  return snapshot;
}

/** The org index of the store's current organisation list. */
export const indexFor = (store: ReportStore): OrgIndex => snapshotOf(store).index;
