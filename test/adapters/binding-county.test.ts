import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/bot/adapters/messages.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { createScopeResolver } from '../../src/bot/adapters/scope.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import type { Incoming } from '../../src/bot/types.js';

/** /subscribe with a name two counties share: the group is bound to one organisation, never to a name. */

const NOW = new Date('2027-01-20T09:00:00+08:00');
const ORGS = [
  { name: '张家坡镇', region: '沂源县', org: '沂源县张家坡镇人民政府', aliases: [] },
  { name: '张家坡镇', region: '博山区' },
  { name: '悦庄镇', region: '沂源县' },
];

function setup() {
  const subscriptions = createMemorySubscriptionStore();
  const pipeline = createPipeline({
    core: { ask: () => ({ kind: 'unknown', text: '', rows: [] }) },
    subscriptions,
    admins: [],
    log: pino({ level: 'silent' }),
    now: () => NOW,
    wallClock: () => NOW,
    resolveScope: createScopeResolver(() => ORGS),
  });
  const admin = { isChatAdmin: async () => true };
  const say = async (text: string, chatId = '-1001') => {
    const m: Incoming = { transport: 'telegram', chatId, senderId: '501', text, isGroup: true, addressedToBot: true, fromBot: false, receivedAt: NOW };
    return (await pipeline.handle(m, admin))?.text ?? null;
  };
  return { subscriptions, say };
}

describe('/subscribe a name several counties have', () => {
  it('asks which county and binds nothing', async () => {
    const { say, subscriptions } = setup();
    const reply = await say('/subscribe 张家坡镇');
    expect(reply).toContain('哪个县的张家坡镇？');
    expect(reply).toContain('沂源县张家坡镇');
    expect(reply).toContain('博山区张家坡镇');
    expect(await subscriptions.list()).toEqual([]);
  });

  it('binds the county written with the name, and only that organisation', async () => {
    const { say, subscriptions } = setup();
    const yiyuan = { kind: 'org' as const, name: '张家坡镇', region: '沂源县' };
    expect(await say('/subscribe 沂源县张家坡镇')).toBe(MESSAGES.subscribed(yiyuan));
    expect(MESSAGES.subscribed(yiyuan)).toContain('沂源县张家坡镇');
    expect(await say('绑定 张家坡镇（博山区）', '-1002')).toContain('博山区张家坡镇');
    expect((await subscriptions.list()).map((s) => [s.target.chatId, s.scope])).toEqual([
      ['-1001', yiyuan],
      ['-1002', { kind: 'org', name: '张家坡镇', region: '博山区' }],
    ]);
    // A name only one county has needs no county.
    expect(await say('/subscribe 悦庄镇', '-1003')).toContain('沂源县悦庄镇');
  });

  it('unbinds a group from its own 张家坡镇 without asking', async () => {
    const { say, subscriptions } = setup();
    await say('/subscribe 博山区张家坡镇');
    expect(await say('/unsubscribe 张家坡镇')).toBe(MESSAGES.unsubscribed('博山区张家坡镇'));
    expect(await subscriptions.list()).toEqual([]);
    expect(await say('/unsubscribe 张家坡镇')).toContain('哪个县的张家坡镇？');
  });
});
