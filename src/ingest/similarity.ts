/**
 * Near-duplicate prose: Jaccard similarity of character 3-gram sets. Digits, spaces and punctuation
 * are dropped first, so a report copied from last year with the year and the figures changed still
 * counts as the same text.
 */

export const SHINGLE_SIZE = 3;

/** Below this many characters (after clean-up) a text is boilerplate like "无。" and is not compared. */
export const MIN_COMPARABLE_CHARS = 80;

export function comparableText(text: string): string {
  return text.replace(/[\s\d\p{P}\p{S}]/gu, '');
}

export function shingles(text: string, size = SHINGLE_SIZE): Set<string> {
  const chars = [...comparableText(text)];
  const out = new Set<string>();
  for (let i = 0; i + size <= chars.length; i++) out.add(chars.slice(i, i + size).join(''));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/**
 * The 3-gram set of one (stripped) text in a form that is cheap to keep and to intersect: each
 * 3-gram of characters from the Basic Multilingual Plane is the number c0·2³² + c1·2¹⁶ + c2
 * (exact in a double, one number per distinct 3-gram), kept sorted; the rare 3-grams with a
 * character beyond it stay strings. The same set as shingles(), so the same similarity.
 */
interface ShingleSet {
  /** Characters (code points) after comparableText. */
  length: number;
  codes: Float64Array;
  astral: ReadonlySet<string>;
  size: number;
}

const DROPPED = /^[\s\d\p{P}\p{S}]$/u;
/** comparableText's test for each UTF-16 code unit, worked out once (lone surrogates are kept, as the regex keeps them). */
let droppedUnits: Uint8Array | null = null;

/** The code points comparableText(text) keeps, without building the string. */
function comparableCodePoints(text: string): number[] {
  if (!droppedUnits) {
    droppedUnits = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) droppedUnits[c] = DROPPED.test(String.fromCharCode(c)) ? 1 : 0;
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
        if (!DROPPED.test(String.fromCodePoint(cp))) out.push(cp);
        continue;
      }
    }
    if (droppedUnits[c] === 0) out.push(c);
  }
  return out;
}

function shingleSet(text: string): ShingleSet {
  const chars = comparableCodePoints(text);
  const codes: number[] = [];
  const astral = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    const c = chars[i + 2]!;
    if (a > 0xffff || b > 0xffff || c > 0xffff) astral.add(String.fromCodePoint(a, b, c));
    else codes.push(a * 4294967296 + b * 65536 + c);
  }
  const sorted = Float64Array.from(codes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  const unique = sorted.slice(0, n);
  return { length: chars.length, codes: unique, astral, size: unique.length + astral.size };
}

/** Pairs already compared (a report and its sibling are compared both ways round). */
const pairs = new WeakMap<ShingleSet, Map<ShingleSet, number>>();

function jaccardOf(a: ShingleSet, b: ShingleSet): number {
  const known = pairs.get(a)?.get(b);
  if (known !== undefined) return known;
  const j = computeJaccard(a, b);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    let m = pairs.get(x);
    if (!m) pairs.set(x, (m = new Map()));
    m.set(y, j);
  }
  return j;
}

function computeJaccard(a: ShingleSet, b: ShingleSet): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  const x = a.codes;
  const y = b.codes;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else {
      common++;
      i++;
      j++;
    }
  }
  for (const s of a.astral) if (b.astral.has(s)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Recently compared texts, by the text and the names taken out of it: a report is compared with
 * each of its county's reports of the year, and each of those with the next report that arrives,
 * so the same few texts come back again and again.
 */
const CACHE_LIMIT = 4096;
const cache = new Map<string, Map<string, ShingleSet>>();
const byText = new Map<string, ShingleSet>();
let cached = 0;

/** Whether each name occurs in each recent text: the same names are looked for in the same texts again and again. */
const occurs = new Map<string, Map<string, boolean>>();

function contains(text: string, word: string): boolean {
  let byWord = occurs.get(text);
  if (!byWord) {
    if (occurs.size >= CACHE_LIMIT) occurs.clear();
    occurs.set(text, (byWord = new Map()));
  }
  let hit = byWord.get(word);
  if (hit === undefined) {
    hit = /\s/.test(word) || text.includes(word);
    byWord.set(word, hit);
  }
  return hit;
}

/**
 * The shingles of `text` without the names in `words` (taken out in that order). Only the names
 * that occur matter: one that does not occur cannot appear later either (each name taken out
 * leaves a space, and a name with a space is always counted as occurring), so leaving it out
 * gives the same text.
 */
function strippedSet(text: string, words: readonly string[]): ShingleSet {
  const used = words.filter((w) => contains(text, w));
  const key = used.join('\n');
  let byWords = cache.get(text);
  let s = byWords?.get(key);
  if (!s) {
    if (cached >= CACHE_LIMIT) {
      cache.clear();
      cached = 0;
      byWords = undefined;
    }
    // Names taken out in another order usually leave the same text: one set for it, so that the
    // comparison of a pair both ways round is done once (jaccardOf).
    const stripped = used.reduce((acc, w) => acc.split(w).join(' '), text);
    s = byText.get(stripped);
    if (!s) {
      if (byText.size >= CACHE_LIMIT) byText.clear();
      s = shingleSet(stripped);
      byText.set(stripped, s);
    }
    if (!byWords) cache.set(text, (byWords = new Map()));
    byWords.set(key, s);
    cached++;
  }
  return s;
}

/**
 * Similarity of two texts, or null when either is too short to say anything. Words in `ignore`
 * (the two towns' names) are taken out first: a neighbour's report copied with only the name
 * swapped is still a copy.
 */
export function textSimilarity(a: string, b: string, ignore: readonly string[] = []): number | null {
  const words = [...new Set(ignore.filter((w) => w.length >= 2))].sort((x, y) => y.length - x.length);
  const sa = strippedSet(a, words);
  const sb = strippedSet(b, words);
  if (sa.length < MIN_COMPARABLE_CHARS || sb.length < MIN_COMPARABLE_CHARS) return null;
  return jaccardOf(sa, sb);
}
