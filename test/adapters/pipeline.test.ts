import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../src/bot/adapters/messages.js';
import { createPipeline, type PipelineDeps } from '../../src/bot/adapters/pipeline.js';
import { createRateLimiter } from '../../src/bot/adapters/rate-limit.js';
import { STALE_AFTER_MS } from '../../src/bot/core/guards.js';
import { APOLOGY, createCore } from '../../src/bot/core/handle.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import { createMemorySubscriptionStore, type SubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Core, Incoming, MessageContext } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { seedStore } from '../helpers/memory-store.js';

const NOW = new Date('2027-01-20T09:00:00+08:00');

function echoCore() {
  return { ask: vi.fn<Core['ask']>((q) => ({ kind: 'unknown', text: `收到: ${q}`, rows: [] })) };
}

function setup(extra: Partial<PipelineDeps> = {}) {
  const core = echoCore();
  const subscriptions = createMemorySubscriptionStore();
  const pipeline = createPipeline({
    core,
    subscriptions,
    admins: ['telegram:900'],
    log: pino({ level: 'silent' }),
    now: () => NOW,
    wallClock: () => NOW,
    ...extra,
  });
  const msg = (text: string, over: Partial<Incoming> = {}): Incoming => ({
    transport: 'telegram',
    chatId: '-1001',
    senderId: '501',
    text,
    isGroup: true,
    addressedToBot: true,
    fromBot: false,
    receivedAt: NOW,
    ...over,
  });
  const notAdmin: MessageContext = { isChatAdmin: async () => false };
  /** The reply text, or null for silence. */
  const say = async (m: Incoming, ctx: MessageContext = notAdmin) => (await pipeline.handle(m, ctx))?.text ?? null;
  return { core, subscriptions, pipeline, msg, notAdmin, say };
}

describe('pipeline: commands and questions', () => {
  it('passes the bare question to the core and returns its text', async () => {
    const { say, msg, core } = setup();
    expect(await say(msg('/ask 康庄镇2020年依申请公开多少件'))).toBe('收到: 康庄镇2020年依申请公开多少件');
    expect(core.ask).toHaveBeenCalledWith('康庄镇2020年依申请公开多少件', NOW);
  });

  it('/deadline and /status ask the core fixed questions', async () => {
    const { say, msg } = setup();
    expect(await say(msg('/deadline'))).toBe('收到: 今年的年报什么时候截止');
    expect(await say(msg('/status'))).toBe('收到: 哪些报告不完整');
  });

  it('lets a configured admin bind a group they do not administer, and unbind it', async () => {
    const { say, msg, subscriptions } = setup();
    expect(await say(msg('/subscribe 康庄镇', { senderId: '900' }))).toBe(MESSAGES.subscribed({ kind: 'org', name: '康庄镇' }));
    expect(await say(msg('/subscribe 康庄镇', { senderId: '900' }))).toContain('无需重复绑定');
    expect(await subscriptions.list()).toHaveLength(1);
    expect(await say(msg('/unsubscribe 康庄镇', { senderId: '900' }))).toBe(MESSAGES.unsubscribed('康庄镇'));
    expect(await subscriptions.list()).toEqual([]);
  });

  it('refuses binding where the entry names no administrator, unless the sender is a configured admin', async () => {
    const { say, msg, subscriptions } = setup();
    expect(await say(msg('/subscribe 霍邱县', { isGroup: false, chatId: '501' }), {})).toBe(MESSAGES.notAdmin);
    expect(await subscriptions.list()).toEqual([]);
    expect(await say(msg('/subscribe 霍邱县', { isGroup: false, chatId: '900', senderId: '900' }), {})).toContain('已绑定');
  });

  it('the console operator binds the console; an HTTP request can never bind, whoever sends it', async () => {
    const { say, msg, subscriptions } = setup({ admins: ['http:127.0.0.1'] });
    const operator = { isChatAdmin: async () => true };
    expect(await say(msg('/subscribe 康庄镇', { transport: 'console', chatId: 'console', senderId: 'operator', isGroup: false }), operator)).toBe(
      MESSAGES.subscribed({ kind: 'org', name: '康庄镇' }),
    );
    expect(await say(msg('/subscribe 康庄镇', { transport: 'http', chatId: '127.0.0.1', senderId: '127.0.0.1', isGroup: false }), operator)).toBe(
      MESSAGES.notAChat,
    );
    expect((await subscriptions.list()).map((s) => s.target)).toEqual([{ transport: 'console', chatId: 'console' }]);
  });

  it('changes nothing when the admin check itself fails', async () => {
    const { say, msg, subscriptions } = setup();
    const failing = { isChatAdmin: async () => Promise.reject(new Error('502')) };
    expect(await say(msg('/subscribe 康庄镇'), failing)).toBe(MESSAGES.adminUnknown);
    expect(await subscriptions.list()).toEqual([]);
  });

  it('asks for a name, and rejects names the resolver does not know', async () => {
    const { say, msg } = setup({ resolveScope: (n) => (n === '康庄镇' ? { kind: 'org', name: n } : null) });
    const admin = { isChatAdmin: async () => true };
    expect(await say(msg('/subscribe'), admin)).toBe(MESSAGES.subscribeUsage);
    expect(await say(msg('/subscribe 火星镇'), admin)).toBe(MESSAGES.scopeUnknown('火星镇'));
  });

  it('answers unknown commands only when clearly meant for the bot', async () => {
    const { say, msg, core } = setup();
    expect(await say(msg('/weather'))).toBeNull();
    expect(await say(msg('/help@other_bot'), { botUsername: 'nianbao_bot' })).toBeNull();
    expect(await say(msg('/weather', { isGroup: false }))).toBe(MESSAGES.unknownCommand('weather'));
    expect(core.ask).not.toHaveBeenCalled();
  });
});

describe('pipeline: guards', () => {
  const realCore = (store: ReportStore = seedStore()) => createCore({ store, now: () => NOW, calendar: DEFAULT_CALENDAR });

  it('answers a message addressed to the bot from the core', async () => {
    const { pipeline, msg } = setup({ core: realCore() });
    const a = await pipeline.handle(msg('康庄镇2020年依申请公开多少件'));
    expect(a?.rows).toEqual([{ name: '康庄镇', year: 2020, metric: 'applications.new.total', value: 1 }]);
  });

  it('ignores group chatter not addressed to it, but not private chats', async () => {
    const { say, msg, core } = setup();
    expect(await say(msg('康庄镇2020年依申请公开多少件', { addressedToBot: false }))).toBeNull();
    expect(await say(msg('康庄镇依申请公开', { isGroup: false, addressedToBot: false }))).not.toBeNull();
    expect(core.ask).toHaveBeenCalledTimes(1);
  });

  it('counts an @mention in the text as addressed', async () => {
    const { pipeline, msg } = setup({ core: realCore() });
    expect((await pipeline.handle(msg('@年报助手 哪些报告不完整', { addressedToBot: false })))?.kind).toBe('status');
  });

  it('ignores its own messages and other bots', async () => {
    const { say, msg } = setup();
    expect(await say(msg('帮助', { fromBot: true }))).toBeNull();
  });

  it('ignores messages sent more than three minutes before they arrive (one rule for every entry)', async () => {
    const { say, msg } = setup();
    expect(await say(msg('帮助', { receivedAt: new Date(NOW.getTime() - STALE_AFTER_MS - 1000) }))).toBeNull();
    expect(await say(msg('帮助', { receivedAt: new Date(NOW.getTime() - STALE_AFTER_MS + 1000) }))).toContain('/subscribe');
    const old = new Date(NOW.getTime() - 60 * 60 * 1000);
    expect(await setup({ staleAfterMs: 2 * 60 * 60 * 1000 }).say(msg('帮助', { receivedAt: old }))).not.toBeNull();
  });

  it('judges age by real time, not by a fixed today (serve --now), and answers with that today', async () => {
    const { say, msg, core } = setup({ now: () => new Date('2021-03-01T10:00:00+08:00'), wallClock: undefined });
    expect(await say(msg('康庄镇去年依申请公开多少件', { receivedAt: new Date() }))).toBe('收到: 康庄镇去年依申请公开多少件');
    expect(core.ask).toHaveBeenCalledWith('康庄镇去年依申请公开多少件', new Date('2021-03-01T10:00:00+08:00'));
  });

  it('handles an update key once', async () => {
    const { say, msg, core } = setup();
    expect(await say(msg('第一问'), { updateKey: 'telegram:1:7' })).toBe('收到: 第一问');
    expect(await say(msg('第一问'), { updateKey: 'telegram:1:7' })).toBeNull();
    expect(core.ask).toHaveBeenCalledTimes(1);
  });

  it('refuses an over-long message without asking the core', async () => {
    const { say, msg, core } = setup({ maxLength: 10 });
    expect(await say(msg('康'.repeat(11)))).toBe(MESSAGES.tooLong(10));
    expect(await say(msg('康'.repeat(10)))).toBe(`收到: ${'康'.repeat(10)}`);
    expect(core.ask).toHaveBeenCalledTimes(1);
  });

  it('gives one polite notice when a user asks too fast, then stays quiet; a request is told every time', async () => {
    const limiter = () => createRateLimiter({ user: { capacity: 1, refillSeconds: 30 }, group: { capacity: 10, refillSeconds: 1 }, now: () => NOW });
    const { say, msg, core } = setup({ limiter: limiter() });
    expect(await say(msg('第一问'))).toBe('收到: 第一问');
    expect(await say(msg('第二问'))).toBe(MESSAGES.rateLimited(30));
    expect(await say(msg('第三问'))).toBeNull();
    expect(core.ask).toHaveBeenCalledTimes(1);

    const http = setup({ limiter: limiter() });
    const req = (text: string) => http.pipeline.handle(msg(text, { transport: 'http', isGroup: false }));
    expect((await req('第一问'))?.text).toBe('收到: 第一问');
    expect(await req('第二问')).toEqual({ kind: 'refused', text: MESSAGES.rateLimited(30), rows: [], retryAfterSeconds: 30 });
    expect(await req('第三问')).toEqual({ kind: 'refused', text: MESSAGES.rateLimited(30), rows: [], retryAfterSeconds: 30 });
  });
});

describe('pipeline: one apology', () => {
  it('a store failure inside the core and a failure around it give the same apology, and a log line each', async () => {
    const broken: ReportStore = {
      ...seedStore(),
      currentReport: () => {
        throw new Error('disk I/O error');
      },
    };
    const coreLog = vi.fn();
    const core = createCore({ store: broken, now: () => NOW, calendar: DEFAULT_CALENDAR, log: { error: coreLog } });
    const log = pino({ level: 'silent' });
    const pipelineLog = vi.spyOn(log, 'error');
    const failingStore: SubscriptionStore = { ...createMemorySubscriptionStore(), subscribe: () => Promise.reject(new Error('database is locked')) };
    const pipeline = createPipeline({ core, subscriptions: failingStore, admins: ['console:operator'], log, now: () => NOW });
    const operator = {
      transport: 'console' as const,
      chatId: 'console',
      senderId: 'operator',
      isGroup: false,
      addressedToBot: true,
      fromBot: false,
      receivedAt: NOW,
    };
    expect(await pipeline.handle({ ...operator, text: '康庄镇2020年依申请公开多少件' })).toEqual(APOLOGY);
    expect(await pipeline.handle({ ...operator, text: '/subscribe 康庄镇' })).toEqual(APOLOGY);
    expect(APOLOGY.text).toContain('抱歉');
    expect(coreLog).toHaveBeenCalledOnce();
    expect(pipelineLog).toHaveBeenCalledOnce();
  });
});
