import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, EXAMPLE_QUESTIONS } from '../../src/bot/adapters/commands.js';
import { createMemorySeenUpdates, type SeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startTelegram, type TelegramOptions } from '../../src/bot/adapters/telegram.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Core } from '../../src/bot/types.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

const log = pino({ level: 'silent' });
const GROUP = { id: -1001, type: 'supergroup' as const, title: '康庄镇政务公开群' };
const ALICE = { id: 501, first_name: 'Alice' };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function echoCore() {
  return { ask: vi.fn<Core['ask']>((q) => ({ kind: 'unknown', text: `收到: ${q}`, rows: [] })) };
}

async function setup(opts: { fake?: FakeTelegram; seen?: SeenUpdates; core?: Core; extra?: Partial<TelegramOptions> } = {}) {
  const fake = opts.fake ?? (await startFakeTelegram());
  if (!opts.fake) cleanups.push(() => fake.close());
  const core = opts.core ?? echoCore();
  const subscriptions = createMemorySubscriptionStore();
  const sleeps: number[] = [];
  const pipeline = createPipeline({ core, subscriptions, seen: opts.seen ?? createMemorySeenUpdates(), admins: [], log });
  const handle = await startTelegram({
    config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } },
    pipeline,
    log,
    retry: { sleep: async (ms) => void sleeps.push(ms) },
    ...opts.extra,
  });
  cleanups.push(() => handle.stop());
  const texts = () => fake.sent.map((b) => b.text);
  /** Sends a question the bot must answer and waits for it: everything pushed before has been handled too. */
  const sync = async (n: number) => {
    fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 同步${n}`);
    await vi.waitFor(() => expect(texts()).toContain(`收到: 同步${n}`));
  };
  return { fake, core, subscriptions, handle, sleeps, texts, sync };
}

describe('telegram adapter against real telegraf and a fake Bot API', () => {
  it('registers the ten commands with setMyCommands', async () => {
    const { fake } = await setup();
    const call = fake.calls.find((c) => c.method === 'setMyCommands');
    expect((call?.body.commands as Array<{ command: string }>).map((c) => c.command)).toEqual([
      'start',
      'help',
      'ask',
      'deadline',
      'status',
      'subscribe',
      'unsubscribe',
      'check',
      'submit',
      'export',
    ]);
  });

  it('answers a group question that @mentions the bot, quoting it, with the mention removed', async () => {
    const { fake, texts } = await setup();
    fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 康庄镇2020年依申请公开多少件`);
    await vi.waitFor(() => expect(texts()).toEqual(['收到: 康庄镇2020年依申请公开多少件']));
    expect(fake.sent[0]).toMatchObject({ chat_id: String(GROUP.id), reply_parameters: { allow_sending_without_reply: true } });
    expect(fake.sent[0]).not.toHaveProperty('parse_mode');
  });

  it('ignores a group message that does not address the bot', async () => {
    const { fake, core, texts, sync } = await setup();
    fake.pushMessage(GROUP, ALICE, '康庄镇2020年依申请公开多少件');
    fake.pushMessage(GROUP, ALICE, '/help@some_other_bot');
    await sync(1);
    expect(texts()).toEqual(['收到: 同步1']);
    expect(core.ask).toHaveBeenCalledTimes(1);
  });

  it('answers a reply to its own message in a group, and every message in a private chat', async () => {
    const { fake, texts } = await setup();
    fake.pushMessage(GROUP, ALICE, '那2021年呢', {
      reply_to_message: { message_id: 1, date: 0, chat: GROUP, from: { ...fake.bot, is_bot: true, first_name: '年报助手' }, text: '…' },
    });
    fake.pushMessage({ id: ALICE.id, type: 'private' }, ALICE, '哪些镇逾期了');
    await vi.waitFor(() => expect(texts().sort()).toEqual(['收到: 哪些镇逾期了', '收到: 那2021年呢']));
  });

  it('/help lists every command and three example questions', async () => {
    const { fake, texts } = await setup();
    fake.pushMessage(GROUP, ALICE, `/help@${fake.bot.username}`);
    await vi.waitFor(() => expect(texts()).toHaveLength(1));
    for (const c of COMMANDS) expect(texts()[0]).toContain(`/${c.command}`);
    for (const q of EXAMPLE_QUESTIONS) expect(texts()[0]).toContain(q);
  });

  it('/subscribe in a private chat is refused without asking Telegram who administers it', async () => {
    const { fake, subscriptions, texts } = await setup();
    fake.pushMessage({ id: ALICE.id, type: 'private' }, ALICE, '/subscribe 霍邱县');
    await vi.waitFor(() => expect(texts()).toHaveLength(1));
    expect(texts()[0]).toContain('只有本群的管理员');
    expect(await subscriptions.list()).toEqual([]);
    expect(fake.calls.some((c) => c.method === 'getChatMember')).toBe(false);
  });

  it('/subscribe by a plain member is refused politely and nothing is stored', async () => {
    const { fake, subscriptions, texts } = await setup();
    fake.pushMessage(GROUP, ALICE, '/subscribe 康庄镇');
    await vi.waitFor(() => expect(texts()).toHaveLength(1));
    expect(texts()[0]).toContain('只有本群的管理员');
    expect(await subscriptions.list()).toEqual([]);
    expect(fake.calls.find((c) => c.method === 'getChatMember')?.body).toMatchObject({ user_id: ALICE.id });
  });

  it('/subscribe by a group administrator binds the group to the town', async () => {
    const { fake, subscriptions, texts } = await setup();
    fake.setMember(GROUP.id, ALICE.id, 'administrator');
    fake.pushMessage(GROUP, ALICE, '/subscribe 霍邱县');
    await vi.waitFor(() => expect(texts()).toHaveLength(1));
    expect(texts()[0]).toContain('已绑定');
    expect(await subscriptions.list()).toMatchObject([
      { target: { transport: 'telegram', chatId: String(GROUP.id) }, scope: { kind: 'region', name: '霍邱县' }, by: `telegram:${ALICE.id}` },
    ]);
  });

  it('waits out a 429 retry_after and delivers the answer exactly once', async () => {
    const { fake, sleeps, texts, sync } = await setup();
    fake.failNextSend({ kind: 'retryAfter', seconds: 3 });
    fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 今年谁没交`);
    await vi.waitFor(() => expect(texts()).toContain('收到: 今年谁没交'));
    await sync(1);
    expect(sleeps).toEqual([3000]);
    expect(texts().filter((t) => t === '收到: 今年谁没交')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(3);
  });

  it('retries 5xx answers and dropped connections with growing backoff', async () => {
    const { fake, sleeps, texts } = await setup();
    fake.failNextSend({ kind: 'serverError' });
    fake.failNextSend({ kind: 'drop' });
    fake.pushMessage({ id: ALICE.id, type: 'private' }, ALICE, '康庄镇');
    await vi.waitFor(() => expect(texts()).toEqual(['收到: 康庄镇']));
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('answers an update that arrives twice only once', async () => {
    const { fake, texts, sync } = await setup();
    const id = fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 第一问`);
    await vi.waitFor(() => expect(texts()).toContain('收到: 第一问'));
    fake.replay(id);
    await sync(1);
    expect(texts().filter((t) => t === '收到: 第一问')).toHaveLength(1);
  });

  it('does not answer again, after a restart, an update it handled before', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const seen = createMemorySeenUpdates();
    const first = await setup({ fake, seen });
    const id = fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 重启前的问题`);
    await vi.waitFor(() => expect(first.texts()).toContain('收到: 重启前的问题'));
    await first.handle.stop();
    const second = await setup({ fake, seen });
    fake.replay(id);
    await second.sync(1);
    expect(second.texts().filter((t) => t === '收到: 重启前的问题')).toHaveLength(1);
  });

  it('does not answer messages that are minutes old at start-up', async () => {
    const { fake, texts, sync } = await setup();
    fake.pushMessage(GROUP, ALICE, `@${fake.bot.username} 十分钟前的问题`, { date: Math.floor(Date.now() / 1000) - 600 });
    await sync(1);
    expect(texts()).toEqual(['收到: 同步1']);
  });

  it('splits a long answer into messages under 4096 characters without losing text', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i + 1}行：康庄镇依申请公开${i}件`).join('\n');
    const { fake, texts } = await setup({ core: { ask: () => ({ kind: 'rank', text: long, rows: [] }) } });
    fake.pushMessage({ id: ALICE.id, type: 'private' }, ALICE, '排名');
    await vi.waitFor(() => expect(texts().join('\n')).toBe(long));
    expect(texts().length).toBeGreaterThan(1);
    for (const t of texts()) expect(String(t).length).toBeLessThanOrEqual(4096);
  });
});
