import type { Finding, FindingCode } from '../parsing/types.js';
import { deadlineMemo, type Calendar } from './calendar.js';
import { reportFinder, type Named } from './filed.js';
import { missingStatus, reportStatus, type OrgStatus } from './status.js';

/** One organisation-year: a row of `check --json` (docs/data-contract.md §4), shaped like the `status` rows of `ask`. */
export interface StatusRow {
  name: string;
  region: string | null;
  year: number;
  status: OrgStatus;
  /** Error codes behind the status; MISSING only once the deadline has passed. */
  codes: FindingCode[];
  /** The deadline day of this organisation for this year. */
  deadline: string;
  signedDate: string | null;
}

export interface AssessedReport {
  id: number;
  name: string;
  region: string | null;
  year: number;
  signedDate: string | null;
  published?: string | null;
  findings: readonly Finding[];
}

/** The counties the entries name: a report's county not among them may be a misprint of one. */
export const regionsOf = (roster: readonly Named[]): Set<string> => new Set(roster.flatMap((e) => (e.region === null ? [] : [e.region])));

/**
 * The report that answers for each expected organisation (same name, same region unless one side
 * does not know it, else a county misprinted: filed.ts misprintOf), in roster order; each report
 * answers for one organisation only. `counties` are the counties of the whole roster when `roster`
 * is a part of it (one county's entries), so that a county of the roster is never taken for a
 * misprint. Linear in the roster and the reports, so it serves a national roster too.
 */
export function matchRoster<R extends Named & { id: number }>(
  roster: readonly Named[],
  reports: readonly R[],
  counties: ReadonlySet<string> = regionsOf(roster),
): Array<R | undefined> {
  const used = new Set<number>();
  const find = reportFinder(reports, counties);
  const skip = (r: R) => used.has(r.id);
  return roster.map((entry) => {
    const report = find(entry, skip);
    if (report) used.add(report.id);
    return report;
  });
}

/** A status row with the report that answers for it, when one is on file. */
export interface AssessedRow<R extends AssessedReport = AssessedReport> {
  row: StatusRow;
  report: R | undefined;
}

/**
 * The status of every expected organisation for a year, in the order given, then of every report
 * on file for it that no expected organisation took.
 */
export function assessYear(input: { year: number; roster: readonly Named[]; reports: readonly AssessedReport[]; calendar: Calendar; now: Date }): StatusRow[] {
  return assessYearWithReports(input).map((a) => a.row);
}

/** assessYear, keeping each row's report (a status page links to it and lists its findings). */
export function assessYearWithReports<R extends AssessedReport>(input: {
  year: number;
  roster: readonly Named[];
  reports: readonly R[];
  calendar: Calendar;
  now: Date;
}): Array<AssessedRow<R>> {
  const { year, roster, reports, calendar: cal, now } = input;
  const rows: Array<AssessedRow<R>> = [];
  const matched = matchRoster(roster, reports);
  const used = new Set(matched.flatMap((r) => (r ? [r.id] : [])));
  const deadline = deadlineMemo();
  for (const [i, entry] of roster.entries()) {
    const due = deadline(cal, year, entry.region).date;
    const report = matched[i];
    if (report) {
      // The roster's region decides the deadline: a report that does not name its county still has one.
      const { status, codes } = reportStatus(cal, { ...report, region: entry.region }, deadline);
      rows.push({ row: { name: entry.name, region: entry.region, year, status, codes, deadline: due, signedDate: report.signedDate }, report });
    } else {
      const { status, codes } = missingStatus(cal, year, entry.region, now, deadline);
      rows.push({ row: { name: entry.name, region: entry.region, year, status, codes, deadline: due, signedDate: null }, report: undefined });
    }
  }
  for (const r of reports) {
    if (used.has(r.id)) continue;
    const { status, codes } = reportStatus(cal, r, deadline);
    rows.push({
      row: { name: r.name, region: r.region, year, status, codes, deadline: deadline(cal, year, r.region).date, signedDate: r.signedDate },
      report: r,
    });
  }
  return rows;
}
