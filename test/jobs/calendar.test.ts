import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, calendarFromConfig, deadlineOf, type Calendar } from '../../src/calendar/calendar.js';
import { seasonYear } from '../../src/calendar/due.js';
import { escalationToday, inSendWindow, isQuiet, lastDailyRun, reminderToday, windowEnd } from '../../src/calendar/schedule.js';
import { addDays, localDate, wallClock, zonedInstant } from '../../src/calendar/time.js';
import { loadConfig } from '../../src/config.js';

const cal: Calendar = { ...DEFAULT_CALENDAR, regionDeadlines: { 霍邱县: '02-20' } };
const bj = (s: string) => new Date(`${s}+08:00`);

describe('time zone arithmetic', () => {
  it('reads Beijing wall-clock time from any instant, whatever the process time zone', () => {
    expect(wallClock(new Date('2027-01-24T01:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-01-24', minute: 9 * 60 });
    expect(localDate(new Date('2027-01-23T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-24');
    expect(localDate(new Date('2027-01-23T15:59:59Z'), 'Asia/Shanghai')).toBe('2027-01-23');
  });

  it('finds the instant of a wall-clock time, also across a daylight-saving change', () => {
    expect(zonedInstant('2027-01-24', 9 * 60, 'Asia/Shanghai').toISOString()).toBe('2027-01-24T01:00:00.000Z');
    expect(zonedInstant('2027-03-14', 9 * 60, 'America/New_York').toISOString()).toBe('2027-03-14T13:00:00.000Z');
    expect(zonedInstant('2027-03-13', 9 * 60, 'America/New_York').toISOString()).toBe('2027-03-13T14:00:00.000Z');
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('deadlines', () => {
  it('is 31 January 23:59 Beijing time of the next year, overdue from the minute after', () => {
    const d = deadlineOf(cal, 2026, '临清市');
    expect(d.date).toBe('2027-01-31');
    expect(d.overdueFrom.toISOString()).toBe('2027-01-31T16:00:00.000Z');
  });

  it('takes a region override (a county collecting its towns by 20 February)', () => {
    expect(deadlineOf(cal, 2026, '霍邱县').date).toBe('2027-02-20');
    expect(deadlineOf(cal, 2026, null).date).toBe('2027-01-31');
  });

  it('builds the calendar from the configuration, with working defaults', () => {
    const loaded = loadConfig({
      NIANBAO_DEADLINES: '霍邱县=02-20',
      NIANBAO_REMIND_DAYS: '7,1',
      NIANBAO_REMIND_AT: '10:30',
      NIANBAO_QUIET_HOURS: '20:00-07:30',
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const c = calendarFromConfig(loaded.config);
    expect(c).toMatchObject({
      timeZone: 'Asia/Shanghai',
      regionDeadlines: { 霍邱县: '02-20' },
      remindDays: [7, 1],
      sendAt: 630,
      quiet: { from: 1200, to: 450 },
    });
    const plain = loadConfig({});
    if (!plain.ok) throw new Error(plain.message);
    expect(calendarFromConfig(plain.config)).toEqual(DEFAULT_CALENDAR);
  });

  it('rejects a reminder time inside the quiet hours and malformed schedule variables', () => {
    const bad = loadConfig({ NIANBAO_REMIND_AT: '22:00' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('NIANBAO_REMIND_AT');
    expect(loadConfig({ NIANBAO_REMIND_DAYS: '7,x' }).ok).toBe(false);
    expect(loadConfig({ NIANBAO_QUIET_HOURS: '21-8' }).ok).toBe(false);
  });
});

describe('reminder and escalation days', () => {
  it('the season of January 2027 is the report year 2026', () => {
    expect(seasonYear(cal, bj('2027-01-01T00:30'))).toBe(2026);
    expect(seasonYear(cal, new Date('2026-12-31T16:30:00Z'))).toBe(2026);
  });

  it('reminds on D-30, D-14, D-7, D-3, D-1 and D-day from 09:00', () => {
    const days = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2027-01-${String(d).padStart(2, '0')}`;
      const offset = reminderToday(cal, 2026, '临清市', bj(`${date}T09:00`));
      if (offset !== null) days.push([date, offset]);
    }
    expect(days).toEqual([
      ['2027-01-01', -30],
      ['2027-01-17', -14],
      ['2027-01-24', -7],
      ['2027-01-28', -3],
      ['2027-01-30', -1],
      ['2027-01-31', 0],
    ]);
    expect(reminderToday(cal, 2026, '临清市', bj('2027-01-24T08:59'))).toBeNull();
    expect(reminderToday(cal, 2026, '临清市', bj('2027-01-24T21:00'))).toBeNull();
    expect(reminderToday(cal, 2026, '霍邱县', bj('2027-02-13T09:00'))).toBe(-7);
  });

  it('escalates on D+1 and then weekly, until the end of the following year', () => {
    expect(escalationToday(cal, 2026, '临清市', bj('2027-01-31T09:00'))).toBeNull();
    expect(escalationToday(cal, 2026, '临清市', bj('2027-02-01T09:00'))).toBe(1);
    expect(escalationToday(cal, 2026, '临清市', bj('2027-02-02T09:00'))).toBeNull();
    expect(escalationToday(cal, 2026, '临清市', bj('2027-02-08T09:00'))).toBe(8);
    expect(escalationToday(cal, 2026, '霍邱县', bj('2027-02-21T09:00'))).toBe(1);
    expect(escalationToday(cal, 2026, '临清市', bj('2027-12-27T09:00'))).toBe(330);
    expect(escalationToday(cal, 2026, '临清市', bj('2028-01-03T09:00'))).toBeNull();
  });

  it('sends nothing between 21:00 and 08:00, and a day’s message expires at 21:00', () => {
    expect(isQuiet(cal, bj('2027-01-24T20:59'))).toBe(false);
    expect(isQuiet(cal, bj('2027-01-24T21:00'))).toBe(true);
    expect(isQuiet(cal, bj('2027-01-25T07:59'))).toBe(true);
    expect(isQuiet(cal, bj('2027-01-25T08:00'))).toBe(false);
    expect(inSendWindow(cal, bj('2027-01-25T08:30'))).toBe(false);
    expect(windowEnd(cal, '2027-01-24').toISOString()).toBe('2027-01-24T13:00:00.000Z');
  });

  it('knows the last daily run time at or before now', () => {
    expect(lastDailyRun(cal, 540, bj('2027-01-24T09:00')).toISOString()).toBe('2027-01-24T01:00:00.000Z');
    expect(lastDailyRun(cal, 540, bj('2027-01-24T08:59')).toISOString()).toBe('2027-01-23T01:00:00.000Z');
  });
});
