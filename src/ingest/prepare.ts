import { createHash } from 'node:crypto';
import { normalizeText } from '../parsing/normalize.js';
import { parseReportText } from '../parsing/parse-report.js';
import type { LineOrigin, ReadDocument, SourceType } from '../parsing/readers/types.js';
import type { ParsedReport } from '../parsing/types.js';
import { sharedReader, type BoundedReader } from './bounded-read.js';
import type { OrgIdentity } from './org-match.js';

/** A read file ready to be parsed, identified by the hash of its content. */
export interface DecodedFile {
  file: string;
  /** The text the parser reads (a Word, PDF or web page file flattened): line numbers point into it. */
  rawText: string;
  encoding: string;
  contentHash: string;
  source: { type: SourceType; pages?: number };
  /** The website publication date the file states (ISO), else null. */
  published: string | null;
  lineOrigins?: readonly (LineOrigin | undefined)[];
}

/** A report ready to be written: parsed, with a year and an organisation. */
export interface PreparedReport extends DecodedFile {
  report: ParsedReport;
  identity: OrgIdentity;
  year: number;
}

export type Prepared<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The hash of the normalized text: a report saved again as GBK, with CRLF, or with a BOM is the same
 * content and must not count as a new version.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}

export function fromDocument(file: string, doc: ReadDocument): DecodedFile {
  return {
    file,
    rawText: doc.text,
    encoding: doc.encoding,
    contentHash: contentHash(doc.text),
    source: doc.pages === undefined ? { type: doc.type } : { type: doc.type, pages: doc.pages },
    published: doc.published ?? null,
    ...(doc.lineOrigins ? { lineOrigins: doc.lineOrigins } : {}),
  };
}

/** Reads a file of any kind (readers/dispatch.ts), bounded in time and memory; the text or why it is refused. */
export async function decodeFile(file: string, bytes: Uint8Array, reader: BoundedReader = sharedReader()): Promise<Prepared<DecodedFile>> {
  const read = await reader.read(bytes, file);
  if (!read.ok) return { ok: false, reason: read.error.message };
  return { ok: true, value: fromDocument(file, read.doc) };
}

/** Parses a decoded file; a report that names no organisation or year cannot be filed and is refused. */
export function parseDecoded(decoded: DecodedFile): Prepared<PreparedReport> {
  const outcome = parseReportText(decoded.rawText);
  if (!outcome.ok) return { ok: false, reason: outcome.error.message };
  const r = outcome.report;
  if (!r.name || !r.org) {
    return { ok: false, reason: '找不到发布单位的名称（标题中应写明“XX镇人民政府”等），无法归档' };
  }
  if (r.year === null) return { ok: false, reason: '找不到报告所属的年度，无法归档' };
  return {
    ok: true,
    value: {
      ...decoded,
      report: r,
      year: r.year,
      identity: { org: r.org, name: r.name, region: r.region, kind: r.kind },
    },
  };
}
