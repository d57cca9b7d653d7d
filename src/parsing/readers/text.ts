import { statedPublished } from '../chrome.js';
import { decodeReport } from '../decode.js';
import { flattenHtml, looksLikeHtml } from '../html.js';
import { publishedDate, withoutInfoBar } from './published.js';
import { refuse } from './refuse.js';
import type { Reader } from './types.js';

/**
 * Plain text (.txt, .md, or anything with no other signature): UTF-8, UTF-16 or GB18030, as
 * decode.ts recognises them. Text that turns out to be a web page is flattened as one.
 */
export const textReader: Reader = {
  type: 'text',
  accepts: () => true,
  async read(bytes) {
    const decoded = decodeReport(bytes);
    if (!decoded.ok) {
      const { code, message } = decoded.error;
      return refuse(code === 'PDF' || code === 'DOCX' ? 'UNSUPPORTED' : code, message);
    }
    if (looksLikeHtml(decoded.text)) {
      const flat = flattenHtml(decoded.text);
      if (flat.text.trim() === '') return refuse('EMPTY', '网页里没有正文文字');
      return { ok: true, doc: { type: 'html', text: withoutInfoBar(flat.text), encoding: decoded.encoding, published: publishedDate(flat) } };
    }
    // A page a crawler saved as text states its date in its header block (发布时间：…).
    const published = statedPublished(decoded.text);
    return { ok: true, doc: { type: 'text', text: decoded.text, encoding: decoded.encoding, ...(published ? { published } : {}) } };
  },
};
