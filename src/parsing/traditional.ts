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

/** Traditional → Simplified, character by character (line structure is kept). */
export function toSimplifiedChinese(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}
