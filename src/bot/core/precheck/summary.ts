import type { ReadError, SourceType } from '../../../parsing/readers/types.js';
import type { FindingCode, ReportFormat } from '../../../parsing/types.js';

/** What a pre-check concluded: 可以发布, 请修改后再发布, or the file could not be read as a report. */
export type PrecheckVerdict = 'ok' | 'fix' | 'refused';

/** The pre-check in a few fields, as recorded with the received file (db/received-files.ts). */
export interface PrecheckSummary {
  org: string | null;
  /** Short name (康庄镇) and county, as the ingest would file it. */
  name: string | null;
  region: string | null;
  year: number | null;
  format: ReportFormat | null;
  source: { type: SourceType; pages?: number } | null;
  errors: FindingCode[];
  warnings: FindingCode[];
  /** Why the file was refused, when it was. */
  refusal?: ReadError;
}

/** The outcome of one pre-check: its verdict, its summary and the two texts (short reply, 「详细」). */
export interface Precheck {
  verdict: PrecheckVerdict;
  summary: PrecheckSummary;
  reply: string;
  detail: string;
}
