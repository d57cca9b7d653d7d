import { digitizeDates } from './numerals.js';
import { looksTraditional, toSimplifiedChinese } from './traditional.js';

const CJK = '\\u3400-\\u9fff';

/**
 * One pass of character-level clean-up shared by report text and questions. It never adds or
 * removes a line, so line numbers stay those of the original file.
 * - full-width ASCII → ASCII (（一） → (一), ０ → 0), odd spaces → space, zero-width removed;
 * - converter markup removed: [bookmark: …], [image: …], **bold**;
 * - spaces inside Chinese words removed ("结 果 维 持", "三、 本年 度"), and after numbering ("(一) 予以公开");
 * - Traditional characters → Simplified; dates in Chinese numerals → digits (二〇二一年一月十日).
 */
export function normalizeText(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  if (looksTraditional(s)) s = toSimplifiedChinese(s);
  s = s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\[(?:bookmark|image|图片)[:：][^\]\n]*\]/gi, '')
    .replace(/\*\*/g, '')
    .replace(new RegExp(`([${CJK}、])[ ]+(?=[${CJK}])`, 'g'), '$1')
    .replace(new RegExp(`(\\([一二三四五六七八九十\\d]{1,3}\\))[ ]+(?=[${CJK}])`, 'g'), '$1')
    .replace(new RegExp(`((?:^|[\\t| ])\\d{1,2}[.、])[ ]+(?=[${CJK}])`, 'gm'), '$1');
  return digitizeDates(s);
}

/** Label form for matching: no white space at all. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
