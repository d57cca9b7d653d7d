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

/** What a whole year says about one figure, per organisation: worked out once per snapshot. */
type YearFigures = Map<number, Omit<Figure, 'org'>>;

/** The memo key of an ask: the key names the figure exactly, as resolution depends on nothing else of it. */
export const askKeyOf = (ask: MetricAsk): string => [ask.family, ask.concept, ask.columns.join(','), ask.hints.join(',')].join('|');

function yearFigures(ctx: FigureContext, year: number, ask: MetricAsk): YearFigures {
  return ctx.memo(`figures|${year}|${askKeyOf(ask)}`, () => {
    const byFormat = { gov2021: resolveKeys(ask, 'gov2021').keys, gov2019: resolveKeys(ask, 'gov2019').keys };
    const keys = [...new Set([...byFormat.gov2021, ...byFormat.gov2019])];
    const columns = new Map(keys.map((key) => [key, ctx.store.figureOfYear(year, key)]));
    const ofFormat = {
      gov2021: byFormat.gov2021.map((key) => [key, columns.get(key)!] as const),
      gov2019: byFormat.gov2019.map((key) => [key, columns.get(key)!] as const),
    };
    const out: YearFigures = new Map();
    // No closures and no needless objects inside the loop: it runs once per report of the year
    // (~40,000 nationally).
    for (const head of ctx.store.headsOfYear(year)) {
      // As resolveFor: a report without standard tables takes whichever layout its stored keys follow.
      const format = head.format !== 'unknown' ? head.format : ofFormat.gov2021.some(([, c]) => c.has(head.reportId)) ? 'gov2021' : 'gov2019';
      const resolved = ofFormat[format];
      let found: Omit<Figure, 'org'> = resolved.length === 0 ? NOT_IN_FORMAT : ROW_MISSING;
      for (const [key, column] of resolved) {
        const value = column.get(head.reportId);
        if (value !== undefined) {
          found = { state: 'value', key, value };
          break;
        }
      }
      out.set(head.orgId, found);
    }
    return out;
  });
}

/** Shared by every organisation in the state: read only. */
const NOT_IN_FORMAT: Omit<Figure, 'org'> = Object.freeze({ state: 'not_in_format' });
const ROW_MISSING: Omit<Figure, 'org'> = Object.freeze({ state: 'row_missing' });

interface FigureContext {
  store: ReportStore;
  memo: <T>(key: string, make: () => T) => T;
}

/**
 * The figure `ask` asks for, for each of `orgs` in `year`, decided exactly as readAsk decides it.
 * A county is read organisation by organisation; the whole country (~40,000 organisations) from
 * one lean column of the year per key, worked out once per snapshot (ctx.memo): figures depend
 * on the database only, not on the calendar.
 */
const NO_REPORT: Omit<Figure, 'org'> = Object.freeze({ state: 'no_report' });

/**
 * The figure `ask` asks for, for each of `orgs` in `year`, decided exactly as readAsk decides it,
 * as a lookup (a national ranking keeps only those with a figure, not 40,000 objects). A county is
 * read organisation by organisation; the whole country (~40,000 organisations) from one lean column
 * of the year per key, worked out once per snapshot (ctx.memo): figures depend on the database
 * only, not on the calendar. Read only.
 */
export function figureLookup(ctx: FigureContext, orgs: readonly OrgRecord[], year: number, ask: MetricAsk): (org: OrgRecord) => Omit<Figure, 'org'> {
  if (orgs.length <= ONE_BY_ONE) {
    const read = new Map(
      orgs.map((org) => {
        const r = readAsk(ctx.store, org, year, ask);
        const v = r.values[0];
        const f: Omit<Figure, 'org'> = v ? { state: r.state, key: v.key, value: v.record.value } : { state: r.state };
        return [org.id, f] as const;
      }),
    );
    return (org) => read.get(org.id) ?? NO_REPORT;
  }
  const figures = yearFigures(ctx, year, ask);
  return (org) => figures.get(org.id) ?? NO_REPORT;
}
