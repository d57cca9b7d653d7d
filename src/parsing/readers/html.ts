import { decodeReport } from '../decode.js';
import { flattenHtml } from '../html.js';
import { publishedDate, withoutInfoBar } from './published.js';
import { refuse } from './refuse.js';
import { asciiHead, extensionOf, isHtml } from './sniff.js';
import type { Reader } from './types.js';

/** GBK and GB2312 pages are decoded as GB18030, their superset. */
const CHARSET_ALIASES: Record<string, string> = {
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  gb18030: 'gb18030',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

/** The decoder label for a charset name (GBK and GB2312 read as GB18030), lower case. */
export const charsetLabel = (name: string): string => CHARSET_ALIASES[name.toLowerCase()] ?? name.toLowerCase();

/** `<meta charset>`, `<meta http-equiv content="…; charset=…">` or the XML declaration's encoding. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = asciiHead(bytes, 4096);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m) return null;
  return charsetLabel(m[1]!);
}

function decodeAs(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * The page's text: a byte-order mark first, then the declared charset, else the text decoding's
 * guess. A page declared GBK whose bytes are valid UTF-8 with Chinese in them was saved as UTF-8
 * under a copied template (long GBK text is never valid UTF-8), so it is read as UTF-8.
 */
function decodePage(bytes: Uint8Array): { text: string; encoding: string } | { error: ReturnType<typeof refuse> } {
  const declared = declaredCharset(bytes);
  const bom = BOMS.find(([sig]) => sig.every((x, i) => bytes[i] === x));
  if (!bom && declared && declared !== 'utf-8') {
    const utf8 = bytes.some((b) => b >= 0x80) ? decodeAs(bytes, 'utf-8', true) : null;
    if (utf8 !== null && /[\u3400-\u9fff]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
    const text = decodeAs(bytes, declared, false);
    if (text !== null) return { text, encoding: declared };
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok)
    return { error: refuse(decoded.error.code === 'TOO_LARGE' ? 'TOO_LARGE' : decoded.error.code === 'EMPTY' ? 'EMPTY' : 'BINARY', decoded.error.message) };
  return { text: decoded.text, encoding: decoded.encoding };
}

/** A web page saved from a county portal (or any .html/.htm file). */
export const htmlReader: Reader = {
  type: 'html',
  accepts: (bytes, fileName) => isHtml(bytes) || ['html', 'htm', 'xhtml', 'shtml'].includes(extensionOf(fileName)),
  async read(bytes) {
    const page = decodePage(bytes);
    if ('error' in page) return page.error;
    const flat = flattenHtml(page.text);
    if (flat.text.trim() === '') return refuse('EMPTY', '网页里没有正文文字');
    return { ok: true, doc: { type: 'html', text: withoutInfoBar(flat.text), encoding: page.encoding, published: publishedDate(flat) } };
  },
};
