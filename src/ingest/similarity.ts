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
 * Similarity of two texts, or null when either is too short to say anything. Words in `ignore`
 * (the two towns' names) are taken out first: a neighbour's report copied with only the name
 * swapped is still a copy.
 */
export function textSimilarity(a: string, b: string, ignore: readonly string[] = []): number | null {
  const words = [...new Set(ignore.filter((w) => w.length >= 2))].sort((x, y) => y.length - x.length);
  const strip = (t: string) => words.reduce((acc, w) => acc.split(w).join(' '), t);
  const ca = strip(a);
  const cb = strip(b);
  if ([...comparableText(ca)].length < MIN_COMPARABLE_CHARS || [...comparableText(cb)].length < MIN_COMPARABLE_CHARS) {
    return null;
  }
  return jaccard(shingles(ca), shingles(cb));
}
