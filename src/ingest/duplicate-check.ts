import { finding } from '../parsing/checks/finding.js';
import { SECTION_TITLE } from '../parsing/checks/messages.js';
import type { Finding, SectionKey } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';
import { textSimilarity } from './similarity.js';

/** The parts written in prose; the tables are expected to look alike. */
export const PROSE_SECTIONS: readonly SectionKey[] = ['overview', 'problems', 'other'];

/** 内容雷同 means copied: ordinary reports of neighbouring towns share far less than this. */
export const DUPLICATE_THRESHOLD = 0.9;

export type DuplicateRelation = 'previous-year' | 'sibling';

/**
 * DUPLICATE_CONTENT on `cur` when one or more of its prose parts is nearly the same text as in
 * `other`: the same organisation's report of the year before, or another organisation's report of
 * the same year and region.
 */
export function checkDuplicate(other: ReportFacts, cur: ReportFacts, relation: DuplicateRelation): Finding | null {
  const names = [cur, other].flatMap((f) => [f.name, f.name.replace(/(镇|乡|街道)$/, ''), f.region ?? '']);
  const hits: Array<{ key: SectionKey; similarity: number; line: number }> = [];
  for (const key of PROSE_SECTIONS) {
    const mine = cur.sections[key];
    const theirs = other.sections[key];
    if (!mine || !theirs) continue;
    const s = textSimilarity(mine.text, theirs.text, names);
    if (s !== null && s >= DUPLICATE_THRESHOLD) hits.push({ key, similarity: s, line: mine.line });
  }
  if (hits.length === 0) return null;
  const parts = hits.map((h) => `“${SECTION_TITLE[h.key]}”`).join('');
  const pct = Math.floor(Math.max(...hits.map((h) => h.similarity)) * 100);
  const whose =
    relation === 'previous-year' ? `本单位${other.year}年度报告（${other.file}）` : `${other.region ?? ''}${other.name}${other.year}年度报告（${other.file}）`;
  return finding('DUPLICATE_CONTENT', `${parts}与${whose}几乎相同（相似度${pct}%），内容雷同，请按本年度实际情况撰写`, hits[0]!.line);
}
