import type { FindingCode, OrgKind } from '../../parsing/types.js';
import type { MetricAsk } from './metrics.js';
import type { OrgMention } from './orgs.js';
import type { OrgRecord } from './store.js';
import type { UnknownName } from './unknown-regions.js';
import type { YearSpec } from './years.js';

/** What a question asks, once understood: a tagged union on `kind` (docs/data-contract.md §4 kinds). */

export interface Scope {
  /** Organisations named, in the order the question names them (each resolved to one record). */
  orgs: ResolvedOrg[];
  /** A county or city named without a town (临清市各镇), else null. */
  region: string | null;
  /** The county as typed, when `region` was read from a misprint of it (霍邱县 for 霍丘县 on file). */
  regionTyped?: string;
  /** Kinds of organisation asked about (哪些镇还没交: 镇, 乡, 街道); absent for every kind (lexicon/org-kinds.ts). */
  kinds?: readonly OrgKind[];
  /** Names that look like places but are not on file (李家镇), each with the nearest known names. */
  unknown: UnknownName[];
}

export interface ResolvedOrg {
  org: OrgRecord;
  /** As typed, when it differs from the name on file (康装镇, 张家玻镇). */
  typed: string | null;
}

export type StatusFilter = 'incomplete' | 'late' | 'missing' | 'problems';
export type ReportAspect = 'date' | 'format' | 'original' | 'summary' | 'info_fee' | 'unsupported';
export type HelpReason = 'asked' | 'thanks' | 'empty' | 'too_long' | 'not_understood' | 'out_of_scope' | 'no_more';

export type Query =
  | { kind: 'help'; reason: HelpReason }
  | { kind: 'metric' | 'compare' | 'trend'; scope: Scope; years: YearSpec; metrics: MetricAsk[]; yesNo: boolean; sum?: boolean }
  /** `page`: which ten of the list (「更多」 asks for the next), 0 or absent for the first. */
  | { kind: 'rank'; scope: Scope; years: YearSpec; metric: MetricAsk; order: 'desc' | 'asc'; top: number | null; page?: number }
  /**
   * `overdue`: asked about what is overdue now (谁逾期没交, 哪些镇逾期了), so without a year it is about
   * the last year whose deadline has passed.
   */
  | { kind: 'status'; scope: Scope; years: YearSpec; filter: StatusFilter; overdue?: boolean; page?: number }
  | { kind: 'report'; scope: Scope; years: YearSpec; aspect: ReportAspect; onlyWrong?: boolean }
  | { kind: 'deadline'; scope: Scope; years: YearSpec }
  | { kind: 'clarify'; about: 'org'; mention: OrgMention }
  | { kind: 'clarify'; about: 'metric'; scope: Scope; years: YearSpec }
  | { kind: 'unknown'; names: UnknownName[] }
  /** About the data on file (霍邱县有几个镇, 棉洋镇属于哪个县, 数据库里有几份报告) or what no report holds (镇长是谁). */
  | { kind: 'about'; topic: 'catalogue' | 'towns' | 'region_of' | 'not_in_reports'; scope: Scope; years: YearSpec }
  /** What a finding means and what to change (TRUNCATED_TABLE是什么意思, 勾稽关系不对怎么改). */
  | { kind: 'explain'; codes: FindingCode[] };
