import type { Finding, FindingCode } from '../parsing/types.js';
import { deadlineMemo, type Calendar } from './calendar.js';
import { reportFinder, type Named } from './filed.js';
import { missingStatus, reportStatus, type OrgStatus } from './status.js';

/** One organisation-year: a row of `check --json` (data contract §4), shaped like the `status` rows of `ask`. */
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

/**
 * The status of every expected organisation for a year, in the order given, then of every report
 * on file for it that no expected organisation took. Each report answers for one organisation only.
 * Linear in the roster and the reports, so it serves a national roster too.
 */
export function assessYear(input: {
  year: number;
  roster: readonly Named[];
  reports: readonly AssessedReport[];
  calendar: Calendar;
  now: Date;
}): StatusRow[] {
  const { year, roster, reports, calendar: cal, now } = input;
  const rows: StatusRow[] = [];
  const used = new Set<number>();
  const find = reportFinder(reports);
  const deadline = deadlineMemo();
  for (const entry of roster) {
    const due = deadline(cal, year, entry.region).date;
    const report = find(entry, (r) => used.has(r.id));
    if (report) {
      used.add(report.id);
      // The roster's region decides the deadline: a report that does not name its county still has one.
      const verdict = reportStatus(cal, { ...report, region: entry.region }, deadline);
      rows.push({ name: entry.name, region: entry.region, year, ...verdict, deadline: due, signedDate: report.signedDate });
    } else {
      rows.push({ name: entry.name, region: entry.region, year, ...missingStatus(cal, year, entry.region, now, deadline), deadline: due, signedDate: null });
    }
  }
  for (const r of reports) {
    if (used.has(r.id)) continue;
    rows.push({ name: r.name, region: r.region, year, ...reportStatus(cal, r, deadline), deadline: deadline(cal, year, r.region).date, signedDate: r.signedDate });
  }
  return rows;
}
