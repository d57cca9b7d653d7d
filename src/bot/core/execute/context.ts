import { DEFAULT_CALENDAR, deadlineMemo, type Calendar } from '../../../calendar/calendar.js';
import { localDate } from '../../../calendar/time.js';
import type { CoreDeps, RosterEntry } from '../deps.js';
import type { OrgIndex } from '../orgs.js';
import type { Snapshot } from '../snapshot.js';
import type { OrgRecord, ReportRecord, ReportStore } from '../store.js';
import { judgedStore } from './judged-store.js';

/** Everything an answer may read: the store, today, the calendar, the org index of this snapshot. */
export interface ExecContext {
  /** Reports with their findings as they stand today (LATE judged by the calendar). */
  store: ReportStore;
  index: OrgIndex;
  now: Date;
  /** Today as `YYYY-MM-DD` in the calendar's time zone. */
  today: string;
  currentYear: number;
  calendar: Calendar;
  /** The deadline day (inclusive) of a year's reports in a region, under the calendar. */
  deadline: (year: number, region: string | null) => string;
  roster?: (year: number) => readonly RosterEntry[] | undefined;
  /** Worked out once until the database changes (Snapshot.memo). */
  memo: Snapshot['memo'];
  /** Names of the organisations the asking chat is bound to: a ranking says where they stand. */
  home?: readonly string[];
}

/** The context of one question, asked at `now` of the store's current snapshot. */
export function execContext(deps: CoreDeps, snapshot: Snapshot, now: Date): ExecContext {
  const calendar = deps.calendar ?? DEFAULT_CALENDAR;
  const today = localDate(now, calendar.timeZone);
  const memo = deadlineMemo();
  return {
    store: judgedStore(deps.store, calendar),
    index: snapshot.index,
    now,
    today,
    currentYear: Number(today.slice(0, 4)),
    calendar,
    deadline: (year, region) => memo(calendar, year, region).date,
    roster: deps.roster,
    memo: snapshot.memo,
  };
}

/** Organisations a scope covers: those named, else a region's, else all on file. */
export function scopeOrgs(ctx: ExecContext, scope: { orgs: Array<{ org: OrgRecord }>; region: string | null }): OrgRecord[] {
  if (scope.orgs.length > 0) return scope.orgs.map((o) => o.org);
  if (scope.region) return ctx.index.orgs.filter((o) => o.region === scope.region);
  return [...ctx.index.orgs];
}

/** The name answers use: the short name, with the county in front when two organisations share it. */
export function nameOf(ctx: ExecContext, x: OrgRecord | ReportRecord): string {
  const id = 'orgId' in x ? x.orgId : x.id;
  return ctx.index.labels.get(id) ?? x.name;
}

/** Row identity: the short name, plus the region when the short name alone is ambiguous. */
export function rowName(ctx: ExecContext, x: OrgRecord | ReportRecord): { name: string; region?: string | null } {
  return nameOf(ctx, x) === x.name ? { name: x.name } : { name: x.name, region: x.region };
}
