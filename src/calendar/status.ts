import type { Finding, FindingCode } from '../parsing/types.js';
import { deadlineOf, isOverdue, type Calendar, type DeadlineRule } from './calendar.js';
import { daysBetween } from './time.js';

/**
 * The status of an organisation-year (docs/data-contract.md §3): `ok`, `late`, `incomplete`, or `missing`
 * (with the MISSING code only once the deadline has passed; before it, not yet due).
 *
 * LATE is never read from storage. It depends on the calendar (NIANBAO_DEADLINES may change after
 * a report came in), so it is judged here from the report's stored dates every time it is asked
 * for. The parser does not raise it; a LATE row left in a database by an older version is dropped.
 */
export type OrgStatus = 'ok' | 'late' | 'missing' | 'incomplete';

/** What lateness reads of a report. `published` is the website's date when the input stated one. */
export interface DatedReport {
  year: number;
  region: string | null;
  signedDate: string | null;
  published?: string | null;
}

/** The date lateness is judged by: the publication date when known, else the signature date. */
export const publicationDate = (r: DatedReport): string | null => r.published ?? r.signedDate;

export interface Lateness {
  /** The date judged (publication, else signature), or null when the report has none. */
  date: string | null;
  /** The deadline day of the report's region and year, inclusive. */
  deadline: string;
  /** Null when there is no date to judge. */
  late: boolean | null;
  /** Days after the deadline day (negative or 0 when on time); null without a date. */
  daysLate: number | null;
}

export function lateness(cal: Calendar, r: DatedReport, deadline: DeadlineRule = deadlineOf): Lateness {
  const date = publicationDate(r);
  const due = deadline(cal, r.year, r.region).date;
  if (date === null) return { date, deadline: due, late: null, daysLate: null };
  const daysLate = daysBetween(due, date);
  return { date, deadline: due, late: date > due, daysLate };
}

/** An unknown date is not late (DATE_UNKNOWN says so instead). ISO dates compare as strings. */
export function isLate(cal: Calendar, r: DatedReport, deadline: DeadlineRule = deadlineOf): boolean {
  const date = publicationDate(r);
  return date !== null && date > deadline(cal, r.year, r.region).date;
}

/** The sentences of the LATE finding (kept here, next to the rule that raises it). */
const LATE_MESSAGE = (date: string, due: string) => `报告落款日期${date}晚于截止日期${due}，属于逾期发布`;

/** The LATE finding a report has under this calendar, or null. */
export function lateFinding(cal: Calendar, r: DatedReport, deadline: DeadlineRule = deadlineOf): Finding | null {
  const l = lateness(cal, r, deadline);
  return l.late ? { code: 'LATE', severity: 'error', message: LATE_MESSAGE(l.date!, l.deadline) } : null;
}

type WithFindings = DatedReport & { findings: readonly Finding[] };

/**
 * A report's findings as they stand today: what the checks stored (without any LATE an older
 * version stored), with LATE judged now in front, since it is an error.
 */
export function findingsNow(cal: Calendar, r: WithFindings, deadline: DeadlineRule = deadlineOf): Finding[] {
  const late = lateFinding(cal, r, deadline);
  const stored = r.findings.filter((f) => f.code !== 'LATE');
  return late ? [late, ...stored] : stored;
}

/** The error findings that make a report incomplete: every error but LATE and MISSING, which are judged here. */
export function completenessErrors(r: Pick<WithFindings, 'findings'>): Finding[] {
  return r.findings.filter((f) => f.severity === 'error' && f.code !== 'LATE' && f.code !== 'MISSING');
}

export interface Verdict {
  status: OrgStatus;
  /** Error codes behind the status: LATE first, then the errors that make the report incomplete; MISSING once overdue. */
  codes: FindingCode[];
}

/** The status of a report on file: incomplete when any error but lateness, else late, else ok. */
export function reportStatus(cal: Calendar, r: WithFindings, deadline: DeadlineRule = deadlineOf): Verdict {
  const errors = [...new Set(completenessErrors(r).map((f) => f.code))];
  const late = isLate(cal, r, deadline);
  return { status: errors.length > 0 ? 'incomplete' : late ? 'late' : 'ok', codes: late ? ['LATE', ...errors] : errors };
}

/** The status of an organisation without a report: missing, and MISSING once its deadline has passed. */
export function missingStatus(cal: Calendar, year: number, region: string | null, now: Date, deadline: DeadlineRule = deadlineOf): Verdict {
  return { status: 'missing', codes: isOverdue(cal, year, region, now, deadline) ? ['MISSING'] : [] };
}

/** Whether a verdict is a report still to come rather than an overdue one. */
export const notYetDue = (v: Verdict): boolean => v.status === 'missing' && !v.codes.includes('MISSING');
