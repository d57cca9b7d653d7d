import { createServer } from 'node:net';
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramSender, neverConnected } from '../../src/bot/adapters/telegram-send.js';
import type { Notifier } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { deliverOnce, SEND_LEASE_MS } from '../../src/jobs/deliver.js';
import type { Outgoing } from '../../src/jobs/outgoing.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { bj, jobDeps, recordingNotifier } from './helpers.js';

/**
 * A Telegram outage: the sender retries for minutes while the delivery log waits. A process killed
 * during those retries must leave the message to be sent again when no request ever reached
 * Telegram, and must not when one may have.
 */

const log = pino({ level: 'silent' });
const out: Outgoing = {
  job: 'remind',
  subject: 'org:沂源县/张家坡镇',
  period: '2026/D-7',
  target: { transport: 'telegram', chatId: '-1001' },
  text: '【年报提醒】张家坡镇：…',
  notAfter: bj('2027-01-25T00:00'),
};
const now = bj('2027-01-24T09:00');

/** A port on 127.0.0.1 with nothing listening: every connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * A Telegram notifier whose retry pause is where the process "dies": the pause never ends, and
 * `paused` resolves with the delivery row's status at that moment.
 */
function dyingNotifier(apiRoot: string, token: string, t: TestDb) {
  let statusAtPause!: (s: string) => void;
  const paused = new Promise<string>((r) => (statusAtPause = r));
  const sender = createTelegramSender(new Telegram(token, { apiRoot }), log, {
    sleep: () => {
      statusAtPause(t.stores.deliveries.list()[0]?.status ?? 'none');
      return new Promise<void>(() => {});
    },
  });
  const notifier: Notifier = { send: (target, text, progress) => sender.send(target.chatId, text, undefined, progress) };
  return { notifier, paused };
}

let t: TestDb;
let fake: FakeTelegram | undefined;
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  t.dispose();
});

describe('a send killed during an outage', () => {
  it('tells a refused connection from one that may have reached the server', () => {
    expect(neverConnected(Object.assign(new Error('connect ECONNREFUSED'), { name: 'FetchError', code: 'ECONNREFUSED' }))).toBe(true);
    expect(neverConnected(Object.assign(new Error('getaddrinfo ENOTFOUND'), { name: 'FetchError', code: 'ENOTFOUND' }))).toBe(true);
    expect(neverConnected(Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' }))).toBe(false);
    expect(neverConnected(Object.assign(new Error('timeout'), { name: 'FetchError', code: 'ETIMEDOUT' }))).toBe(false);
  });

  it('is sent again when no connection was ever made', async () => {
    const port = await closedPort();
    const dying = dyingNotifier(`http://127.0.0.1:${port}`, '1:T', t);
    const first = jobDeps(t, DEFAULT_CALENDAR, { telegram: dying.notifier }, 'process-1');
    void deliverOnce(first, out, now);
    // Between retries of a refused connection the row is only a claim.
    expect(await dying.paused).toBe('claimed');

    // The process is gone. Later, another one sweeps and plans again.
    const rec = recordingNotifier();
    const second = jobDeps(t, DEFAULT_CALENDAR, { telegram: rec.notifier }, 'process-2');
    const later = new Date(now.getTime() + SEND_LEASE_MS + 1000);
    expect(t.stores.deliveries.expireSending(later)).toEqual([]);
    expect(await deliverOnce(second, out, later)).toEqual({ kind: 'sent' });
    expect(rec.sent).toHaveLength(1);
    expect(t.stores.deliveries.list().map((r) => [r.status, r.owner])).toEqual([['sent', 'process-2']]);
  });

  it('is not sent again once a request reached the server', async () => {
    fake = await startFakeTelegram();
    fake.failNextSend({ kind: 'serverError' });
    const dying = dyingNotifier(fake.apiRoot, fake.token, t);
    void deliverOnce(jobDeps(t, DEFAULT_CALENDAR, { telegram: dying.notifier }, 'process-1'), out, now);
    expect(await dying.paused).toBe('sending');

    const rec = recordingNotifier();
    const later = new Date(now.getTime() + SEND_LEASE_MS + 1000);
    expect(t.stores.deliveries.expireSending(later).map((r) => r.status)).toEqual(['unknown']);
    expect(await deliverOnce(jobDeps(t, DEFAULT_CALENDAR, { telegram: rec.notifier }, 'process-2'), out, later)).toMatchObject({ kind: 'skipped' });
    expect(rec.sent).toEqual([]);
  });

  it('records a refused connection that outlasts the retries as a plain failure to retry', async () => {
    const port = await closedPort();
    const sender = createTelegramSender(new Telegram('1:T', { apiRoot: `http://127.0.0.1:${port}` }), log, { sleep: async () => {}, maxAttempts: 3 });
    const notifier: Notifier = { send: (target, text, progress) => sender.send(target.chatId, text, undefined, progress) };
    const outcome = await deliverOnce(jobDeps(t, DEFAULT_CALENDAR, { telegram: notifier }), out, now);
    expect(outcome).toMatchObject({ kind: 'failed', retryAt: new Date(now.getTime() + 60_000) });
    expect(t.stores.deliveries.list().map((r) => [r.status, r.attempts])).toEqual([['failed', 1]]);
  });
});
