import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatTarget, Notifier } from '../../src/bot/types.js';
import { RobotError } from '../../src/notify/common.js';
import { createRobotNotifiers } from '../../src/notify/index.js';
import { retryDelayMs } from '../../src/jobs/retry-policy.js';
import { startFakeRobots, type FakeRobots } from '../helpers/fake-robots.js';

/**
 * Each robot notifier against its fake server over HTTP: formats, signatures, the errors that come
 * in a 200 body, the limits. One clock drives both sides (09:05 Beijing, away from the half hours).
 */

const WECOM = '693a91f6-7a1c-4bc4-97a0-0ec2d1fa5aaa';
const DING = 'c2a1e0d43f8b4e2bb7f0a1d9e3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c2';
const DING_SECRET = 'SEC7d9a2b44c1e34f0a8d6b5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b';
const HOOK = '2d7e4b1c-93af-4c50-b6e1-7f8a9b0c1d2e';
const HOOK_SECRET = 'qW3eR5tY7uI9oP1aS3dF5g';
const SECRETS = [WECOM, DING, DING_SECRET, HOOK, HOOK_SECRET];

const wecomT: ChatTarget = { transport: 'wecom', chatId: WECOM };
const dingT: ChatTarget = { transport: 'dingtalk', chatId: `${DING}:${DING_SECRET}` };
const feishuT: ChatTarget = { transport: 'feishu', chatId: `${HOOK}:${HOOK_SECRET}` };
const TEXT = '【年报提醒】康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天，目前尚未收到。\n怎么做：在本单位政府网站发布。';

let now: number;
let fake: FakeRobots;
let robots: Record<'wecom' | 'dingtalk' | 'feishu', Notifier>;

beforeEach(async () => {
  now = Date.parse('2027-01-24T01:05:00Z');
  fake = await startFakeRobots({ clock: () => now });
  fake.addRobot('wecom', WECOM);
  fake.addRobot('dingtalk', DING, DING_SECRET);
  fake.addRobot('feishu', HOOK, HOOK_SECRET);
  robots = createRobotNotifiers(fake.apiRoots, { clock: () => now });
});
afterEach(() => fake.close());

async function failure(p: Promise<unknown>): Promise<RobotError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof RobotError)) throw new Error(`expected a RobotError, got ${String(err)}`);
  for (const s of SECRETS) expect(err.message).not.toContain(s);
  return err;
}

describe('group robots', () => {
  it('send markdown (飞书: a post) that reads as the text, signed where the robot is', async () => {
    await robots.wecom.send(wecomT, TEXT);
    await robots.dingtalk.send(dingT, TEXT);
    await robots.feishu.send(feishuT, TEXT);
    const trim = (s: string) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .join('\n');
    expect(fake.received.map((r) => [r.kind, r.robot, r.format, trim(r.plain)])).toEqual([
      ['wecom', WECOM, 'rich', TEXT],
      ['dingtalk', DING, 'rich', TEXT],
      ['feishu', HOOK, 'rich', TEXT],
    ]);
  });

  it('fall back to plain text when the robot refuses the rich message', async () => {
    fake.refuseRich('dingtalk', DING);
    await robots.dingtalk.send(dingT, TEXT);
    expect(fake.attempts.map((a) => a.answer)).toEqual([40035, 0]);
    expect(fake.received.map((r) => [r.format, r.plain])).toEqual([['text', TEXT]]);
  });

  it('give up on a wrong signing secret, a signature an hour off, an unknown robot', async () => {
    const wrong = await failure(robots.dingtalk.send({ transport: 'dingtalk', chatId: `${DING}:SECwrongwrongwrong` }, TEXT));
    expect([wrong.failure, retryDelayMs(wrong, 1)]).toEqual(['give-up', null]);
    expect(wrong.message).toContain('310000');
    const unsigned = await failure(robots.feishu.send({ transport: 'feishu', chatId: HOOK }, TEXT));
    expect([unsigned.failure, unsigned.message]).toEqual(['give-up', expect.stringContaining('19021')]);
    const late = createRobotNotifiers(fake.apiRoots, { clock: () => now + 61 * 60_000 });
    expect((await failure(late.dingtalk.send(dingT, TEXT))).message).toContain('310000');
    expect((await failure(late.feishu.send(feishuT, TEXT))).message).toContain('19021');
    const gone = await failure(robots.wecom.send({ transport: 'wecom', chatId: 'ffffffff-0000-4000-8000-000000000000' }, TEXT));
    expect([gone.failure, gone.message]).toEqual(['give-up', expect.stringContaining('93000')]);
    expect(fake.received).toEqual([]);
  });

  it('retry later on a rate limit or a busy system, after the pause the platform implies', async () => {
    fake.failNext('wecom', WECOM, { errcode: 45009, errmsg: 'api freq out of limit' });
    const wecom = await failure(robots.wecom.send(wecomT, TEXT));
    expect([wecom.failure, retryDelayMs(wecom, 1)]).toEqual(['retry', 60_000]);
    fake.failNext('feishu', HOOK, { code: 11232, msg: 'frequency limited' });
    expect(retryDelayMs(await failure(robots.feishu.send(feishuT, TEXT)), 1)).toBe(60_000);
    fake.failNext('dingtalk', DING, { errcode: -1, errmsg: '系统繁忙' });
    const busy = await failure(robots.dingtalk.send(dingT, TEXT));
    expect([busy.failure, retryDelayMs(busy, 1), retryDelayMs(busy, 3)]).toEqual(['retry', 60_000, 240_000]);
  });

  it('钉钉 130101: no request to the robot for 10 minutes, then it goes through', async () => {
    fake.block(DING);
    const blocked = await failure(robots.dingtalk.send(dingT, TEXT));
    expect([blocked.failure, retryDelayMs(blocked, 1)]).toEqual(['retry', 600_000]);
    now += 5 * 60_000;
    const waiting = await failure(robots.dingtalk.send(dingT, TEXT));
    expect(waiting.failure).toBe('retry');
    expect(fake.attempts.map((a) => a.answer)).toEqual([130101]);
    now += 5 * 60_000;
    await robots.dingtalk.send(dingT, TEXT);
    expect(fake.received).toHaveLength(1);
  });

  it('stay under the limits themselves: 20 a minute per 钉钉 robot, 5 a second per 飞书 robot, never :00 or :30', async () => {
    for (let i = 0; i < 20; i++) await robots.dingtalk.send(dingT, `${TEXT}${i}`);
    const full = await failure(robots.dingtalk.send(dingT, TEXT));
    expect([full.failure, retryDelayMs(full, 1)]).toEqual(['retry', 60_000]);
    expect(fake.attempts.filter((a) => a.answer !== 0)).toEqual([]);
    now += 60_000;
    await robots.dingtalk.send(dingT, TEXT);
    expect(fake.received.filter((r) => r.kind === 'dingtalk')).toHaveLength(21);

    for (let i = 0; i < 5; i++) await robots.feishu.send(feishuT, `${TEXT}${i}`);
    expect(retryDelayMs(await failure(robots.feishu.send(feishuT, TEXT)), 1)).toBe(1000);
    now = Date.parse('2027-01-24T01:30:20Z');
    expect(retryDelayMs(await failure(robots.feishu.send(feishuT, TEXT)), 1)).toBe(40_000);
    expect(fake.received.filter((r) => r.kind === 'feishu')).toHaveLength(5);
    expect(fake.attempts).toHaveLength(26);
  });

  it('two senders overrunning one 钉钉 robot get it blocked for 10 minutes, and then wait it out', async () => {
    // The pacer is per process: a second process (the remind command beside the service) has its own.
    const other = createRobotNotifiers(fake.apiRoots, { clock: () => now });
    for (let i = 0; i < 10; i++) await robots.dingtalk.send(dingT, `${TEXT}${i}`);
    for (let i = 0; i < 10; i++) await other.dingtalk.send(dingT, `${TEXT}${i + 10}`);
    const overrun = await failure(robots.dingtalk.send({ transport: 'dingtalk', chatId: `${DING}:${DING_SECRET}` }, TEXT));
    expect([overrun.failure, retryDelayMs(overrun, 1)]).toEqual(['retry', 600_000]);
    now += 2 * 60_000;
    // Blocked on the server although the minute is over; the blocked sender does not even ask.
    expect(retryDelayMs(await failure(other.dingtalk.send(dingT, TEXT)), 1)).toBe(600_000);
    expect((await failure(robots.dingtalk.send(dingT, TEXT))).failure).toBe('retry');
    expect(fake.attempts.map((a) => a.answer).slice(20)).toEqual([130101, 130101]);
    now += 8 * 60_000;
    await robots.dingtalk.send(dingT, TEXT);
    expect(fake.received).toHaveLength(21);
  });

  it('unknown when the request went out and no answer came; retry when no connection was made', async () => {
    const arrived = fake.takeWithoutAnswer('wecom', WECOM, 'drop');
    const dropped = await failure(robots.wecom.send(wecomT, TEXT));
    await arrived;
    expect([dropped.failure, dropped.mayHaveArrived]).toEqual(['unknown', true]);
    void fake.takeWithoutAnswer('feishu', HOOK, 'hold');
    const quick = createRobotNotifiers(fake.apiRoots, { clock: () => now, timeoutMs: 300 });
    expect((await failure(quick.feishu.send(feishuT, TEXT))).failure).toBe('unknown');
    expect(fake.received).toHaveLength(2);

    const roots = fake.apiRoots;
    await fake.close();
    const refused = await failure(createRobotNotifiers(roots, { clock: () => now }).dingtalk.send(dingT, TEXT));
    expect([refused.failure, refused.mayHaveArrived, retryDelayMs(refused, 1)]).toEqual(['retry', false, 60_000]);
    expect(refused.message).toContain('ECONNREFUSED');
  });

  it('send a long text in parts; after a failed part, a retry sends only what is missing', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${String(i + 1).padStart(2, '0')}. 某某镇（表三勾稽关系不平、缺少表四、逾期发布）`);
    const long = ['【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过8天）。', ...lines].join('\n');
    fake.failNext('wecom', WECOM, 'pass');
    fake.failNext('wecom', WECOM, { errcode: -1, errmsg: 'system busy' });
    await failure(robots.wecom.send(wecomT, long));
    expect(fake.received).toHaveLength(1);
    now += 60_000;
    await robots.wecom.send(wecomT, long);
    expect(fake.attempts.map((a) => a.answer)).toEqual([0, -1, ...fake.received.slice(1).map(() => 0)]);
    expect(fake.received.length).toBeGreaterThan(1);
    expect(fake.received.map((r) => r.plain).join('\n')).toBe(long);
  });
});
