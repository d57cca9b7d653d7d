import { digitizeDates } from './numerals.js';
import { looksTraditional, toSimplifiedChinese } from './traditional.js';

const CJK = '\\u3400-\\u9fff';

/** Full-width ASCII → ASCII, odd spaces → space, zero-width characters → nothing: one pass, one table. */
const CHAR_MAP: Record<string, string> = {};
for (let c = 0xff01; c <= 0xff5e; c++) CHAR_MAP[String.fromCharCode(c)] = String.fromCharCode(c - 0xfee0);
for (const c of [0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000]) {
  CHAR_MAP[String.fromCharCode(c)] = ' ';
}
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) CHAR_MAP[String.fromCharCode(c)] = '';
const MAPPED_CHARS = /[\uFF01-\uFF5E\u00A0\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]/g;
const MARKUP = /\[(?:bookmark|image|图片)[:：][^\]\n]*\]/gi;
/**
 * Page numbers a PDF or Word export leaves between table rows (- 3 -, 第2页 共5页, 3/5): inside a
 * table they would read as cells, so the line is emptied (kept, for the line count).
 */
const PAGE_NUMBER_LINE =
  /^[ \t]*(?:[-—–]+[ \t]*\d{1,3}[ \t]*[-—–]+|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|共[ \t]*\d{1,3}[ \t]*页[ \t]*[,，]?[ \t]*第[ \t]*\d{1,3}[ \t]*页|\d{1,3}[ \t]*\/[ \t]*\d{1,3})[ \t]*$/gm;
const SPACE_IN_WORD = new RegExp(`([${CJK}、])[ ]+(?=[${CJK}])`, 'g');
const SPACE_AFTER_PAREN_NUMBER = new RegExp(`(\\([一二三四五六七八九十\\d]{1,3}\\))[ ]+(?=[${CJK}])`, 'g');
const SPACE_AFTER_DOT_NUMBER = new RegExp(`((?:^|[\\t| ])\\d{1,2}[.、])[ ]+(?=[${CJK}])`, 'gm');

/**
 * One pass of character-level clean-up shared by report text and questions. It never adds or
 * removes a line, so line numbers stay those of the original file.
 * - full-width ASCII → ASCII (（一） → (一), ０ → 0), odd spaces → space, zero-width removed;
 * - converter markup removed: [bookmark: …], [image: …], **bold**, page-number lines (- 3 -);
 * - spaces inside Chinese words removed ("结 果 维 持", "三、 本年 度"), and after numbering ("(一) 予以公开");
 * - Traditional characters → Simplified; dates in Chinese numerals → digits (二〇二一年一月十日).
 */
export function normalizeText(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  if (looksTraditional(s)) s = toSimplifiedChinese(s);
  s = s
    .replace(MAPPED_CHARS, (c) => CHAR_MAP[c]!)
    .replace(MARKUP, '')
    .replace(PAGE_NUMBER_LINE, '')
    .replace(/\*\*/g, '')
    .replace(SPACE_IN_WORD, '$1')
    .replace(SPACE_AFTER_PAREN_NUMBER, '$1')
    .replace(SPACE_AFTER_DOT_NUMBER, '$1');
  return digitizeDates(s);
}

/** Label form for matching: no white space at all. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
