import type { Calendar } from '../calendar/calendar.js';
import { findingsNow } from '../calendar/status.js';
import { parseReportText } from '../parsing/parse-report.js';
import type { ReadDocument, ReadError } from '../parsing/readers/types.js';
import type { ParsedReport } from '../parsing/types.js';
import { sharedReader, type BoundedReader } from './bounded-read.js';
import { fromDocument, type DecodedFile } from './prepare.js';

/**
 * One file read (bounded in time and memory), parsed and checked, storing nothing: what `parse`
 * prints and what the bot's pre-check answers. Lateness is this calendar's, judged by the
 * publication date the file states, else its signature date, and added to what the checks found.
 */

export type CheckedFile = { ok: true; doc: ReadDocument; decoded: DecodedFile; report: ParsedReport } | { ok: false; error: ReadError };

export async function checkFile(bytes: Uint8Array, fileName: string, calendar: Calendar, reader: BoundedReader = sharedReader()): Promise<CheckedFile> {
  const read = await reader.read(bytes, fileName);
  if (!read.ok) return read;
  const outcome = parseReportText(read.doc.text);
  if (!outcome.ok) return { ok: false, error: { code: 'NOT_A_REPORT', message: outcome.error.message } };
  const r = outcome.report;
  const published = read.doc.published ?? null;
  const findings = r.year === null ? r.findings : findingsNow(calendar, { ...r, year: r.year, published });
  return { ok: true, doc: read.doc, decoded: fromDocument(fileName, read.doc), report: { ...r, findings } };
}
