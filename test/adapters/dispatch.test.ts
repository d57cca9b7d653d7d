import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, MESSAGES, type DispatchDeps } from '../../src/bot/adapters/dispatch.js';
import { createRateLimiter } from '../../src/bot/adapters/rate-limit.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Core, Incoming } from '../../src/bot/types.js';

const NOW = new Date('2027-01-20T09:00:00+08:00');

function setup(extra: Partial<DispatchDeps> = {}) {
  const core = { handleMessage: vi.fn<Core['handleMessage']>(async (m) => ({ kind: 'unknown', text: `收到: ${m.text}`, rows: [] })) };
  const subscriptions = createMemorySubscriptionStore();
  const dispatch = createDispatcher({ core, subscriptions, admins: ['telegram:900'], log: pino({ level: 'silent' }), now: () => NOW, ...extra });
  const msg = (text: string, over: Partial<Incoming> = {}): Incoming => ({
    transport: 'telegram', chatId: '-1001', senderId: '501', text, isGroup: true, addressedToBot: true, receivedAt: NOW, ...over,
  });
  const notAdmin = { isGroupAdmin: async () => false };
  return { core, subscriptions, dispatch, msg, notAdmin };
}

describe('dispatcher', () => {
  it('passes the bare question to the core and returns its text', async () => {
    const { dispatch, msg, notAdmin, core } = setup();
    expect(await dispatch(msg('/ask 康庄镇2020年依申请公开多少件'), notAdmin)).toBe('收到: 康庄镇2020年依申请公开多少件');
    expect(core.handleMessage).toHaveBeenCalledWith(expect.objectContaining({ text: '康庄镇2020年依申请公开多少件', chatId: '-1001' }));
  });

  it('/deadline and /status ask the core fixed questions', async () => {
    const { dispatch, msg, notAdmin } = setup();
    expect(await dispatch(msg('/deadline'), notAdmin)).toBe('收到: 今年的年报什么时候截止');
    expect(await dispatch(msg('/status'), notAdmin)).toBe('收到: 哪些报告不完整');
  });

  it('refuses an over-long question without asking the core', async () => {
    const { dispatch, msg, notAdmin, core } = setup({ maxQuestionLength: 10 });
    expect(await dispatch(msg('康'.repeat(11)), notAdmin)).toBe(MESSAGES.tooLong(10));
    expect(core.handleMessage).not.toHaveBeenCalled();
  });

  it('gives one polite notice when a user asks too fast, then stays quiet', async () => {
    const limiter = createRateLimiter({ user: { capacity: 1, refillSeconds: 30 }, group: { capacity: 10, refillSeconds: 1 }, now: () => NOW });
    const { dispatch, msg, notAdmin, core } = setup({ limiter });
    expect(await dispatch(msg('第一问'), notAdmin)).toBe('收到: 第一问');
    expect(await dispatch(msg('第二问'), notAdmin)).toBe(MESSAGES.rateLimited(30));
    expect(await dispatch(msg('第三问'), notAdmin)).toBeNull();
    expect(core.handleMessage).toHaveBeenCalledTimes(1);
  });

  it('answers with an apology when the core throws', async () => {
    const { dispatch, msg, notAdmin } = setup({ core: { handleMessage: async () => Promise.reject(new Error('db locked')) } });
    expect(await dispatch(msg('康庄镇'), notAdmin)).toBe(MESSAGES.coreFailed);
  });

  it('lets a configured admin bind a group they do not administer, and unbind it', async () => {
    const { dispatch, msg, notAdmin, subscriptions } = setup();
    expect(await dispatch(msg('/subscribe 康庄镇', { senderId: '900' }), notAdmin)).toBe(MESSAGES.subscribed({ kind: 'org', name: '康庄镇' }));
    expect(await dispatch(msg('/subscribe 康庄镇', { senderId: '900' }), notAdmin)).toContain('无需重复绑定');
    expect(await subscriptions.list()).toHaveLength(1);
    expect(await dispatch(msg('/unsubscribe 康庄镇', { senderId: '900' }), notAdmin)).toBe(MESSAGES.unsubscribed('康庄镇'));
    expect(await subscriptions.list()).toEqual([]);
  });

  it('refuses binding in a private chat unless the sender is a configured admin', async () => {
    const { dispatch, msg, subscriptions } = setup();
    const admin = { isGroupAdmin: vi.fn(async () => true) };
    expect(await dispatch(msg('/subscribe 霍邱县', { isGroup: false, chatId: '501' }), admin)).toBe(MESSAGES.notAdmin);
    expect(admin.isGroupAdmin).not.toHaveBeenCalled();
    expect(await subscriptions.list()).toEqual([]);
  });

  it('changes nothing when the admin check itself fails', async () => {
    const { dispatch, msg, subscriptions } = setup();
    const failing = { isGroupAdmin: async () => Promise.reject(new Error('502')) };
    expect(await dispatch(msg('/subscribe 康庄镇'), failing)).toBe(MESSAGES.adminUnknown);
    expect(await subscriptions.list()).toEqual([]);
  });

  it('asks for a name, and rejects names the resolver does not know', async () => {
    const { dispatch, msg } = setup({ resolveScope: (n) => (n === '康庄镇' ? { kind: 'org', name: n } : null) });
    const admin = { isGroupAdmin: async () => true };
    expect(await dispatch(msg('/subscribe'), admin)).toBe(MESSAGES.subscribeUsage);
    expect(await dispatch(msg('/subscribe 火星镇'), admin)).toBe(MESSAGES.scopeUnknown('火星镇'));
  });

  it('answers unknown commands only when clearly meant for the bot', async () => {
    const { dispatch, msg, notAdmin } = setup();
    expect(await dispatch(msg('/weather'), notAdmin)).toBeNull();
    expect(await dispatch(msg('/weather', { isGroup: false }), notAdmin)).toBe(MESSAGES.unknownCommand('weather'));
  });
});
