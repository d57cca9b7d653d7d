import { MESSAGES, refuse } from './refuse.js';
import { isOle } from './sniff.js';
import type { Reader } from './types.js';
import { EncryptedWordError, word97Body } from './word97.js';

/**
 * Word 97–2003 (.doc) and WPS (.wps, the same binary format): word-extractor (with the row ends
 * put right, word97.ts) gives the body text with each table cell ended by a tab and each paragraph
 * and row on its own line. Never used for .docx (its reading of those breaks multi-byte characters
 * at 4,096-byte chunk boundaries).
 */

/** Stream names in an OLE2 directory are UTF-16LE. */
const streamName = (name: string) => Buffer.from(name, 'utf16le');

export type OleKind = 'word' | 'encrypted-ooxml' | 'spreadsheet' | 'presentation' | 'other';

export function oleKind(bytes: Uint8Array): OleKind {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.includes(streamName('EncryptedPackage'))) return 'encrypted-ooxml';
  if (b.includes(streamName('WordDocument'))) return 'word';
  if (b.includes(streamName('Workbook')) || b.includes(streamName('Book'))) return 'spreadsheet';
  if (b.includes(streamName('PowerPoint Document'))) return 'presentation';
  return 'other';
}

/** Row ends come out as a cell end plus a line end; the last tab of a row is not a cell. */
function tidy(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\t+$/, (tabs) => tabs.slice(1)).replace(/[\u0000-\u0008\u000b-\u001f]/g, ''))
    .join('\n');
}

export const docReader: Reader = {
  type: 'doc',
  accepts: (bytes) => isOle(bytes) && oleKind(bytes) === 'word',
  async read(bytes) {
    const kind = oleKind(bytes);
    if (kind === 'encrypted-ooxml') return refuse('ENCRYPTED', MESSAGES.encrypted('Word '));
    if (kind === 'spreadsheet') return refuse('UNSUPPORTED', MESSAGES.spreadsheet);
    if (kind === 'presentation') return refuse('UNSUPPORTED', '这是演示文稿（PPT），不是年报文件；请发送 Word、PDF 或网页原文');
    if (kind !== 'word') return refuse('CORRUPT', MESSAGES.corrupt('Word '));
    let body: string;
    try {
      body = await word97Body(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      return e instanceof EncryptedWordError ? refuse('ENCRYPTED', MESSAGES.encrypted('Word ')) : refuse('CORRUPT', MESSAGES.corrupt('Word '));
    }
    const text = tidy(body);
    if (text.trim() === '') return refuse('EMPTY', 'Word 文件里没有文字');
    return { ok: true, doc: { type: 'doc', text, encoding: 'doc' } };
  },
};
