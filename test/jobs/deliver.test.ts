import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { deliverOnce } from '../../src/jobs/deliver.js';
import type { Outgoing } from '../../src/jobs/outgoing.js';
import { retryDelayMs } from '../../src/jobs/retry-policy.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, jobDeps, recordingNotifier } from './helpers.js';

const out = (over: Partial<Outgoing> = {}): Outgoing => ({
  job: 'notice',
  subject: 'org:临清市/康庄镇',
  period: '2026/report-1',
  target: { transport: 'wechat', chatId: 'room1@chatroom' },
  text: '【年报检查】…',
  notAfter: bj('2027-01-27T10:00'),
  ...over,
});

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.dispose());

describe('deliverOnce', () => {
  it('sends nothing in the quiet hours and claims nothing', async () => {
    const rec = recordingNotifier();
    const d = jobDeps(t, DEFAULT_CALENDAR, { wechat: rec.notifier });
    expect(await deliverOnce(d, out(), bj('2027-01-24T21:30'))).toEqual({ kind: 'skipped', reason: 'quiet hours' });
    expect(await deliverOnce(d, out(), bj('2027-01-25T07:59'))).toMatchObject({ kind: 'skipped' });
    expect(rec.sent).toEqual([]);
    expect(t.stores.deliveries.list()).toEqual([]);
  });

  it('leaves a message for a transport it cannot reach to a process that can', async () => {
    const d = jobDeps(t, DEFAULT_CALENDAR, {});
    expect(await deliverOnce(d, out(), bj('2027-01-24T10:00'))).toEqual({ kind: 'skipped', reason: 'no wechat connection here' });
    expect(t.stores.deliveries.list()).toEqual([]);
  });

  it('retries a logged-out WeChat with backoff, then sends once', async () => {
    const rec = recordingNotifier();
    const d = jobDeps(t, DEFAULT_CALENDAR, { wechat: rec.notifier });
    rec.failNext(new Error('wechat is not logged in'));
    const first = await deliverOnce(d, out(), bj('2027-01-24T10:00'));
    expect(first).toEqual({ kind: 'failed', error: 'wechat is not logged in', retryAt: bj('2027-01-24T10:01') });
    expect(await deliverOnce(d, out(), bj('2027-01-24T10:00:30'))).toEqual({ kind: 'skipped', reason: 'retry not before 2027-01-24T02:01:00.000Z' });
    expect(await deliverOnce(d, out(), bj('2027-01-24T10:01'))).toEqual({ kind: 'sent' });
    expect(await deliverOnce(d, out(), bj('2027-01-24T10:05'))).toEqual({ kind: 'skipped', reason: 'already sent' });
    expect(rec.sent).toHaveLength(1);
    expect(t.stores.deliveries.list().map((r) => [r.status, r.attempts, r.lastError])).toEqual([['sent', 2, null]]);
  });

  it('does not retry a refusal that will not change (bot removed from the group)', async () => {
    const rec = recordingNotifier();
    const d = jobDeps(t, DEFAULT_CALENDAR, { wechat: rec.notifier });
    rec.failNext(Object.assign(new Error('403: Forbidden: bot was kicked from the group chat'), { code: 403 }));
    expect(await deliverOnce(d, out(), bj('2027-01-24T10:00'))).toMatchObject({ kind: 'failed', retryAt: null });
    expect(await deliverOnce(d, out(), bj('2027-01-25T10:00'))).toEqual({ kind: 'skipped', reason: 'failed for good' });
    expect(rec.sent).toEqual([]);
  });

  it('does not claim a message whose moment has passed', async () => {
    const d = jobDeps(t, DEFAULT_CALENDAR, { wechat: recordingNotifier().notifier });
    expect(await deliverOnce(d, out(), bj('2027-01-27T10:00'))).toEqual({ kind: 'skipped', reason: 'no longer makes sense' });
    expect(t.stores.deliveries.list()).toEqual([]);
  });

  it('a sender whose expired claim was taken over does not send', () => {
    const key = { job: 'notice', subject: 's', period: 'p', transport: 'wechat', chatId: 'c' };
    const msg = { text: 'x', notAfter: bj('2027-01-27T10:00') };
    const a = t.stores.deliveries.claim(key, msg, 'a', bj('2027-01-24T10:00'), 60_000);
    const b = t.stores.deliveries.claim(key, msg, 'b', bj('2027-01-24T10:02'), 60_000);
    expect([a.kind, b.kind]).toEqual(['claimed', 'claimed']);
    if (a.kind !== 'claimed' || b.kind !== 'claimed') return;
    expect(t.stores.deliveries.startSending(a.id, 'a', bj('2027-01-24T10:02'), 60_000)).toBe(false);
    expect(t.stores.deliveries.startSending(b.id, 'b', bj('2027-01-24T10:02'), 60_000)).toBe(true);
  });
});

describe('retry policy', () => {
  it('waits what Telegram asks on 429, backs off on 5xx and network errors, gives up on other 4xx', () => {
    expect(retryDelayMs({ code: 429, parameters: { retry_after: 17 } }, 1)).toBe(17_000);
    expect(retryDelayMs({ response: { error_code: 429, parameters: { retry_after: 3 } } }, 5)).toBe(3_000);
    expect(retryDelayMs({ code: 502 }, 1)).toBe(60_000);
    expect(retryDelayMs({ code: 502 }, 3)).toBe(240_000);
    expect(retryDelayMs(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 10)).toBe(3_600_000);
    expect(retryDelayMs({ code: 400 }, 1)).toBeNull();
    expect(retryDelayMs({ code: 403 }, 1)).toBeNull();
  });
});
