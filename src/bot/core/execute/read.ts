import type { MetricAsk } from '../metrics.js';
import { resolveKeys, type Resolution } from '../resolve.js';
import type { MetricRecord, OrgRecord, ReportRecord, ReportStore } from '../store.js';

/** One figure read from a report, or the reason there is none. */
export interface Reading {
  ask: MetricAsk;
  org: OrgRecord;
  year: number;
  report?: ReportRecord;
  state: 'value' | 'no_report' | 'not_in_format' | 'row_missing';
  /** The figures that answer (one per key), present when state is `value`. */
  values: Array<{ key: string; record: MetricRecord }>;
  /** Related figures for the text. */
  also: Array<{ key: string; record: MetricRecord }>;
  note?: string;
  /** Keys looked for and not found (row_missing). */
  missing: string[];
}

function resolveFor(store: ReportStore, report: ReportRecord, ask: MetricAsk): Resolution {
  if (report.format !== 'unknown') return resolveKeys(ask, report.format);
  // A report without standard tables: take whichever layout its stored keys follow.
  const first = resolveKeys(ask, 'gov2021');
  if (first.keys.some((k) => store.metric(report.id, k))) return first;
  return resolveKeys(ask, 'gov2019');
}

export function readAsk(store: ReportStore, org: OrgRecord, year: number, ask: MetricAsk): Reading {
  const base = { ask, org, year, values: [], also: [], missing: [] };
  const report = store.currentReport(org.id, year);
  if (!report) return { ...base, state: 'no_report' };
  const r = resolveFor(store, report, ask);
  const lookup = (keys: string[]) =>
    keys.flatMap((key) => {
      const record = store.metric(report.id, key);
      return record ? [{ key, record }] : [];
    });
  const also = lookup(r.also);
  if (r.keys.length === 0) return { ...base, report, state: 'not_in_format', note: r.note, also };
  const values = lookup(r.keys);
  const missing = r.keys.filter((k) => !values.some((v) => v.key === k));
  if (values.length === 0) return { ...base, report, state: 'row_missing', note: r.note, also, missing };
  return { ...base, report, state: 'value', values, also, note: r.note, missing };
}
