import mammoth from 'mammoth';
import { flattenHtml } from '../html.js';
import { MESSAGES, refuse } from './refuse.js';
import { isZip } from './sniff.js';
import type { ReadResult, Reader } from './types.js';
import { unzipEntry, zipEntries, type ZipEntry } from './zip.js';

/**
 * Word 2007+ (.docx, also what WPS saves as .docx): mammoth turns the document into HTML, with
 * merged cells as rowspan/colspan, and the page flattening (html.ts) makes the rows. Before mammoth
 * unpacks anything, the zip is checked: the parts it reads must unpack to exactly their declared
 * sizes, within bounds, and the document may not hold more tables than any report has.
 */

/** Unpacked size of the parts mammoth reads (all but media): a report's are a few MB at most. */
const MAX_XML_BYTES = 24 * 1024 * 1024;
/** A report has four tables, a few more with notes; thousands is a generated file or an attack. */
export const MAX_TABLES = 300;

const isMedia = (e: ZipEntry) => /^word\/(?:media|embeddings)\//.test(e.name) || e.name.endsWith('/');

export const isDocxZip = (entries: readonly ZipEntry[]) => entries.some((e) => e.name === 'word/document.xml');

function countTables(xml: Buffer): number {
  let n = 0;
  for (const tag of ['<w:tbl>', '<w:tbl ']) {
    for (let i = xml.indexOf(tag); i !== -1; i = xml.indexOf(tag, i + tag.length)) n++;
  }
  return n;
}

/** Checks the zip; null when mammoth may read it. */
function checkZip(bytes: Uint8Array): ReadResult | null {
  const entries = zipEntries(bytes);
  if (entries === 'corrupt') return refuse('CORRUPT', MESSAGES.corrupt('Word '));
  if (entries === 'zip64' || entries === 'too_many') return refuse('TOO_LARGE', 'Word 文件内部内容异常庞大，不是一份正常的年报；请检查后重新保存再发送');
  if (!isDocxZip(entries)) return refuse('UNSUPPORTED', MESSAGES.otherZip);
  if (entries.some((e) => e.encrypted)) return refuse('ENCRYPTED', MESSAGES.encrypted('Word '));
  const parts = entries.filter((e) => !isMedia(e));
  const declared = parts.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_XML_BYTES) {
    return refuse('TOO_LARGE', `Word 文件解压后超过 ${MAX_XML_BYTES / 1048576} MB 文字内容，不是一份正常的年报；请检查后重新保存再发送`);
  }
  let document: Buffer | null = null;
  for (const e of parts) {
    const content = unzipEntry(bytes, e);
    if (content === 'oversize') return refuse('TOO_LARGE', 'Word 文件解压后的内容远大于它声明的大小（压缩炸弹），已拒收；请发送原始文件');
    if (content === 'corrupt') return refuse('CORRUPT', MESSAGES.corrupt('Word '));
    if (e.name === 'word/document.xml') document = content;
  }
  const tables = document ? countTables(document) : 0;
  if (tables > MAX_TABLES) {
    return refuse('TOO_LARGE', `Word 文件里有 ${tables} 个表格，一份年报不会有这么多；请检查后重新保存再发送`);
  }
  return null;
}

/** Images are never read: an empty source keeps mammoth from unpacking and encoding them. */
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export const docxReader: Reader = {
  type: 'docx',
  accepts: (bytes) => {
    if (!isZip(bytes)) return false;
    const entries = zipEntries(bytes);
    return typeof entries !== 'string' && isDocxZip(entries);
  },
  async read(bytes) {
    const refused = checkZip(bytes);
    if (refused) return refused;
    let html: string;
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      html = (await mammoth.convertToHtml({ buffer }, { convertImage: noImages })).value;
    } catch {
      return refuse('CORRUPT', MESSAGES.corrupt('Word '));
    }
    const flat = flattenHtml(html);
    if (flat.text.trim() === '') return refuse('EMPTY', 'Word 文件里没有文字');
    return { ok: true, doc: { type: 'docx', text: flat.text, encoding: 'docx', published: null } };
  },
};
