import * as z from 'zod';
import { ALL_METRIC_KEYS, metricEntries } from '../catalog/index.js';
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

/** The contract's view of a parsed report. */
export function toParseJson(file: string, r: ParsedReport): ParseJson {
  const sources: ParseJson['sources'] = {};
  for (const [key, s] of metricEntries(r.sources)) {
    sources[key] = { line: s.line, text: s.text, derived: s.derived, ...(s.table ? { table: s.table, row: s.row, col: s.col } : {}) };
  }
  return {
    file,
    org: r.org,
    name: r.name,
    region: r.region,
    year: r.year,
    signedDate: r.signedDate,
    format: r.format,
    sections: [...r.sections],
    metrics: { ...r.metrics },
    sources,
    findings: r.findings.map((f) => ({ ...f })),
  };
}

/** True when a report has findings of severity error (it is then "incomplete"). */
export const isIncomplete = (r: Pick<ParsedReport, 'findings'>) => r.findings.some((f) => f.severity === 'error');
