import type { ReportText } from './report-text.js';
import { lineAt } from './report-text.js';
import type { SectionKey, SectionSpan } from './types.js';

/**
 * The six parts every report has (条例 第五十条; the same headings in 60号 and 30号 formats), with
 * the wordings seen in real reports. Numbering varies (一、 / 1、 / 第一部分), so a heading is a
 * numbered keyword, or the keyword alone on its own line.
 */
const HEADINGS: ReadonlyArray<{ key: SectionKey; title: string }> = [
  { key: 'overview', title: '(?:政府信息公开)?(?:工作)?(?:总体情况|基本情况|工作概况|概述)' },
  { key: 'active', title: '主动公开政府信息(?:的)?(?:情况)?' },
  { key: 'applications', title: '收到和处理政府信息公开申请(?:的)?(?:情况)?' },
  {
    key: 'review_litigation',
    title: '(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请)?行政复议[、和及与,]?(?:提起)?行政诉讼(?:的)?(?:情况)?',
  },
  { key: 'problems', title: '(?:政府信息公开)?(?:工作)?存在的主要问题(?:及|和)?(?:改进|整改)?(?:情况)?' },
  { key: 'other', title: '其他需要报告的事项' },
];

const PREFIX = '(?:[一二三四五六][、.]|[1-6][、.]|第[一二三四五六]部分[、:]?)';

const PATTERNS = HEADINGS.map(({ key, title }) => ({
  key,
  re: new RegExp(`${PREFIX}[ \\t]*(?:${title})|^[ \\t]*(?:${title})[ \\t]*$`, 'gm'),
}));

interface Candidate {
  rank: number;
  key: SectionKey;
  heading: string;
  start: number;
  bodyStart: number;
}

/**
 * Finds the six headings. Every numbered keyword is a candidate; the chosen headings are the longest
 * run of candidates whose parts appear in the official order, so a stray match (a part named in the
 * prose, a missing heading) cannot swallow the others. A part that is not found is absent from the
 * result; its text stays inside the part before it.
 */
export function splitSections(rt: ReportText): SectionSpan[] {
  const candidates: Candidate[] = [];
  PATTERNS.forEach(({ key, re }, rank) => {
    re.lastIndex = 0;
    for (let m = re.exec(rt.text); m; m = re.exec(rt.text)) {
      const lead = m[0].length - m[0].trimStart().length;
      candidates.push({ rank, key, heading: m[0].trim(), start: m.index + lead, bodyStart: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  });
  candidates.sort((a, b) => a.start - b.start);
  const chain = longestOrderedChain(candidates);
  return chain.map((c, i) => ({
    key: c.key,
    heading: c.heading,
    line: lineAt(rt, c.start),
    start: c.start,
    bodyStart: c.bodyStart,
    end: chain[i + 1]?.start ?? rt.text.length,
  }));
}

/** Longest subsequence with strictly increasing rank and non-overlapping spans; earliest wins ties. */
function longestOrderedChain(cs: Candidate[]): Candidate[] {
  const len = cs.map(() => 1);
  const prev = cs.map(() => -1);
  for (let i = 0; i < cs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (cs[j]!.rank < cs[i]!.rank && cs[j]!.bodyStart <= cs[i]!.start && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < cs.length; i++) if (best === -1 || len[i]! > len[best]!) best = i;
  const out: Candidate[] = [];
  for (let i = best; i !== -1; i = prev[i]!) out.push(cs[i]!);
  return out.reverse();
}
