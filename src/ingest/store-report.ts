import type { DbHandle } from '../../db/client.js';
import type { Finding } from '../parsing/types.js';
import { checkChanged } from './changed-check.js';
import { checkAgainstPreviousYear, checkAgainstSibling, PAIR_CODES } from './cross-checks.js';
import { resolveOrg } from './org-repo.js';
import type { PreparedReport } from './prepare.js';
import {
  currentVersion,
  deleteFindingsAbout,
  findByHash,
  insertFindings,
  insertVersion,
  loadFacts,
  loadWrittenFacts,
  nextVersionNumber,
  orgRegion,
  retire,
  siblingReports,
} from './report-repo.js';

export type StoreOutcome =
  | { status: 'stored' | 'replaced'; reportId: number; orgId: number; findings: Finding[] }
  | { status: 'unchanged'; reportId: number };

export interface StoreOptions {
  /** ISO time recorded as ingested_at. */
  ingestedAt: string;
  /** Runs inside the transaction just before it commits; a throw rolls the whole report back (tests inject failures here). */
  beforeCommit?: (file: string) => void;
}

/**
 * Writes one parsed report in one transaction: the organisation, the new version (retiring the
 * old one), its sections, metrics and findings, and the findings that compare it with the reports
 * around it, which are recomputed on those reports too. BEGIN IMMEDIATE takes the write lock at
 * once, so a second process waits (busy_timeout) instead of failing halfway, and the "already on
 * file?" question is answered under the lock.
 */
export function storeReport(handle: DbHandle, p: PreparedReport, options: StoreOptions): StoreOutcome {
  const { db, sqlite } = handle;
  const write = sqlite.transaction((): StoreOutcome => {
    const same = findByHash(db, p.contentHash);
    if (same) return { status: 'unchanged', reportId: same.id };

    const orgId = resolveOrg(db, p.identity, options.ingestedAt);
    const previous = currentVersion(db, orgId, p.year);
    if (previous) retire(db, previous.id);
    const reportId = insertVersion(db, p, orgId, nextVersionNumber(db, orgId, p.year), options.ingestedAt);
    const facts = loadWrittenFacts(db, reportId, p, options.ingestedAt);
    const raised: Finding[] = [];
    const raise = (list: Finding[], related: number) => {
      insertFindings(db, reportId, list, 'ingest', related);
      raised.push(...list);
    };

    if (previous) raise([checkChanged(loadFacts(db, previous.id), facts)], previous.id);

    const lastYear = currentVersion(db, orgId, p.year - 1);
    if (lastYear) raise(checkAgainstPreviousYear(loadFacts(db, lastYear.id), facts), lastYear.id);

    // A report that arrives late (or is corrected) changes what next year's report is checked against.
    const nextYear = currentVersion(db, orgId, p.year + 1);
    if (nextYear) {
      deleteFindingsAbout(db, nextYear.id, orgId, p.year, PAIR_CODES);
      insertFindings(db, nextYear.id, checkAgainstPreviousYear(facts, loadFacts(db, nextYear.id)), 'ingest', reportId);
    }

    // Without a known region there is no telling which towns are neighbours.
    const region = orgRegion(db, orgId);
    if (region !== null) {
      for (const siblingId of siblingReports(db, orgId, region, p.year)) {
        const sibling = loadFacts(db, siblingId);
        raise(checkAgainstSibling(sibling, facts), siblingId);
        deleteFindingsAbout(db, siblingId, orgId, p.year, PAIR_CODES);
        insertFindings(db, siblingId, checkAgainstSibling(facts, sibling), 'ingest', reportId);
      }
    }

    options.beforeCommit?.(p.file);
    return { status: previous ? 'replaced' : 'stored', reportId, orgId, findings: raised };
  });
  return write.immediate();
}
