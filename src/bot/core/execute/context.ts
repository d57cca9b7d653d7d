import type { RosterEntry } from '../deps.js';
import type { OrgIndex } from '../orgs.js';
import type { OrgRecord, ReportRecord, ReportStore } from '../store.js';

/** Everything an answer may read: the store, today, the deadline rule, the org index of this snapshot. */
export interface ExecContext {
  store: ReportStore;
  index: OrgIndex;
  now: Date;
  /** Today as `YYYY-MM-DD` in the configured time zone. */
  today: string;
  currentYear: number;
  deadline: (year: number, region: string | null) => string;
  roster?: (year: number) => readonly RosterEntry[] | undefined;
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

/** The report year whose deadline comes next (or is today): in November 2026 that is 2026. */
export function dueYear(ctx: ExecContext, region: string | null): number {
  const previous = ctx.currentYear - 1;
  return ctx.today <= ctx.deadline(previous, region) ? previous : ctx.currentYear;
}
