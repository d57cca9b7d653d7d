import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startWechat, type WechatOptions } from '../../src/bot/adapters/wechat.js';
import { printLoginQr } from '../../src/bot/adapters/wechat-qr.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Core } from '../../src/bot/types.js';

const log = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(extra: Partial<WechatOptions> & { mocker?: mock.Mocker } = {}) {
  const mocker = extra.mocker ?? new mock.Mocker();
  const puppet = (extra.puppet as PuppetMock | undefined) ?? new PuppetMock({ mocker });
  const core = { ask: vi.fn<Core['ask']>((q) => ({ kind: 'unknown', text: `收到: ${q}`, rows: [] })) };
  const subscriptions = createMemorySubscriptionStore();
  const printQr = vi.fn();
  const handle = await startWechat({
    config: { wechat: { puppet: 'wechaty-puppet-mock' } },
    pipeline: createPipeline({ core, subscriptions, seen: createMemorySeenUpdates(), admins: [], log }),
    log,
    puppet,
    printQr,
    ...extra,
  });
  cleanups.push(() => handle.stop());
  const self = mocker.createContact({ name: '年报助手' });
  mocker.login(self);
  const alice = mocker.createContact({ name: 'Alice' });
  const bob = mocker.createContact({ name: 'Bob' });
  const room = mocker.createRoom({ topic: '康庄镇政务公开群', memberIdList: [self.id, alice.id, bob.id], ownerId: alice.id });
  const sendText = vi.spyOn(puppet, 'messageSendText');
  await vi.waitFor(() => expect(handle.bot.isLoggedIn).toBe(true));
  return { mocker, puppet, core, subscriptions, handle, self, alice, bob, room, sendText, printQr };
}

describe('wechat adapter on real wechaty with wechaty-puppet-mock', () => {
  it('answers in the room, mentioning the asker, when the bot is @mentioned', async () => {
    const { self, alice, room, sendText } = await setup();
    alice.say('@年报助手 康庄镇2020年依申请公开多少件', [self]).to(room);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(room.id, expect.stringContaining('收到: 康庄镇2020年依申请公开多少件'), [alice.id]));
  });

  it('ignores room messages that do not mention the bot, and never answers itself', async () => {
    const { self, alice, room, core, sendText } = await setup();
    alice.say('康庄镇2020年依申请公开多少件').to(room);
    self.say('我自己说的话').to(room);
    alice.say('@年报助手 同步', [self]).to(room);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(room.id, expect.stringContaining('收到: 同步'), [alice.id]));
    expect(core.ask).toHaveBeenCalledTimes(1);
    expect(sendText).toHaveBeenCalledTimes(1);
  });

  it('answers every private message', async () => {
    const { alice, self, sendText } = await setup();
    alice.say('哪些镇逾期了').to(self);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(alice.id, '收到: 哪些镇逾期了'));
  });

  it('lets the room owner bind the room and refuses other members', async () => {
    const { self, alice, bob, room, subscriptions, sendText } = await setup();
    bob.say('@年报助手 /subscribe 康庄镇', [self]).to(room);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(room.id, expect.stringContaining('只有本群的管理员'), [bob.id]));
    expect(await subscriptions.list()).toEqual([]);
    alice.say('@年报助手 绑定 康庄镇', [self]).to(room);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(room.id, expect.stringContaining('已绑定'), [alice.id]));
    expect(await subscriptions.list()).toMatchObject([{ target: { transport: 'wechat', chatId: room.id }, scope: { kind: 'org', name: '康庄镇' } }]);
  });

  it('refuses to notify while logged out, so reminders stay queued, and delivers after the next login', async () => {
    const { mocker, puppet, self, room, handle, sendText } = await setup();
    await puppet.logout();
    await vi.waitFor(() => expect(handle.bot.isLoggedIn).toBe(false));
    await expect(handle.notifier.send({ transport: 'wechat', chatId: room.id }, '康庄镇还没有发布2025年年报')).rejects.toThrow(/not logged in/);
    expect(sendText).not.toHaveBeenCalled();
    mocker.login(self);
    await vi.waitFor(() => expect(handle.bot.isLoggedIn).toBe(true));
    await handle.notifier.send({ transport: 'wechat', chatId: room.id }, '康庄镇还没有发布2025年年报');
    expect(sendText).toHaveBeenCalledWith(room.id, '康庄镇还没有发布2025年年报');
  });

  it('keeps retrying when the puppet cannot start at boot, then answers once it is up', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    vi.spyOn(puppet, 'start').mockRejectedValueOnce(new Error('puppet service unreachable'));
    const sleeps: number[] = [];
    const { alice, self, sendText } = await setup({ puppet, mocker, sleep: async (ms) => void sleeps.push(ms) });
    alice.say('康庄镇').to(self);
    await vi.waitFor(() => expect(sendText).toHaveBeenCalledWith(alice.id, '收到: 康庄镇'));
    expect(sleeps).toEqual([1000]);
  });

  it('prints the login QR code when the puppet asks for a scan', async () => {
    const { mocker, printQr } = await setup();
    mocker.scan('https://login.weixin.qq.com/l/test-qr');
    await vi.waitFor(() => expect(printQr).toHaveBeenCalledWith('https://login.weixin.qq.com/l/test-qr'));
  });

  it('draws the QR code as terminal text, with a browser link as fallback', async () => {
    const write = vi.fn();
    printLoginQr('https://login.weixin.qq.com/l/abc', write);
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const out = String(write.mock.calls[0]?.[0]);
    expect(out).toMatch(/[█▀▄]{5}/);
    expect(out).toContain('https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc');
  });
});
