import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { helpText } from '../../src/bot/adapters/commands.js';
import { MESSAGES } from '../../src/bot/adapters/messages.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { createRateLimiter, DEFAULT_LIMITS } from '../../src/bot/adapters/rate-limit.js';
import { startTelegram } from '../../src/bot/adapters/telegram.js';
import { startWechat } from '../../src/bot/adapters/wechat.js';
import { MAX_MESSAGE_CHARS } from '../../src/bot/core/guards.js';
import { createCore } from '../../src/bot/core/handle.js';
import { createMemorySubscriptionStore, type SubscriptionStore } from '../../src/bot/subscriptions.js';
import type { ChatTarget, Pipeline, Reply } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { runConsoleChat } from '../../src/service/console-chat.js';
import { closeServer, createHttpServer, listen } from '../../src/service/http-server.js';
import { seedStore } from '../helpers/memory-store.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';

/**
 * The same conversation through the four entries, each on its real transport (telegraf against the
 * fake Bot API, wechaty on puppet-mock, the console's streams, HTTP on 127.0.0.1), checked against one
 * table. The person asking administers the chat (Telegram group administrator, WeChat room owner, the
 * console's operator); HTTP differs only where a request is not a chat, as the table says.
 */

const log = pino({ level: 'silent' });
const store = seedStore();
const TODAY = new Date('2026-11-21T10:00:00+08:00');
const core = createCore({ store, now: () => TODAY, calendar: DEFAULT_CALENDAR });
const answer = (q: string) => core.ask(q, TODAY).text;

interface Step {
  say: string;
  /** What the chat shows: the reply's text, or null for no reply at all. */
  reply: string | null;
  /** The HTTP entry's reply where it differs: it is a request, so it cannot be bound and is always answered. */
  http?: string;
}

const QUESTION = '康庄镇2020年依申请公开多少件';
const FLOOD = ['龙潭镇2020年主动公开了多少条信息', '棉洋镇2021年主动公开了多少条信息', '张家坡镇2021年依申请公开多少件', '大刘庄镇2022年依申请公开多少件'];
const { capacity, refillSeconds } = DEFAULT_LIMITS.user;

const CONVERSATION: Step[] = [
  { say: QUESTION, reply: answer(QUESTION) },
  { say: '/subscribe 康庄镇', reply: MESSAGES.subscribed({ kind: 'org', name: '康庄镇' }), http: MESSAGES.notAChat },
  { say: '帮助', reply: helpText() },
  { say: '镇'.repeat(MAX_MESSAGE_CHARS + 1), reply: MESSAGES.tooLong(MAX_MESSAGE_CHARS) },
  // Five messages at once per person: three went above (the too-long one took none), two more are answered.
  { say: FLOOD[0]!, reply: answer(FLOOD[0]!) },
  { say: FLOOD[1]!, reply: answer(FLOOD[1]!) },
  { say: FLOOD[2]!, reply: MESSAGES.rateLimited(refillSeconds) },
  { say: FLOOD[3]!, reply: null, http: MESSAGES.rateLimited(refillSeconds) },
];

interface Session {
  /** Sends one message as the person and resolves to the text the platform delivered back, or null. */
  say(text: string): Promise<string | null>;
  /** This conversation's chat, as bindings name it. */
  chat: ChatTarget;
  stop(): Promise<void>;
}

/** Counts the messages the pipeline has finished, so a session knows when "no reply" is final. */
function observed(pipeline: Pipeline) {
  const outcomes: Array<Reply | null> = [];
  const wrapped: Pipeline = { handle: async (incoming, ctx) => pipeline.handle(incoming, ctx).then((r) => (outcomes.push(r), r)) };
  /** Waits for message n to be handled, then (if it got a reply) for `delivered` to show it. */
  const settled = async (n: number, delivered: () => number) => {
    await vi.waitFor(() => expect(outcomes).toHaveLength(n));
    if (outcomes[n - 1]) await vi.waitFor(() => expect(delivered()).toBeGreaterThan(0));
    return outcomes[n - 1] !== null;
  };
  return { pipeline: wrapped, settled };
}

const ENTRIES: Record<string, (pipeline: Pipeline) => Promise<Session>> = {
  async console(pipeline) {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString()));
    const o = observed(pipeline);
    const done = runConsoleChat({ pipeline: o.pipeline, input, output, interactive: false });
    let n = 0;
    return {
      async say(text) {
        const before = printed.length;
        input.write(`${text}\n`);
        return (await o.settled(++n, () => printed.length - before)) ? printed.slice(before).replace(/\n\n$/, '') : null;
      },
      chat: { transport: 'console', chatId: 'console' },
      stop: async () => void (input.end(), await done),
    };
  },

  async http(pipeline) {
    const server = createHttpServer({ pipeline, health: () => ({}), log });
    const { port } = (await listen(server, '127.0.0.1', 0)) as AddressInfo;
    return {
      async say(text) {
        const res = await fetch(`http://127.0.0.1:${port}/ask`, { method: 'POST', body: JSON.stringify({ question: text }) });
        if (res.status === 204) return null;
        const json = (await res.json()) as { text: string };
        // Refusals for asking too fast are 429 with Retry-After; everything else is 200.
        expect(res.status).toBe(res.headers.has('retry-after') ? 429 : 200);
        return json.text;
      },
      chat: { transport: 'http', chatId: '127.0.0.1' },
      stop: () => closeServer(server),
    };
  },

  async telegram(pipeline) {
    const fake = await startFakeTelegram();
    const group = { id: -1001, type: 'supergroup' as const, title: '康庄镇政务公开群' };
    const alice = { id: 501, first_name: 'Alice' };
    fake.setMember(group.id, alice.id, 'administrator');
    const o = observed(pipeline);
    const bot = await startTelegram({ config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } }, pipeline: o.pipeline, log });
    let n = 0;
    return {
      async say(text) {
        const before = fake.sent.length;
        fake.pushMessage(group, alice, `@${fake.bot.username} ${text}`);
        const replied = await o.settled(++n, () => fake.sent.length - before);
        return replied
          ? fake.sent
              .slice(before)
              .map((b) => String(b.text))
              .join('\n')
          : null;
      },
      chat: { transport: 'telegram', chatId: String(group.id) },
      stop: async () => {
        await bot.stop();
        await fake.close();
      },
    };
  },

  async wechat(pipeline) {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const o = observed(pipeline);
    const bot = await startWechat({ config: { wechat: { puppet: 'wechaty-puppet-mock' } }, pipeline: o.pipeline, log, puppet, printQr: () => {} });
    const self = mocker.createContact({ name: '年报助手' });
    mocker.login(self);
    const alice = mocker.createContact({ name: 'Alice' });
    const room = mocker.createRoom({ topic: '康庄镇政务公开群', memberIdList: [self.id, alice.id], ownerId: alice.id });
    const sent: string[] = [];
    vi.spyOn(puppet, 'messageSendText').mockImplementation(async (_to, text) => void sent.push(text));
    await vi.waitFor(() => expect(bot.bot.isLoggedIn).toBe(true));
    let n = 0;
    return {
      async say(text) {
        const before = sent.length;
        alice.say(`@年报助手 ${text}`, [self]).to(room);
        const replied = await o.settled(++n, () => sent.length - before);
        // In a room the reply @mentions the asker first, as WeChat quotes.
        return replied
          ? sent
              .slice(before)
              .join('\n')
              .replace(/^@Alice /, '')
          : null;
      },
      chat: { transport: 'wechat', chatId: room.id },
      stop: () => bot.stop(),
    };
  },
};

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

describe('the same conversation through every entry', () => {
  it('the table is a real conversation: answers from the reports, and the flood fills exactly one bucket', () => {
    expect(CONVERSATION[0]!.reply).toMatch(/康庄镇2020年.*1件/);
    for (const q of [QUESTION, ...FLOOD]) expect(core.ask(q, TODAY).kind, q).toBe('metric');
    const taking = CONVERSATION.filter((s) => s.reply !== MESSAGES.tooLong(MAX_MESSAGE_CHARS)).length;
    expect(taking).toBe(capacity + 2);
  });

  it.each(Object.keys(ENTRIES))('%s gives the table’s replies and binds as the table says', async (entry) => {
    const subscriptions: SubscriptionStore = createMemorySubscriptionStore();
    // Time stands still for the rate limiter, so no token comes back however slowly the machine runs.
    const limiter = createRateLimiter({ ...DEFAULT_LIMITS, now: () => TODAY });
    const pipeline = createPipeline({ core, subscriptions, admins: [], log, limiter });
    const session = await ENTRIES[entry]!(pipeline);
    sessions.push(session);

    const replies: Array<string | null> = [];
    for (const step of CONVERSATION) replies.push(await session.say(step.say));

    expect(replies).toEqual(CONVERSATION.map((s) => (entry === 'http' && s.http !== undefined ? s.http : s.reply)));
    const bound = (await subscriptions.list()).map((s) => ({ target: s.target, scope: s.scope }));
    expect(bound).toEqual(entry === 'http' ? [] : [{ target: session.chat, scope: { kind: 'org', name: '康庄镇' } }]);
  });
});
