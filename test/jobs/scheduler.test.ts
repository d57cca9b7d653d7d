// The process runs in UTC, as many servers do; reminders must still go out at 09:00 Beijing time.
process.env.TZ = 'UTC';

import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CALENDAR, calendarFromConfig } from '../../src/calendar/calendar.js';
import { catchUp, jobsFor, startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, jobDeps, recordingNotifier } from './helpers.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
  t.stores.roster.import([{ name: '康庄镇', region: '临清市', kind: 'town' }], bj('2026-12-01T10:00'));
  t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-1001' }, { kind: 'org', name: '康庄镇' }, 'telegram:1', bj('2026-12-01T10:00'));
});
afterEach(() => {
  vi.useRealTimers();
  t.dispose();
});

describe('the jobs table', () => {
  it('has unique names and valid cron expressions; the daily jobs follow the configured send time', () => {
    const jobs = jobsFor(DEFAULT_CALENDAR);
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
    for (const j of jobs) expect(cron.validate(j.cron)).toBe(true);
    expect(jobs.map((j) => [j.name, j.cron, j.daily])).toEqual([
      ['remind', '0 9 * * *', true],
      ['escalate', '0 9 * * *', true],
      ['sweep', '* * * * *', false],
    ]);
    const late = calendarFromConfig({
      timeZone: 'Asia/Shanghai',
      deadlineOverrides: {},
      schedule: { remindDays: [7], remindAt: '10:30', escalateAfter: 1, escalateEvery: 7, quietHours: { from: '21:00', to: '08:00' } },
    });
    expect(jobsFor(late)[0]?.cron).toBe('30 10 * * *');
  });
});

describe('node-cron in a UTC process', () => {
  it('fires the reminders at 09:00 Asia/Shanghai (01:00 UTC), not at 09:00 UTC', async () => {
    expect(new Date(2027, 0, 24).getTimezoneOffset()).toBe(0);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-01-24T00:59:58Z'));
    const sentAt: string[] = [];
    const handle = startScheduler({
      deps: jobDeps(t, calendarFromConfig({ timeZone: 'Asia/Shanghai', deadlineOverrides: {} }), {
        telegram: { send: async () => void sentAt.push(new Date().toISOString()) },
      }),
    });
    await handle.ready;
    expect(sentAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sentAt).toEqual(['2027-01-24T01:00:00.000Z']);
    expect(t.stores.jobRuns.last('remind')?.toISOString()).toBe('2027-01-24T01:00:00.000Z');
    // Past 09:00 UTC: the sweep runs every minute meanwhile, and nothing goes out twice.
    await vi.advanceTimersByTimeAsync(9 * 60 * 60_000);
    expect(sentAt).toHaveLength(1);
    await handle.stop();
  });
});

describe('start-up catch-up', () => {
  const run = async (now: Date) => {
    const rec = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { telegram: rec.notifier });
    await catchUp(deps, jobsFor(DEFAULT_CALENDAR), now);
    return { sent: rec.sent, logged: deps.log.entries.map((e) => [e.msg, (e.obj as { job?: string }).job]) };
  };

  it('runs a daily job missed earlier the same day while its window is open', async () => {
    const { sent, logged } = await run(bj('2027-01-24T10:30'));
    expect(sent.map((s) => s.target.chatId)).toEqual(['-1001']);
    expect(logged).toContainEqual(['catching up a run missed while the service was down', 'remind']);
    expect((await run(bj('2027-01-24T11:00'))).logged).toEqual([]);
  });

  it('skips with a log line a run whose day is over: no burst of stale reminders', async () => {
    const evening = await run(bj('2027-01-24T21:30'));
    expect(evening.sent).toEqual([]);
    expect(evening.logged).toContainEqual(['missed run skipped: its day is over', 'remind']);
    const nextMorning = await run(bj('2027-01-25T08:30'));
    expect(nextMorning.sent).toEqual([]);
    expect(nextMorning.logged).toContainEqual(['missed run skipped: its day is over', 'remind']);
  });
});
