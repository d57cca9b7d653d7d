import { createHash } from 'node:crypto';
import { decodeReport } from '../parsing/decode.js';
import { normalizeText } from '../parsing/normalize.js';
import { parseReportText } from '../parsing/parse-report.js';
import type { ParsedReport } from '../parsing/types.js';
import type { OrgIdentity } from './org-match.js';

/** A decoded file ready to be parsed, identified by the hash of its content. */
export interface DecodedFile {
  file: string;
  rawText: string;
  encoding: string;
  contentHash: string;
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

export function decodeFile(file: string, bytes: Uint8Array): Prepared<DecodedFile> {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.error.message };
  return { ok: true, value: { file, rawText: decoded.text, encoding: decoded.encoding, contentHash: contentHash(decoded.text) } };
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
