import type { Finding } from '../parsing/types.js';
import { checkCarry } from './carry-check.js';
import { checkDuplicate } from './duplicate-check.js';
import type { ReportFacts } from './facts.js';
import { checkStock } from './stock-check.js';

/** Codes whose findings compare two reports and are recomputed when either changes. */
export const PAIR_CODES = ['CARRY_MISMATCH', 'STOCK_MISMATCH', 'DUPLICATE_CONTENT'] as const;

/** Everything `cur` is checked for against the same organisation's report of the year before. */
export function checkAgainstPreviousYear(prev: ReportFacts, cur: ReportFacts): Finding[] {
  const dup = checkDuplicate(prev, cur, 'previous-year');
  return [...checkCarry(prev, cur), ...checkStock(prev, cur), ...(dup ? [dup] : [])];
}

/** `cur` checked against another organisation's report of the same year and region. */
export function checkAgainstSibling(sibling: ReportFacts, cur: ReportFacts): Finding[] {
  const dup = checkDuplicate(sibling, cur, 'sibling');
  return dup ? [dup] : [];
}
