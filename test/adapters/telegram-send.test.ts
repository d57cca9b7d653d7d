import { pino } from 'pino';
import { TelegramError } from 'telegraf';
import { describe, expect, it, vi } from 'vitest';
import { createTelegramSender, retryDelayMs } from '../../src/bot/adapters/telegram-send.js';

const log = pino({ level: 'silent' });
const tgError = (code: number, retry_after?: number) =>
  new TelegramError({ error_code: code, description: 'x', ...(retry_after ? { parameters: { retry_after } } : {}) });

describe('retryDelayMs', () => {
  it('waits retry_after on 429, backs off on 5xx and network errors, gives up on other 4xx', () => {
    expect(retryDelayMs(tgError(429, 7), 1)).toBe(7000);
    expect(retryDelayMs(tgError(502), 1)).toBe(1000);
    expect(retryDelayMs(tgError(502), 3)).toBe(4000);
    expect(retryDelayMs(tgError(500), 20)).toBe(30_000);
    expect(retryDelayMs(Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' }), 2)).toBe(2000);
    expect(retryDelayMs(tgError(400), 1)).toBeNull();
    expect(retryDelayMs(tgError(403), 1)).toBeNull();
    expect(retryDelayMs(new TypeError('bug'), 1)).toBeNull();
  });
});

describe('telegram sender', () => {
  it('does not resend parts that got through when the rest is retried later', async () => {
    const delivered: string[] = [];
    let failPart2 = true;
    const api = {
      sendMessage: vi.fn(async (_chat: string, text: string) => {
        if (text.startsWith('B') && failPart2) throw tgError(403);
        delivered.push(text[0] ?? '');
      }),
    };
    const sender = createTelegramSender(api, log, { sleep: async () => {} });
    const text = `${'A'.repeat(4000)}\n${'B'.repeat(4000)}\n${'C'.repeat(10)}`;
    await expect(sender.send('1', text)).rejects.toThrow(TelegramError);
    failPart2 = false;
    await sender.send('1', text);
    expect(delivered).toEqual(['A', 'B']);
  });

  it('gives up after the attempt limit and reports the error', async () => {
    const api = { sendMessage: vi.fn(async () => Promise.reject(tgError(500))) };
    const sleep = vi.fn(async () => {});
    await expect(createTelegramSender(api, log, { sleep, maxAttempts: 3 }).send('1', 'x')).rejects.toThrow('500');
    expect(api.sendMessage).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[1000], [2000]]);
  });
});
