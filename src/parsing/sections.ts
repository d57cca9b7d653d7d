import type { ReportText } from './report-text.js';
import { lineAt } from './report-text.js';
import type { SectionKey, SectionSpan } from './types.js';

/**
 * The six parts every report has (条例 第五十条; the same headings in 60号 and 30号 formats), with
 * the wordings seen in real reports. Numbering varies (一、 / 1、 / 第一部分), so a heading is a
 * numbered keyword, or the keyword alone on its own line.
 */
const HEADINGS: ReadonlyArray<{ key: SectionKey; title: string; anchors: readonly string[] }> = [
  {
    key: 'overview',
    title: '(?:政府信息公开)?(?:工作)?(?:总体情况|基本情况|工作概况|概述)',
    anchors: ['总体情况', '基本情况', '工作概况', '概述'],
  },
  { key: 'active', title: '主动公开政府信息(?:的)?(?:情况)?', anchors: ['主动公开政府信息'] },
  { key: 'applications', title: '收到和处理政府信息公开申请(?:的)?(?:情况)?', anchors: ['收到和处理政府信息公开申请'] },
  {
    key: 'review_litigation',
    title: '(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请)?行政复议[、和及与,]?(?:提起)?行政诉讼(?:的)?(?:情况)?',
    anchors: ['行政复议'],
  },
  {
    key: 'problems',
    title: '(?:政府信息公开)?(?:工作)?存在的主要问题(?:及|和)?(?:改进|整改)?(?:情况)?',
    anchors: ['存在的主要问题'],
  },
  { key: 'other', title: '其他需要报告的事项', anchors: ['其他需要报告的事项'] },
];

const PREFIX = '(?:[一二三四五六][、.]|[1-6][、.]|第[一二三四五六]部分[、:]?)';

/** A heading is short: a line longer than this is prose or a report flattened onto one line. */
const HEADING_LINE_MAX = 200;
/** How far before its keyword a numbered heading may start (一、政府信息公开工作总体情况). */
const LOOK_BEHIND = 24;

const PATTERNS = HEADINGS.map(({ key, title, anchors }) => ({
  key,
  anchors,
  line: new RegExp(`${PREFIX}[ \\t]*(?:${title})|^[ \\t]*(?:${title})[ \\t]*$`, 'g'),
  numbered: new RegExp(`${PREFIX}[ \\t]*(?:${title})`, 'g'),
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
  const text = rt.text;
  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  PATTERNS.forEach(({ key, anchors, line, numbered }, rank) => {
    // Look only around the keywords: the regexes start with character classes and would otherwise
    // be tried at every position of the text.
    for (const anchor of anchors) {
      for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + anchor.length)) {
        // Line bounds from the line table: scanning for '\n' from every keyword is quadratic on one long line.
        const line0 = lineAt(rt, at) - 1;
        const lineStart = rt.lineStarts[line0]!;
        const next = rt.lineStarts[line0 + 1];
        const lineEnd = next === undefined ? text.length : next - 1;
        const short = lineEnd - lineStart <= HEADING_LINE_MAX;
        const from = short ? lineStart : Math.max(lineStart, at - LOOK_BEHIND);
        const to = short ? lineEnd : Math.min(lineEnd, at + 80);
        const re = short ? line : numbered;
        const window = text.slice(from, to);
        re.lastIndex = 0;
        for (let m = re.exec(window); m; m = re.exec(window)) {
          const start = from + m.index + (m[0].length - m[0].trimStart().length);
          const end = from + m.index + m[0].length;
          if (start > at || end < at + anchor.length || seen.has(rank * 1e9 + start)) continue;
          seen.add(rank * 1e9 + start);
          candidates.push({ rank, key, heading: m[0].trim(), start, bodyStart: end });
        }
      }
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

/**
 * Longest subsequence with strictly increasing rank and non-overlapping spans; earliest wins ties.
 * Linear in the candidates: with six ranks, the best chain ending at each rank so far is all a new
 * candidate needs (a text with thousands of repeated headings once took seconds per MB here).
 */
function longestOrderedChain(cs: Candidate[]): Candidate[] {
  const len = cs.map(() => 1);
  const prev = cs.map(() => -1);
  // Per rank: the candidate with the longest chain among those already closed (bodyStart passed).
  const bestAt: number[] = [];
  let pending: number[] = [];
  const close = (j: number) => {
    const r = cs[j]!.rank;
    const b = bestAt[r];
    if (b === undefined || len[j]! > len[b]! || (len[j] === len[b] && j < b)) bestAt[r] = j;
  };
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    pending = pending.filter((j) => {
      if (cs[j]!.bodyStart > c.start) return true;
      close(j);
      return false;
    });
    let from = -1;
    for (let r = 0; r < c.rank; r++) {
      const j = bestAt[r];
      if (j !== undefined && (from === -1 || len[j]! > len[from]! || (len[j] === len[from] && j < from))) from = j;
    }
    if (from !== -1) {
      len[i] = len[from]! + 1;
      prev[i] = from;
    }
    pending.push(i);
  }
  let best = -1;
  for (let i = 0; i < cs.length; i++) if (best === -1 || len[i]! > len[best]!) best = i;
  const out: Candidate[] = [];
  for (let i = best; i !== -1; i = prev[i]!) out.push(cs[i]!);
  return out.reverse();
}
