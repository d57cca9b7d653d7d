import { pinyin } from 'pinyin-pro';

/**
 * Sound-alike tests for place names typed with a pinyin keyboard: 康装镇 for 康庄镇, 龙谭 for 龙潭.
 * Readings are compared without tones and with the confusions common in northern and southern
 * speech folded together (zh/z, ch/c, sh/s, n/l, -ng/-n).
 */

const cache = new Map<string, ReadonlySet<string>>();
const CJK = /^[\u3400-\u9fff]$/;

function fold(syllable: string): string {
  return syllable
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^n(?=[aeiouv])/, 'l')
    .replace(/ng$/, 'n')
    .replace(/v/g, 'u');
}

/** All folded readings of one character (polyphones have several); none for non-Chinese characters. */
export function readings(ch: string): ReadonlySet<string> {
  let r = cache.get(ch);
  if (r) return r;
  r = CJK.test(ch) ? new Set((pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[]).map(fold)) : new Set<string>();
  cache.set(ch, r);
  return r;
}

/** Two characters that a pinyin keyboard could swap for each other. */
export function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = readings(a);
  if (ra.size === 0) return false;
  for (const x of readings(b)) if (ra.has(x)) return true;
  return false;
}
