import { docReader, oleKind } from './doc.js';
import { docxReader, isDocxZip } from './docx.js';
import { htmlReader } from './html.js';
import { pdfReader } from './pdf.js';
import { MESSAGES, refuse } from './refuse.js';
import { extensionOf, IMAGE_EXTENSIONS, isHtml, isImage, isOle, isPdf, isRtf, isZip, SPREADSHEET_EXTENSIONS } from './sniff.js';
import { textReader } from './text.js';
import type { ReadResult, Reader } from './types.js';
import { zipEntries } from './zip.js';

/**
 * One file in, its flattened text (or why it cannot be read) out. The kind is recognised by content
 * first (%PDF, a zip holding word/document.xml, an OLE2 compound file, markup, text) and by the
 * file's extension only when the content says nothing. Runs in-process and unbounded: callers that
 * take files from users run it through the bounded reader (src/ingest/bounded-read.ts).
 */

/** A report with its photos as a PDF or Word file stays well below this; text and pages below 16 MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

const SIGNED_KINDS = new Set(['pdf', 'docx', 'doc', 'wps']);

function zipKind(bytes: Uint8Array): ReadResult | Reader {
  const entries = zipEntries(bytes);
  if (typeof entries === 'string') return docxReader; // the docx reader says what is wrong with it
  if (isDocxZip(entries)) return docxReader;
  if (entries.some((e) => e.name.startsWith('xl/'))) {
    return refuse('UNSUPPORTED', MESSAGES.spreadsheet);
  }
  if (entries.some((e) => e.name.startsWith('ppt/'))) return refuse('UNSUPPORTED', '这是演示文稿（PPT），不是年报文件；请发送 Word、PDF 或网页原文');
  if (entries.some((e) => e.name === 'content.xml')) return refuse('UNSUPPORTED', '这是 OpenDocument 文件；请另存为 Word（.docx）后再发送');
  return refuse('UNSUPPORTED', MESSAGES.otherZip);
}

/** The reader for these bytes, or the refusal when no reader is for them. */
export function chooseReader(bytes: Uint8Array, fileName: string): ReadResult | Reader {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) return refuse('EMPTY', '文件是空的');
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse('TOO_LARGE', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），一份年报不会超过 ${MAX_FILE_BYTES / 1048576} MB`);
  }
  if (isPdf(bytes)) return pdfReader;
  if (isZip(bytes)) return zipKind(bytes);
  if (isOle(bytes)) return oleKind(bytes) === 'spreadsheet' ? refuse('UNSUPPORTED', MESSAGES.spreadsheet) : docReader;
  if (isImage(bytes)) return refuse('UNSUPPORTED', MESSAGES.image);
  if (isRtf(bytes)) return refuse('UNSUPPORTED', '这是 RTF 文件；请在 Word 或 WPS 中另存为 .docx 后再发送');
  if (isHtml(bytes)) return htmlReader;
  // Nothing in the content: the name decides between a damaged document and text.
  if (SIGNED_KINDS.has(ext) && !looksLikeText(bytes)) return refuse('CORRUPT', MESSAGES.corrupt(ext === 'pdf' ? 'PDF ' : 'Word '));
  if ((SPREADSHEET_EXTENSIONS.has(ext) && ext !== 'csv') || IMAGE_EXTENSIONS.has(ext)) {
    if (!looksLikeText(bytes)) return refuse('UNSUPPORTED', IMAGE_EXTENSIONS.has(ext) ? MESSAGES.image : MESSAGES.spreadsheet);
  }
  if (htmlReader.accepts(bytes, fileName)) return htmlReader;
  return textReader;
}

/** True when the first bytes have no control characters a text file would not have. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0) bad++;
  }
  return bad <= n * 0.01;
}

/** Reads one file: recognises its kind, then hands it to that kind's reader. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const chosen = chooseReader(bytes, fileName);
  if ('ok' in chosen) return chosen;
  return chosen.read(bytes, fileName);
}
