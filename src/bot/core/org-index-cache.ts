import { createOrgIndexer, type OrgIndexer } from './org-index-builder.js';
import type { OrgIndex } from './orgs.js';
import type { OrgRecord, ReportStore } from './store.js';

/**
 * The org index of each store, kept between questions and brought up to date when the store's
 * organisation list changes (a new organisation ingested, an alias added): only what changed is
 * worked out again (org-index-builder.ts).
 */
const indexers = new WeakMap<ReportStore, OrgIndexer>();

/**
 * The index last made from each organisation list. The database store hands back the very same
 * array until the database changes, so most questions do not even compare the list.
 */
const byList = new WeakMap<readonly OrgRecord[], OrgIndex>();

export function indexFor(store: ReportStore): OrgIndex {
  const orgs = store.listOrgs();
  const known = byList.get(orgs);
  if (known) return known;
  let indexer = indexers.get(store);
  if (!indexer) indexers.set(store, (indexer = createOrgIndexer()));
  const index = indexer.update(orgs);
  byList.set(orgs, index);
  return index;
}
