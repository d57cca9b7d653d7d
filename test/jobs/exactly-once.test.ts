import { pino } from 'pino';
import type { DbHandle } from '../../db/client.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramHandle } from '../../src/bot/adapters/telegram.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { runTs } from '../ingest/run-child.js';
import { bj, jobDeps } from './helpers.js';

/**
 * Exactly once, with the real pieces: a migrated SQLite file, the Telegram adapter talking to the
 * fake Bot API over HTTP, and (for crashes) a second process killed mid-run. 24 January 2027 is D-7
 * for 临清市: 康庄镇's group gets its countdown and the county group the list of the unfiled.
 */

const D7 = bj('2027-01-24T09:00');
const TOWN = { transport: 'telegram' as const, chatId: '-1001' };
const COUNTY = { transport: 'telegram' as const, chatId: '-1000' };

let t: TestDb;
let fake: FakeTelegram;
let telegram: TelegramHandle;

beforeEach(async () => {
  t = createTestDb();
  t.stores.roster.import(
    [
      { name: '康庄镇', region: '临清市', kind: 'town' },
      { name: '唐园镇', region: '临清市', kind: 'town' },
    ],
    bj('2026-12-01T10:00'),
  );
  const subs = t.stores.subscriptions;
  subs.subscribe(TOWN, { kind: 'org', name: '康庄镇' }, 'telegram:1', bj('2026-12-01T10:00'));
  subs.subscribe(COUNTY, { kind: 'region', name: '临清市' }, 'telegram:1', bj('2026-12-01T10:00'));
  fake = await startFakeTelegram();
  telegram = await startTelegram({
    config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } },
    pipeline: { handle: async () => null },
    log: pino({ level: 'silent' }),
    // One attempt per send: failures come back to the delivery log, whose retry is under test here.
    retry: { maxAttempts: 1 },
  });
});

afterEach(async () => {
  await telegram.stop();
  await fake.close();
  t.dispose();
});

const deps = (owner = 'instance-a', db: DbHandle = t): JobDeps & { log: ReturnType<typeof jobDeps>['log'] } =>
  jobDeps(db, DEFAULT_CALENDAR, { telegram: telegram.notifier }, owner);
const sentTo = () => fake.sent.map((b) => String(b.chat_id)).sort();
const statuses = () => t.stores.deliveries.list().map((d) => [d.chatId, d.status, d.attempts]);

describe('exactly once', () => {
  it('running the job twice sends each message once', async () => {
    const first = await runReminders(deps(), D7);
    const second = await runReminders(deps(), D7);
    expect([first.sent, second.sent, second.skipped]).toEqual([2, 0, 2]);
    expect(sentTo()).toEqual(['-1000', '-1001']);
    expect(String(fake.sent.find((b) => b.chat_id === '-1001')?.text)).toContain(
      '康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天',
    );
  });

  it('two service instances on the same database at once send each message once', async () => {
    const other = t.reopen();
    const results = await Promise.all([runReminders(deps('instance-a'), D7), runReminders(deps('instance-b', other), D7)]);
    expect(results.map((r) => r.sent).reduce((a, b) => a + b)).toBe(2);
    expect(sentTo()).toEqual(['-1000', '-1001']);
    expect(statuses()).toEqual([
      ['-1001', 'sent', 1],
      ['-1000', 'sent', 1],
    ]);
  });

  it('a process killed between claim and send: the message is sent later by another, once', async () => {
    const child = await runTs('test/jobs/crash-remind.script.ts', [t.path, D7.toISOString(), 'claim']);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toBe('CLAIMED -1001\n');
    expect(statuses()).toEqual([['-1001', 'claimed', 0]]);

    // Still within the dead process's lease: the county message goes out, the town's waits.
    await runSweep(deps(), new Date(D7.getTime() + 30_000));
    expect(sentTo()).toEqual(['-1000']);
    // The lease has run out: taken over and sent.
    await runSweep(deps(), new Date(D7.getTime() + 5 * 60_000));
    await runSweep(deps(), new Date(D7.getTime() + 10 * 60_000));
    expect(sentTo()).toEqual(['-1000', '-1001']);
    expect(statuses()).toEqual([
      ['-1001', 'sent', 1],
      ['-1000', 'sent', 1],
    ]);
  });

  it('a process killed inside the platform call: never resent (it may have arrived), and logged', async () => {
    const child = await runTs('test/jobs/crash-remind.script.ts', [t.path, D7.toISOString(), 'send']);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toBe('CLAIMED -1001\nSENDING -1001\n');
    const d = deps();
    await runSweep(d, new Date(D7.getTime() + 60 * 60_000));
    expect(sentTo()).toEqual(['-1000']);
    expect(statuses()).toEqual([
      ['-1001', 'unknown', 0],
      ['-1000', 'sent', 1],
    ]);
    expect(d.log.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual([
      'a send was interrupted; whether it arrived is unknown, so it is not sent again',
    ]);
  });

  it('429 Too Many Requests: delivered after retry_after, once', async () => {
    fake.failNextSend({ kind: 'retryAfter', seconds: 120 });
    const first = await runReminders(deps(), D7);
    expect([first.sent, first.failed]).toEqual([1, 1]);
    const failed = t.stores.deliveries.list({ status: 'failed' });
    expect(failed.map((d) => [d.chatId, d.attempts, d.nextAttemptAt])).toEqual([['-1001', 1, '2027-01-24T01:02:00.000Z']]);
    expect(failed[0]?.lastError).toContain('429');

    await runSweep(deps(), bj('2027-01-24T09:01'));
    expect(sentTo()).toEqual(['-1000']);
    await runSweep(deps(), bj('2027-01-24T09:02'));
    await runSweep(deps(), bj('2027-01-24T09:03'));
    expect(sentTo()).toEqual(['-1000', '-1001']);
    expect(statuses()).toEqual([
      ['-1001', 'sent', 2],
      ['-1000', 'sent', 1],
    ]);
  });

  it('a 5xx answer is retried with growing pauses until it goes through', async () => {
    fake.failNextSend({ kind: 'serverError' });
    await runReminders(deps(), D7);
    expect(t.stores.deliveries.list({ status: 'failed' }).map((d) => d.nextAttemptAt)).toEqual(['2027-01-24T01:01:00.000Z']);
    fake.failNextSend({ kind: 'serverError' });
    await runSweep(deps(), bj('2027-01-24T09:01'));
    expect(t.stores.deliveries.list({ status: 'failed' }).map((d) => [d.attempts, d.nextAttemptAt])).toEqual([[2, '2027-01-24T01:03:00.000Z']]);
    await runSweep(deps(), bj('2027-01-24T09:03'));
    expect(sentTo()).toEqual(['-1000', '-1001']);
    expect(statuses()).toEqual([
      ['-1001', 'sent', 3],
      ['-1000', 'sent', 1],
    ]);
  });

  it('a reminder still undelivered when its day is over is dropped and logged, not sent the next day', async () => {
    fake.failNextSend({ kind: 'serverError' });
    await runReminders(deps(), D7);
    const d = deps();
    await runSweep(d, bj('2027-01-25T09:00'));
    expect(sentTo()).toEqual(['-1000']);
    expect(statuses()).toEqual([
      ['-1001', 'dropped', 1],
      ['-1000', 'sent', 1],
    ]);
    expect(d.log.entries.find((e) => e.msg === 'undelivered message dropped: it no longer makes sense')?.obj).toMatchObject({
      job: 'remind',
      subject: 'org:临清市/康庄镇',
      period: '2026/D-7',
      chatId: '-1001',
    });
  });
});
