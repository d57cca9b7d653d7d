/**
 * The PDF reader: pdf2json gives glyphs and ruling lines per page; the tables are rebuilt from the
 * rules (merged cells included), the running text from the glyph positions, and both are flattened
 * into the text the parser reads. A PDF without a text layer, encrypted, broken or too big is
 * refused with its code and a sentence saying what to send instead.
 */
import { extractPdf, type ExtractLimits, type RawPage } from './pdf-extract.js';
import { flattenPages } from './pdf-flatten.js';
import { layoutPage } from './pdf-layout.js';
import type { ReadError, ReadErrorCode, ReadResult, Reader } from './types.js';

export const PDF_MESSAGES = {
  SCANNED_PDF: '这个PDF是扫描件或图片，或其中的文字无法识别，没有可以读取的文字：请发送报告的Word原文件，或用Word（WPS）直接“另存为/导出为PDF”得到的PDF。',
  ENCRYPTED: '这个PDF设置了密码或加密，无法读取：请发送没有密码的PDF，或报告的Word原文件。',
  CORRUPT: '这个PDF文件已损坏或不完整，无法读取：请重新导出或下载后再发送，或发送报告的Word原文件。',
  TOO_LARGE: '这个PDF太大（页数过多或内容过于复杂），无法在限定时间内读完：年度报告一般只有几页到几十页，请只发送年度报告本身。',
} as const satisfies Partial<Record<ReadErrorCode, string>>;

const fail = (code: keyof typeof PDF_MESSAGES): ReadResult => ({
  ok: false,
  error: { code, message: PDF_MESSAGES[code] } satisfies ReadError,
});

/**
 * One file, one limit: 5 s, 60 pages (reports run to 5–30), a 160 MB heap for pdf2json (a 6-page
 * report with CJK fonts not embedded needs ~60 MB; the whole process then stays under 300 MB).
 */
export const DEFAULT_PDF_LIMITS: ExtractLimits = { timeoutMs: 5000, maxPages: 60, maxHeapMb: 160 };

/** Fewer readable characters than this in the whole file: a scan, or fonts with no text mapping. */
const MIN_TEXT_CHARS = 20;
const READABLE = /[\u3400-\u9fff\p{L}\p{N}]/gu;
const CJK = /[\u3400-\u9fff]/gu;

/**
 * A text layer that decodes to nothing useful: too few characters, or one Chinese character for a
 * large share of all (a PDF made without a Chinese font: every glyph maps to the same code). The
 * commonest character of real Chinese prose is under 5 %.
 */
function unreadable(pages: readonly RawPage[]): boolean {
  let readable = 0;
  const counts = new Map<string, number>();
  for (const p of pages) {
    for (const g of p.glyphs) {
      readable += g.s.match(READABLE)?.length ?? 0;
      for (const ch of g.s.match(CJK) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  if (readable < MIN_TEXT_CHARS) return true;
  let cjk = 0;
  let top = 0;
  for (const n of counts.values()) {
    cjk += n;
    top = Math.max(top, n);
  }
  return cjk >= 100 && top / cjk > 0.25;
}

/** Zip (.docx), OLE (.doc/.wps), markup: another reader's file, whatever its name. */
const OTHER_KIND = /^(?:PK\x03\x04|\xD0\xCF\x11\xE0|\s*<)/;
const headOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16)).toString('latin1');

/** `%PDF-` within the first kilobyte, as readers accept it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * What the bytes say before parsing: a page count larger than the limit (the largest `/Count` of a
 * page tree; absent when the tree sits in compressed object streams), an `/Encrypt` entry, and a
 * missing `%%EOF` at the end (a file cut short: pdf.js would read what is left and say nothing).
 */
function preScan(bytes: Uint8Array): { pages: number; encrypted: boolean; truncated: boolean } {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let pages = 0;
  for (const m of s.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    pages = Math.max(pages, Number(m[1] ?? m[2]));
  }
  const truncated = !s.slice(-2048).includes('%%EOF');
  const trailerAt = Math.max(s.lastIndexOf('trailer'), s.lastIndexOf('/XRef'));
  const encrypted = trailerAt !== -1 && /\/Encrypt\s+\d+\s+\d+\s+R/.test(s.slice(Math.max(0, trailerAt - 2000)));
  return { pages, encrypted, truncated };
}

/** Larger files are not read at all: a report with a scan of every page is still far below this. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

/** Reads a PDF into flattened text with the page of each line. */
export async function readPdf(bytes: Uint8Array, limits: ExtractLimits = DEFAULT_PDF_LIMITS): Promise<ReadResult> {
  if (!isPdf(bytes)) return fail('CORRUPT');
  if (bytes.byteLength > MAX_PDF_BYTES) return fail('TOO_LARGE');
  const pre = preScan(bytes);
  if (pre.truncated) return fail('CORRUPT');
  if (pre.pages > limits.maxPages) return fail('TOO_LARGE');
  const extracted = await extractPdf(bytes, limits);
  if (!extracted.ok) {
    // pdf.js reports a missing password in several wordings; the trailer says it plainly.
    return fail(extracted.code === 'CORRUPT' && pre.encrypted ? 'ENCRYPTED' : extracted.code);
  }
  const { pages } = extracted;
  if (pages.length === 0) return fail('CORRUPT');
  if (unreadable(pages)) return fail('SCANNED_PDF');
  const flat = flattenPages(pages.map((p) => ({ height: p.height, blocks: layoutPage(p) })));
  return {
    ok: true,
    doc: {
      type: 'pdf',
      text: flat.lines.join('\n'),
      encoding: 'pdf',
      pages: pages.length,
      published: null,
      lineOrigins: flat.pages.map((page) => ({ page })),
    },
  };
}

export function createPdfReader(limits: ExtractLimits = DEFAULT_PDF_LIMITS): Reader {
  return {
    type: 'pdf',
    // By content first; a file named .pdf that is no other known kind is a broken PDF (CORRUPT).
    accepts: (bytes, fileName) => isPdf(bytes) || (/\.pdf$/i.test(fileName) && bytes.length > 0 && !OTHER_KIND.test(headOf(bytes))),
    read: (bytes) => readPdf(bytes, limits),
  };
}

export const pdfReader: Reader = createPdfReader();
