import { keysOf, metricInfo, SYNONYMS, type ConceptId } from '../../../catalog/index.js';

/**
 * How people name each figure of a report: the catalog's synonyms (docs/domain.md §5), in its order of
 * precedence, after two things a question can ask that are not figures. Order matters: earlier, more
 * specific phrases use up the words they match. A weak cue counts only when no strong cue matched
 * anywhere in the question.
 */

export type Family = 't2' | 't3' | 't4' | 'prose' | 'info_fee' | 'unsupported';

export interface Concept {
  /** A row of a table (`applications.new`, `active.penalty`, `review`), a prose figure, or not a figure. */
  id: ConceptId | 'info_fee' | 'unsupported';
  family: Family;
  strong: RegExp;
  weak?: RegExp;
}

const FAMILY = { 表二: 't2', 表三: 't3', 表四: 't4', prose: 'prose' } as const;

function familyOf(id: ConceptId): Family {
  const first = keysOf(id)[0];
  if (!first) throw new Error(`catalog: synonyms for ${id}, which has no metric`);
  return FAMILY[metricInfo(first)!.table];
}

/** The name of the document itself, which says nothing about which figure is asked. */
export const REPORT_NAME = /(?:政府)?信息公开(?:工作)?(?:年度报告|年报)|政府信息公开工作|年度报告|年报/;

export const CONCEPTS: readonly Concept[] = [
  { id: 'info_fee', family: 'info_fee', strong: /信息处理费|处理费/ },
  // Facts only the prose states, which are not extracted: said so rather than guessed.
  {
    id: 'unsupported',
    family: 'unsupported',
    strong: /人大建议|政协提案|建议提案|(?<!\d)12345(?!\d)|热线|三公经费|预决算|预算|决算|培训|公众号|微信号|阅读量|政策解读|公开栏|满意率|信箱/,
  },

  ...SYNONYMS.map(([id, cues]) => ({ id, family: familyOf(id), ...cues })),
];
