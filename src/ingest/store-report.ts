import type { DbHandle } from '../../db/client.js';
import type { Finding } from '../parsing/types.js';
import { checkChanged } from './changed-check.js';
import { checkAgainstPreviousYear, checkAgainstSibling, PAIR_CODES } from './cross-checks.js';
import { resolveOrg } from './org-repo.js';
import type { PreparedReport } from './prepare.js';

export type StoreOutcome =
  | { status: 'stored' | 'replaced'; reportId: number; orgId: number; findings: Finding[] }
  | { status: 'unchanged'; reportId: number }
  /** Kept as a version beside the current one, which stays current: it holds far fewer figures. */
  | { status: 'held'; reportId: number; orgId: number; currentId: number; figures: number; currentFigures: number };

export interface StoreOptions {
  /** ISO time recorded as ingested_at. */
  ingestedAt: string;
  /** Runs inside the transaction just before it commits; a throw rolls the whole report back (tests inject failures here). */
  beforeCommit?: (file: string) => void;
  /** Make the new version current even when it holds far fewer figures than the current one. */
  replaceWorse?: boolean;
}

/** Figures a report states (table cells and prose, blanks not counted). */
const figureCount = (metrics: Readonly<Record<string, unknown>>): number => Object.values(metrics).filter((v) => v !== null && v !== undefined).length;

/**
 * A new version that would replace a fuller one with far less (a page whose tables did not load, a
 * draft with only headings) is not made current on its own say: fewer than half the figures of a
 * current version that has at least MIN_FIGURES.
 */
const MIN_FIGURES = 10;
const isMuchWorse = (figures: number, currentFigures: number) => currentFigures >= MIN_FIGURES && figures * 2 < currentFigures;

/**
 * Writes one parsed report in one transaction: the organisation, the new version (retiring the
 * old one), its sections, metrics and findings, and the findings that compare it with the reports
 * around it, which are recomputed on those reports too. BEGIN IMMEDIATE takes the write lock at
 * once, so a second process waits (busy_timeout) instead of failing halfway, and the "already on
 * file?" question is answered under the lock.
 */
export function storeReport(handle: DbHandle, p: PreparedReport, options: StoreOptions): StoreOutcome {
  const { versions, findings, orgs } = handle.stores;
  return handle.immediate((): StoreOutcome => {
    const same = versions.byHash(p.contentHash);
    if (same) return { status: 'unchanged', reportId: same.id };

    const orgId = resolveOrg(orgs, p.identity, options.ingestedAt);
    const previous = versions.current(orgId, p.year);
    if (previous && !options.replaceWorse) {
      const figures = figureCount(p.report.metrics);
      const currentFigures = figureCount(versions.facts(previous.id).metrics);
      if (isMuchWorse(figures, currentFigures)) {
        const reportId = versions.insert(p, orgId, versions.nextVersionNumber(orgId, p.year), options.ingestedAt, false);
        options.beforeCommit?.(p.file);
        return { status: 'held', reportId, orgId, currentId: previous.id, figures, currentFigures };
      }
    }
    if (previous) versions.retire(previous.id);
    const reportId = versions.insert(p, orgId, versions.nextVersionNumber(orgId, p.year), options.ingestedAt);
    const facts = versions.writtenFacts(reportId, p, options.ingestedAt);
    const raised: Finding[] = [];
    const raise = (list: Finding[], related: number) => {
      findings.insert(reportId, list, 'ingest', related);
      raised.push(...list);
    };

    if (previous) raise([checkChanged(versions.facts(previous.id), facts)], previous.id);

    const lastYear = versions.current(orgId, p.year - 1);
    if (lastYear) raise(checkAgainstPreviousYear(versions.facts(lastYear.id), facts), lastYear.id);

    // A report that arrives late (or is corrected) changes what next year's report is checked against.
    const nextYear = versions.current(orgId, p.year + 1);
    if (nextYear) {
      findings.deleteAbout(nextYear.id, orgId, p.year, PAIR_CODES);
      findings.insert(nextYear.id, checkAgainstPreviousYear(facts, versions.facts(nextYear.id)), 'ingest', reportId);
    }

    // Without a known region there is no telling which towns are neighbours.
    const region = orgs.region(orgId);
    if (region !== null) {
      for (const siblingId of versions.siblings(orgId, region, p.year)) {
        const sibling = versions.facts(siblingId);
        raise(checkAgainstSibling(sibling, facts), siblingId);
        findings.deleteAbout(siblingId, orgId, p.year, PAIR_CODES);
        findings.insert(siblingId, checkAgainstSibling(facts, sibling), 'ingest', reportId);
      }
    }

    options.beforeCommit?.(p.file);
    return { status: previous ? 'replaced' : 'stored', reportId, orgId, findings: raised };
  });
}
