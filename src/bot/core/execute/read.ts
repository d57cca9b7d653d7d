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

/** One organisation's figure for a ranking: what readAsk says, without the report's text. */
export interface Figure {
  org: OrgRecord;
  state: Reading['state'];
  /** The key and value ranked (state `value`): the first of the resolved keys the report has. */
  key?: string;
  value?: number | null;
}

/** Scopes up to this size are read one organisation at a time; larger ones a whole year at once. */
const ONE_BY_ONE = 64;

/**
 * The figure `ask` asks for, for each of `orgs` in `year`, decided exactly as readAsk decides it.
 * A county is read organisation by organisation; the whole country (~40,000 organisations) from
 * one lean column of the year per key, kept for the snapshot (ctx.memo): figures do not depend on
 * the calendar, only on the database.
 */
export function readFigures(ctx: { store: ReportStore; memo: <T>(key: string, make: () => T) => T }, orgs: readonly OrgRecord[], year: number, ask: MetricAsk): Figure[] {
  if (orgs.length <= ONE_BY_ONE) {
    return orgs.map((org) => {
      const r = readAsk(ctx.store, org, year, ask);
      const v = r.values[0];
      return v ? { org, state: r.state, key: v.key, value: v.record.value } : { org, state: r.state };
    });
  }
  const formats = ['gov2021', 'gov2019'] as const;
  const keys = [...new Set(formats.flatMap((f) => resolveKeys(ask, f).keys))];
  // Every column lists every current report of the year; with no key at all, any column gives the list.
  const columns = new Map(
    (keys.length > 0 ? keys : [ask.concept]).map((key) => [
      key,
      ctx.memo(`figure|${year}|${key}`, () => new Map(ctx.store.figureOfYear(year, key).map((c) => [c.reportId, c]))),
    ]),
  );
  const byOrg = new Map([...[...columns.values()][0]!.values()].map((c) => [c.orgId, c]));
  return orgs.map((org): Figure => {
    const cell = byOrg.get(org.id);
    if (!cell) return { org, state: 'no_report' };
    const has = (key: string) => columns.get(key)?.get(cell.reportId)?.value !== undefined;
    // As resolveFor: a report without standard tables takes whichever layout its stored keys follow.
    const format = cell.format !== 'unknown' ? cell.format : resolveKeys(ask, 'gov2021').keys.some(has) ? 'gov2021' : 'gov2019';
    const resolved = resolveKeys(ask, format).keys;
    if (resolved.length === 0) return { org, state: 'not_in_format' };
    const key = resolved.find(has);
    if (key === undefined) return { org, state: 'row_missing' };
    return { org, state: 'value', key, value: columns.get(key)!.get(cell.reportId)!.value! };
  });
}
