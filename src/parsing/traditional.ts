import * as OpenCC from 'opencc-js';

/**
 * Characters that exist only in Traditional script and are frequent in these reports. Checking for
 * them first keeps the (slower) full conversion off the path of the usual Simplified report.
 */
const TRADITIONAL_MARKERS =
  /[報資開與項總計數結維糾審處機關縣鎮鄉辦規範許強費採購條務發會國為個們來時實現統請應當議復訟幣黨區廳號]/g;

let toSimplified: ((s: string) => string) | undefined;

/** True when the text is written (mostly) in Traditional characters. */
export function looksTraditional(text: string): boolean {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  TRADITIONAL_MARKERS.lastIndex = 0;
  const hits = new Set<string>();
  for (let m = TRADITIONAL_MARKERS.exec(sample); m && hits.size < 3; m = TRADITIONAL_MARKERS.exec(sample)) hits.add(m[0]);
  return hits.size >= 3;
}

/** Traditional → Simplified, character by character (line structure is kept). */
export function toSimplifiedChinese(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}
