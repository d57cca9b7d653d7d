/** Chinese numerals as people write them in dates and questions: 二〇二〇, 二十一, 十二, 两. */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const CHINESE_DIGITS = '〇零一二两三四五六七八九';

/** Digit-by-digit reading, as in years: 二〇二〇 → 2020. */
export function readDigitString(s: string): number | null {
  let out = 0;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    out = out * 10 + d;
  }
  return s.length > 0 ? out : null;
}

/** Positional reading up to 9999: 十二 → 12, 二十一 → 21, 一百零五 → 105; also plain digits. */
export function readChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current = 0;
  let sawAny = false;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      current = d;
      sawAny = true;
    } else if (units[ch] !== undefined) {
      total += (current === 0 && !sawAny ? 1 : current || 1) * units[ch]!;
      current = 0;
      sawAny = true;
    } else {
      return null;
    }
  }
  return total + current;
}

/** Rewrites Chinese-numeral years, months and days into digits: 二〇二一年一月二十日 → 2021年1月20日. */
export function digitizeDates(s: string): string {
  // A year written in Chinese numerals always has a zero (二〇二一, 二零二一); without one there is
  // nothing to rewrite, and the scan below is the costly part of normalizing a report.
  if (s.indexOf('〇') === -1 && s.indexOf('零') === -1 && !/年\s*[一二三四五六七八九十]{1,3}\s*月/.test(s)) return s;
  return s
    .replace(/([〇零一二三四五六七八九OＯ]{4})(\s*年)/g, (m, y: string, tail: string) => {
      const n = readDigitString(y);
      return n === null ? m : `${n}${tail}`;
    })
    .replace(/(年\s*)([一二三四五六七八九十]{1,3})(\s*月)/g, (m, head: string, v: string, tail: string) => {
      const n = readChineseNumber(v);
      return n === null ? m : `${head}${n}${tail}`;
    })
    .replace(/(月\s*)([一二三四五六七八九十]{1,4})(\s*[日号])/g, (m, head: string, v: string, tail: string) => {
      const n = readChineseNumber(v);
      return n === null ? m : `${head}${n}${tail}`;
    });
}
