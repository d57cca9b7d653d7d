import { CODE_TITLE } from '../../parsing/checks/messages.js';
import { FINDING_CODES, type FindingCode } from '../../parsing/types.js';
import { CATALOGUE_COUNT_CUE, EXPLAIN_CUE, FINDING_WORDS, NOT_IN_REPORTS_CUE, REGION_OF_CUE, TOWNS_OF_CUE } from './lexicon/about.js';
import { STATUS_INCOMPLETE_CUE, STATUS_LATE_CUE, STATUS_MISSING_CUE, STATUS_PROBLEM_CUE } from './lexicon/kinds.js';
import type { MetricAsk } from './metrics.js';
import type { Query, Scope } from './query.js';
import type { Slots } from './slots.js';

/** Questions about the data itself (霍邱县有几个镇, 数据库里有几份报告) and about what a finding means. */

/** The findings a question names, by code (truncated_table), by title (表三勾稽关系不平) or in everyday words. */
function findingsNamed(text: string): FindingCode[] {
  const found = new Set<FindingCode>();
  for (const code of FINDING_CODES) if (text.includes(code.toLowerCase())) found.add(code);
  for (const code of FINDING_CODES) if (text.includes(CODE_TITLE[code])) found.add(code);
  if (found.size === 0) for (const [re, code] of FINDING_WORDS) if (re.test(text)) found.add(code);
  return [...found];
}

/** 「TRUNCATED_TABLE是什么意思」「勾稽关系不对怎么改」: read on the whole normalized question, before any slot. */
export function explainQuery(normalized: string): Query | null {
  if (!EXPLAIN_CUE.test(normalized)) return null;
  const codes = findingsNamed(normalized);
  return codes.length > 0 ? { kind: 'explain', codes: codes.slice(0, 3) } : null;
}

const asksStatus = (rest: string) =>
  STATUS_MISSING_CUE.test(rest) || STATUS_LATE_CUE.test(rest) || STATUS_INCOMPLETE_CUE.test(rest) || STATUS_PROBLEM_CUE.test(rest);

/** A question about the data on file rather than about a report's figures, or null. */
export function aboutQuery(slots: Slots, scope: Scope, metrics: MetricAsk[]): Query | null {
  if (metrics.length > 0) return null;
  const { rest, years } = slots;
  const named = scope.orgs.length > 0;
  if (NOT_IN_REPORTS_CUE.test(rest)) return { kind: 'about', topic: 'not_in_reports', scope, years };
  if (named && REGION_OF_CUE.test(rest)) return { kind: 'about', topic: 'region_of', scope, years };
  if (named || asksStatus(rest)) return null;
  if (TOWNS_OF_CUE.test(rest)) return { kind: 'about', topic: 'towns', scope, years };
  if (CATALOGUE_COUNT_CUE.test(rest)) return { kind: 'about', topic: 'catalogue', scope, years };
  return null;
}
