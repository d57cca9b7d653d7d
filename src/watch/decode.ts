import { decodeReport } from '../parsing/decode.js';
import { charsetLabel, declaredCharset } from '../parsing/readers/html.js';

/** The charset an HTTP Content-Type names (`text/html; charset=GBK`), as a decoder label. */
export function headerCharset(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m ? charsetLabel(m[1]!) : null;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A fetched page's text: the charset the server or the page declares (GBK/GB2312 read as GB18030),
 * unless the bytes do not decode as it (a template copied with a stale declaration); then the same
 * guess the file readers make (UTF-8, else GB18030). Null when it is not text at all.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null): string | null {
  for (const label of [headerCharset(contentType), declaredCharset(bytes)]) {
    if (!label) continue;
    // Long GBK text is never valid UTF-8: a page that is, with Chinese in it, was saved as UTF-8.
    if (label !== 'utf-8') {
      const utf8 = tryDecode(bytes, 'utf-8');
      if (utf8 !== null && /[\u3400-\u9fff]/.test(utf8)) return utf8;
    }
    const text = tryDecode(bytes, label);
    if (text !== null) return text;
  }
  const guessed = decodeReport(bytes);
  return guessed.ok ? guessed.text : null;
}
