import type { ParseError } from './types.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; error: ParseError };

/** Reports are a few hundred KB at most; anything past this is not one report. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

function fail(code: ParseError['code'], message: string): Decoded {
  return { ok: false, error: { code, message } };
}

/** Guess UTF-16 without a BOM: Chinese and ASCII text in UTF-16 has NULs in every other byte. */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function tryDecode(b: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return null;
  }
}

/** A few damaged bytes in a UTF-8 file (one bad byte, a cut mid-character): at most this many. */
const MAX_DAMAGED = 8;

/**
 * UTF-8 with a few invalid sequences, each read as U+FFFD: a file damaged in transfer or cut short is
 * still text. A GBK file read as UTF-8 has invalid sequences everywhere and stays null here.
 */
function lenientUtf8(b: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(b);
  let damaged = 0;
  for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) {
    if (++damaged > Math.max(MAX_DAMAGED, text.length / 10000)) return null;
  }
  // Real UTF-8 Chinese around the damage: a short GBK text with a few Chinese characters has none.
  const cjk = text.slice(0, 20000).match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return cjk >= 20 * damaged ? text : null;
}

/** Share of characters that no text file has: C0 controls other than tab, newlines and form feed. */
function controlRatio(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return sample.length === 0 ? 0 : bad / sample.length;
}

/**
 * Bytes of a report file → text. UTF-8 (with or without BOM), UTF-16 (BOM or guessed) and
 * GB18030/GBK (common from Chinese Windows) are recognised; PDF, .docx and other binaries are refused
 * with a message saying what to do instead.
 */
export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_REPORT_BYTES) {
    return fail('TOO_LARGE', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），一份年报不会超过 16 MB`);
  }
  if (bytes.length === 0) return fail('EMPTY', '文件是空的');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return fail('PDF', '这是 PDF 文件，请先转成文本（如 pdftotext -layout）再导入');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail('DOCX', '这是 Word/压缩包文件，请先另存为纯文本（.txt）再导入');
  }
  let encoding: TextEncoding;
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    text = tryDecode(bytes, 'utf-8') ?? lenientUtf8(bytes);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = tryDecode(bytes, 'utf-16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = tryDecode(bytes, 'utf-16be');
  } else {
    const guess = utf16Guess(bytes);
    if (guess) {
      encoding = guess;
      text = tryDecode(bytes, guess);
    } else {
      encoding = 'utf-8';
      text = tryDecode(bytes, 'utf-8') ?? lenientUtf8(bytes);
      if (text === null) {
        encoding = 'gb18030';
        text = tryDecode(bytes, 'gb18030');
      }
    }
  }
  if (text === null || controlRatio(text) > 0.01) {
    return fail('BINARY', '不是文本文件（无法识别的二进制内容）');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('EMPTY', '文件里没有文字');
  return { ok: true, text, encoding };
}
