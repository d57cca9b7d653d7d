import * as OpenCC from 'opencc-js';

/**
 * Characters that exist only in Traditional script and are frequent in these reports. Checking for
 * them first keeps the (slower) full conversion off the path of the usual Simplified report.
 */
const TRADITIONAL_MARKERS = '報資開與項總計數結維糾審處機關縣鎮鄉辦規範許強費採購條務發會國為個們來時實現統請應當議復訟幣黨區廳號';

/** Code point → marker index + 1, for a scan that costs one array read per character. */
const MARKER_INDEX = new Uint8Array(0x10000);
[...TRADITIONAL_MARKERS].forEach((ch, i) => (MARKER_INDEX[ch.charCodeAt(0)] = i + 1));

let toSimplified: ((s: string) => string) | undefined;

/** True when the text is written (mostly) in Traditional characters. */
export function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, 4000);
  const hits = new Set<number>();
  for (let i = 0; i < n && hits.size < 3; i++) {
    const m = MARKER_INDEX[text.charCodeAt(i)]!;
    if (m !== 0) hits.add(m);
  }
  return hits.size >= 3;
}

/**
 * Characters written the same in both scripts in place names, which the converter would change
 * (乾县, 乾安县 are not 干县).
 */
const KEEP = /乾/g;

/** True when any of the marker characters occurs: for short texts such as a title or a name. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (MARKER_INDEX[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/** Traditional → Simplified, character by character (line structure and length are kept). */
export function toSimplifiedChinese(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  const out = convert(text);
  if (out.length !== text.length || !text.includes('乾')) return out;
  const chars = out.split('');
  for (const m of text.matchAll(KEEP)) chars[m.index] = m[0];
  return chars.join('');
}

/**
 * The one name an organisation is stored and matched under: Simplified, whatever script the report
 * is printed in (康莊鎮人民政府 and 康庄镇人民政府 are one organisation).
 */
export function canonicalName(name: string): string {
  return toSimplifiedChinese(name);
}
