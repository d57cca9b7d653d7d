import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type Calendar } from '../../src/calendar/calendar.js';
import { lastPassedYear, nextDueYear, seasonYear } from '../../src/calendar/due.js';
import { findingsNow, lateness, missingStatus, notYetDue, reportStatus } from '../../src/calendar/status.js';
import type { Finding } from '../../src/parsing/types.js';

const cal: Calendar = { ...DEFAULT_CALENDAR, regionDeadlines: { 霍邱县: '02-20' } };
const bj = (s: string) => new Date(`${s}+08:00`);
const err = (code: Finding['code']): Finding => ({ code, severity: 'error', message: '…' });

describe('the report year a question is about', () => {
  it('season, next due and last passed, around 31 January', () => {
    const years = (at: string, region: string | null = null) => [
      seasonYear(cal, bj(at)),
      nextDueYear(cal, bj(at), region),
      lastPassedYear(cal, bj(at), region),
    ];
    expect(years('2026-11-21T10:00')).toEqual([2025, 2026, 2025]);
    expect(years('2027-01-31T23:59')).toEqual([2026, 2026, 2025]);
    expect(years('2027-02-01T00:00')).toEqual([2026, 2027, 2026]);
    // 霍邱县 collects by 20 February: its 2026 reports are not overdue on 1 February.
    expect(years('2027-02-01T00:00', '霍邱县')).toEqual([2026, 2026, 2025]);
    expect(years('2027-02-21T00:00', '霍邱县')).toEqual([2026, 2027, 2026]);
  });
});

describe('the status of an organisation-year', () => {
  const report = (signedDate: string | null, findings: Finding[] = [], region: string | null = null, published?: string) => ({
    year: 2026,
    region,
    signedDate,
    published,
    findings,
  });

  it('late is judged from the publication date when known, else the signature, against the region’s deadline', () => {
    expect(lateness(cal, report('2027-02-03'))).toEqual({ date: '2027-02-03', deadline: '2027-01-31', late: true, daysLate: 3 });
    expect(lateness(cal, report('2027-02-03', [], '霍邱县')).late).toBe(false);
    expect(lateness(cal, report('2027-01-20', [], null, '2027-02-02')).date).toBe('2027-02-02');
    expect(lateness(cal, report(null))).toMatchObject({ date: null, late: null });
  });

  it('ok, late, incomplete: errors other than lateness make a report incomplete', () => {
    expect(reportStatus(cal, report('2027-01-20'))).toEqual({ status: 'ok', codes: [] });
    expect(reportStatus(cal, report('2027-02-03'))).toEqual({ status: 'late', codes: ['LATE'] });
    expect(reportStatus(cal, report('2027-02-03', [err('T3_BALANCE')]))).toEqual({ status: 'incomplete', codes: ['LATE', 'T3_BALANCE'] });
    // A LATE stored by an older version counts for nothing; the dates decide.
    expect(reportStatus(cal, report('2027-01-20', [err('LATE')]))).toEqual({ status: 'ok', codes: [] });
    expect(findingsNow(cal, report('2027-01-20', [err('LATE'), err('T3_BALANCE')])).map((f) => f.code)).toEqual(['T3_BALANCE']);
    expect(findingsNow(cal, report('2027-02-03', [err('T3_BALANCE')])).map((f) => f.code)).toEqual(['LATE', 'T3_BALANCE']);
  });

  it('missing, and not yet due before the deadline', () => {
    const before = missingStatus(cal, 2026, null, bj('2027-01-31T23:59'));
    expect(before).toEqual({ status: 'missing', codes: [] });
    expect(notYetDue(before)).toBe(true);
    const after = missingStatus(cal, 2026, null, bj('2027-02-01T00:00'));
    expect(after).toEqual({ status: 'missing', codes: ['MISSING'] });
    expect(notYetDue(after)).toBe(false);
    expect(missingStatus(cal, 2026, '霍邱县', bj('2027-02-01T00:00')).codes).toEqual([]);
  });
});
