import { pino } from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startTelegram } from '../../src/bot/adapters/telegram.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import { buildUpdate, startFakeTelegram } from '../helpers/fake-telegram.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('in webhook mode registers the secret token and answers only requests that carry it', async () => {
  const fake = await startFakeTelegram();
  cleanups.push(() => fake.close());
  const handle = await startTelegram({
    config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } },
    pipeline: createPipeline({
      core: { ask: (q) => ({ kind: 'unknown', text: `收到: ${q}`, rows: [] }) },
      subscriptions: createMemorySubscriptionStore(),
      seen: createMemorySeenUpdates(),
      admins: [],
      log: pino({ level: 'silent' }),
    }),
    log: pino({ level: 'silent' }),
    webhook: { domain: 'bot.example.gov.cn', path: '/telegram', secretToken: 's3cret-token', port: 0 },
  });
  cleanups.push(() => handle.stop());
  expect(fake.calls.find((c) => c.method === 'setWebhook')?.body).toMatchObject({
    url: 'https://bot.example.gov.cn/telegram',
    secret_token: 's3cret-token',
  });
  expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);

  const post = (id: number, text: string, secret?: string) =>
    fetch(`http://127.0.0.1:${handle.webhookPort}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(buildUpdate(id, id, { id: 9, type: 'private' }, { id: 9 }, text)),
    });
  expect((await post(1, '伪造的请求', 'wrong')).status).toBe(403);
  expect((await post(2, '没有密钥')).status).toBe(403);
  expect((await post(3, '真正的请求', 's3cret-token')).status).toBe(200);
  await vi.waitFor(() => expect(fake.sent.map((b) => b.text)).toEqual(['收到: 真正的请求']));
});
