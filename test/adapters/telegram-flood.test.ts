import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createChatQueues } from '../../src/bot/adapters/chat-queue.js';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startTelegram } from '../../src/bot/adapters/telegram.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Core } from '../../src/bot/types.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';

/**
 * Sending never blocks listening (issue 14): one group's long reply waits out a 429 from the fake Bot
 * API while another group's short question is read and answered.
 */

const log = pino({ level: 'silent' });
const BUSY = { id: -3001, type: 'supergroup' as const, title: '忙的群' };
const QUIET = { id: -3002, type: 'supergroup' as const, title: '另一个群' };
const who = { id: 77, first_name: 'Q' };
const HUGE = Array.from({ length: 400 }, (_, i) => `第${i + 1}行：很长的回答`).join('\n');

const core: Core = {
  ask: (q) => ({ kind: 'report', text: q.includes('全部') ? HUGE : `短答：${q}`, rows: [] }),
};

describe('telegram flood', () => {
  it('a group paused by 429 in the middle of a long reply does not delay another group', async () => {
    const fake = await startFakeTelegram();
    let release: () => void = () => {};
    const paused = new Promise<void>((resolve) => (release = resolve));
    const waits: number[] = [];
    const pipeline = createPipeline({ core, subscriptions: createMemorySubscriptionStore(), seen: createMemorySeenUpdates(), admins: [], log });
    const handle = await startTelegram({
      config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } },
      pipeline,
      log,
      // The 429's retry_after is waited out until the test releases it.
      retry: { sleep: (ms) => (waits.push(ms), paused) },
    });
    try {
      const textsTo = (chat: { id: number }) => fake.sent.filter((b) => b.chat_id === String(chat.id)).map((b) => String(b.text));
      fake.failNextSend({ kind: 'retryAfter', seconds: 30 });
      fake.pushMessage(BUSY, who, `@${fake.bot.username} 列出全部`);
      await vi.waitFor(() => expect(waits).toEqual([30_000]));

      fake.pushMessage(QUIET, who, `@${fake.bot.username} 康庄镇`);
      await vi.waitFor(() => expect(textsTo(QUIET)).toEqual(['短答：康庄镇']));
      // The busy group is still waiting out its 429: nothing of its reply has gone out.
      expect(textsTo(BUSY)).toEqual([]);

      release();
      await vi.waitFor(() => expect(textsTo(BUSY).join('\n')).toBe(HUGE));
      expect(textsTo(BUSY).length).toBeGreaterThan(1);
      expect(textsTo(BUSY).every((t) => t.length <= 4096)).toBe(true);
    } finally {
      release();
      await handle.stop();
      await fake.close();
    }
  });

  it('one chat’s replies keep their order; a failed task is reported and the queue goes on', async () => {
    const errors: string[] = [];
    const queues = createChatQueues((_err, chatId) => errors.push(chatId));
    const done: string[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    queues.enqueue('a', async () => {
      await gate;
      done.push('a1');
    });
    queues.enqueue('a', async () => {
      throw new Error('boom');
    });
    queues.enqueue('a', async () => void done.push('a3'));
    queues.enqueue('b', async () => void done.push('b1'));
    await vi.waitFor(() => expect(done).toEqual(['b1']));
    open();
    await queues.idle();
    expect(done).toEqual(['b1', 'a1', 'a3']);
    expect(errors).toEqual(['a']);
  });
});
