import type { ReportRecord } from '../bot/core/store.js';
import type { Finding, FindingCode } from '../parsing/types.js';
import { deadlineOf, type Calendar, type Deadline } from './calendar.js';
import { reportFinder, sortByRegionAndName, type RosterEntry } from './roster.js';

export type OrgStatus = 'ok' | 'late' | 'missing' | 'incomplete';

/** One row of `check --json` (docs/data-contract.md §4), shaped like the `status` rows of `ask`. */
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

export type AssessedReport = Pick<ReportRecord, 'id' | 'name' | 'region' | 'year' | 'signedDate' | 'findings'>;

/**
 * Late is judged again here from the signed date and the calendar rather than taken from the stored
 * LATE finding: the calendar (with today's per-region overrides) is the authority, and a report
 * ingested under other settings must not keep a stale verdict. An unknown date is not late.
 */
export function isLate(cal: Calendar, report: Pick<AssessedReport, 'year' | 'region' | 'signedDate'>, deadline = deadlineOf): boolean {
  return report.signedDate !== null && report.signedDate > deadline(cal, report.year, report.region).date;
}

/**
 * deadlineOf for many organisations at once: the answer depends only on the year and the region,
 * and working out the instant goes through Intl, so each (year, region) is worked out once.
 */
export function deadlineMemo(): typeof deadlineOf {
  const memo = new Map<string, Deadline>();
  return (cal, year, region) => {
    const key = `${year}|${region === null ? '\u0000' : region}`;
    let d = memo.get(key);
    if (!d) memo.set(key, (d = deadlineOf(cal, year, region)));
    return { date: d.date, overdueFrom: new Date(d.overdueFrom.getTime()) };
  };
}

/** The error findings of a report that make it incomplete (LATE excluded: it is judged separately). */
export function completenessErrors(report: Pick<AssessedReport, 'findings'>): Finding[] {
  return report.findings.filter((f) => f.severity === 'error' && f.code !== 'LATE' && f.code !== 'MISSING');
}

function statusOfReport(cal: Calendar, report: AssessedReport, deadline = deadlineOf): Pick<StatusRow, 'status' | 'codes'> {
  const errors = [...new Set(completenessErrors(report).map((f) => f.code))];
  const late = isLate(cal, report, deadline);
  const codes: FindingCode[] = late ? ['LATE', ...errors] : errors;
  return { status: errors.length > 0 ? 'incomplete' : late ? 'late' : 'ok', codes };
}

/**
 * The status of every organisation on the roster for a year, and of every report on file for it.
 * Before the deadline an organisation without a report is listed as missing with no codes: not yet
 * overdue, but still to come.
 */
export function assessYear(input: {
  year: number;
  roster: readonly RosterEntry[];
  reports: readonly AssessedReport[];
  calendar: Calendar;
  now: Date;
}): StatusRow[] {
  const { year, roster, reports, calendar: cal, now } = input;
  const rows: StatusRow[] = [];
  const used = new Set<number>();
  const find = reportFinder(reports);
  const deadlineFor = deadlineMemo();
  for (const entry of roster) {
    const deadline = deadlineFor(cal, year, entry.region);
    const report = find(entry, (r) => used.has(r.id));
    if (report) {
      used.add(report.id);
      rows.push({ name: entry.name, region: entry.region, year, ...statusOfReport(cal, { ...report, region: entry.region }, deadlineFor), deadline: deadline.date, signedDate: report.signedDate });
    } else {
      const overdue = now.getTime() >= deadline.overdueFrom.getTime();
      rows.push({ name: entry.name, region: entry.region, year, status: 'missing', codes: overdue ? ['MISSING'] : [], deadline: deadline.date, signedDate: null });
    }
  }
  for (const r of reports) {
    if (used.has(r.id)) continue;
    rows.push({ name: r.name, region: r.region, year, ...statusOfReport(cal, r, deadlineFor), deadline: deadlineFor(cal, year, r.region).date, signedDate: r.signedDate });
  }
  return sortByRegionAndName(rows);
}
