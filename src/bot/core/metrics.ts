import type { ApplicantColumn, T4Column } from '../../catalog/index.js';
import { APPLICANT_CUES, T2_HINT_CUES, T4_COLUMN_CUES, type T2Hint } from './lexicon/columns.js';
import { CONCEPTS, REPORT_NAME, type Concept, type Family } from './lexicon/concepts.js';
import type { MaskedText } from './masked.js';

/** One figure the question asks for, before the report's format decides the exact key. */
export interface MetricAsk {
  /** Concept id from the lexicon: `applications.new`, `review`, `active.normative_docs`, `prose.active_items`. */
  concept: Concept['id'];
  family: Family;
  /** 表三 applicant or 表四 outcome columns; `['total']` unless the question names one. */
  columns: Array<ApplicantColumn | T4Column>;
  /** 表二 column hints (制发, 现行有效, 金额 …), mapped per format later. */
  hints: T2Hint[];
  /** The words that named it, for messages. */
  phrase: string;
}

interface Found {
  concept: (typeof CONCEPTS)[number];
  start: number;
  end: number;
  phrase: string;
}

function collect(text: MaskedText, pick: (c: (typeof CONCEPTS)[number]) => RegExp | undefined): Found[] {
  const found: Found[] = [];
  for (const concept of CONCEPTS) {
    const re = pick(concept);
    if (!re) continue;
    for (const h of text.take(re)) found.push({ concept, start: h.start, end: h.end, phrase: h.text });
  }
  return found;
}

/** Reads the figures a question asks for and masks the words that named them. */
export function readMetrics(text: MaskedText): MetricAsk[] {
  text.take(REPORT_NAME);
  let found = collect(text, (c) => c.strong);
  if (found.length === 0) {
    found = collect(text, (c) => c.weak);
    // 公开的申请 is about applications; the bare 公开 must not add the proactive total.
    if (found.some((f) => f.concept.family === 't3')) found = found.filter((f) => f.concept.family !== 'prose');
  }
  // 主动公开的规范性文件 asks for the 表二 row, not the prose total of proactive items.
  if (found.some((f) => f.concept.family === 't2')) found = found.filter((f) => f.concept.family !== 'prose');

  const applicant = APPLICANT_CUES.flatMap((c) => (text.take(c.cue).length > 0 ? [...c.columns] : []));
  if (applicant.length > 0 && !found.some((f) => f.concept.family === 't3')) {
    const end = text.original.length;
    found.push({ concept: CONCEPTS.find((c) => c.id === 'applications.new')!, start: end, end, phrase: '申请' });
  }
  const hasT4 = found.some((f) => f.concept.family === 't4');
  const outcome = hasT4 ? T4_COLUMN_CUES.flatMap((c) => (text.take(c.cue).length > 0 ? [...c.columns] : [])) : [];
  const hasT2 = found.some((f) => f.concept.family === 't2');
  // The naming words can carry the column too: 收了多少钱 is an amount.
  const phrases = found.filter((f) => f.concept.family === 't2').map((f) => f.phrase);
  const hints = hasT2 ? T2_HINT_CUES.filter((c) => text.take(c.cue).length > 0 || phrases.some((p) => c.cue.test(p))).map((c) => c.hint) : [];

  found = dropImplied(found);
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((f) => !seen.has(f.concept.id) && seen.add(f.concept.id))
    .map((f) => {
      const family = f.concept.family;
      const columns = family === 't3' ? unique(applicant) : family === 't4' ? unique(outcome) : [];
      return { concept: f.concept.id, family, columns: columns.length > 0 ? columns : ['total'], hints, phrase: f.phrase };
    });
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Words that name 表三's first row itself, not just any application (信访类的申请 is about 信访). */
const NEW_ROW_WORDS = /新收|收到|接到|接收|受理|依申请/;

/**
 * A more specific figure makes the general one redundant: 国家秘密不公开 asks for the sub-row, not
 * also for all of 不予公开; 办结了多少申请 asks for 办结, not also for the applications received.
 */
function dropImplied(found: Found[]): Found[] {
  const ids = found.map((f) => f.concept.id);
  const otherT3 = found.some((f) => f.concept.family === 't3' && f.concept.id !== 'applications.new');
  return found.filter((f) => {
    const id = f.concept.id;
    if (ids.some((other) => other !== id && other.startsWith(`${id}.`))) return false;
    if (id === 'applications.new' && otherT3 && !NEW_ROW_WORDS.test(f.phrase)) return false;
    // 几个人来申请公开信息: the information is what was applied for, not the proactive total.
    if (f.concept.family === 'prose' && found.some((n) => n.concept.id === 'applications.new' && n.end === f.start)) return false;
    return true;
  });
}
