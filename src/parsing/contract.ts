import * as z from 'zod';
import { ALL_METRIC_KEYS, metricEntries } from '../catalog/index.js';
import type { LineOrigin, SourceType } from './readers/types.js';
import { FINDING_CODES, SECTION_KEYS, type ParsedReport } from './types.js';

/** A metric key: `<group>.<row>[.<sub-row>].<column>`, lower-case ASCII with underscores (docs/data-contract.md §1). */
export const METRIC_KEY = /^[a-z_]+(\.[a-z_]+){1,3}$/;

/** The keys of the catalog; a report holds some of them. */
const MetricKeyJson = z.enum(ALL_METRIC_KEYS as [(typeof ALL_METRIC_KEYS)[number], ...(typeof ALL_METRIC_KEYS)[number][]]);

/** The JSON `nianbao parse --json` prints (docs/data-contract.md §4); other tools read it. */
export const ParseJson = z.strictObject({
  file: z.string(),
  org: z.string().nullable(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
  signedDate: z.iso.date().nullable(),
  format: z.enum(['gov2019', 'gov2021', 'unknown']),
  /** What kind of file it was read from (§6.1); `pages` for a PDF. */
  source: z.strictObject({ type: z.enum(['text', 'html', 'docx', 'doc', 'pdf']), pages: z.number().int().min(1).optional() }),
  /** The website publication date the file states, else null (§6.1). */
  published: z.iso.date().nullable(),
  sections: z.array(z.enum(SECTION_KEYS)),
  metrics: z.partialRecord(MetricKeyJson, z.number().nullable()),
  sources: z.partialRecord(
    MetricKeyJson,
    z.strictObject({
      line: z.number().int().min(0),
      text: z.string(),
      derived: z.boolean(),
      // Where a table figure is printed (docs/data-contract.md §6.1); absent for prose figures.
      table: z.enum(['表二', '表三', '表四']).optional(),
      row: z.string().min(1).optional(),
      col: z.string().min(1).optional(),
      /** The page of a PDF the figure's line came from (docs/data-contract.md §6.1). */
      page: z.number().int().min(1).optional(),
    }),
  ),
  findings: z.array(
    z.strictObject({
      code: z.enum(FINDING_CODES),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string().min(1),
      line: z.number().int().min(1).optional(),
    }),
  ),
});
export type ParseJson = z.infer<typeof ParseJson>;

/** What the file reader said about the file (readers/types.ts); plain text when absent. */
export interface ReadInfo {
  source: { type: SourceType; pages?: number };
  published: string | null;
  lineOrigins?: readonly (LineOrigin | undefined)[];
}

const PLAIN_TEXT: ReadInfo = { source: { type: 'text' }, published: null };

/** The contract's view of a parsed report. */
export function toParseJson(file: string, r: ParsedReport, read: ReadInfo = PLAIN_TEXT): ParseJson {
  const sources: ParseJson['sources'] = {};
  for (const [key, s] of metricEntries(r.sources)) {
    const page = read.lineOrigins?.[s.line - 1]?.page;
    sources[key] = {
      line: s.line,
      text: s.text,
      derived: s.derived,
      ...(s.table ? { table: s.table, row: s.row, col: s.col } : {}),
      ...(page === undefined ? {} : { page }),
    };
  }
  return {
    file,
    org: r.org,
    name: r.name,
    region: r.region,
    year: r.year,
    signedDate: r.signedDate,
    format: r.format,
    source: { ...read.source },
    published: read.published,
    sections: [...r.sections],
    metrics: { ...r.metrics },
    sources,
    findings: r.findings.map((f) => ({ ...f })),
  };
}

/** True when a report has findings of severity error (it is then "incomplete"). */
export const isIncomplete = (r: Pick<ParsedReport, 'findings'>) => r.findings.some((f) => f.severity === 'error');
