import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { startFakeRobots, type FakeRobots } from '../helpers/fake-robots.js';

/**
 * The command line with robot contacts: `roster import` binds them, `roster list` and
 * `remind --dry-run --json` show them masked, and `remind` sends to the fake robots (the API roots
 * come from NIANBAO_*_API_ROOT) with signatures on the real clock although `--now` is a year away.
 */

const KEY = '5c1f8a2e-1b3d-4e5f-8a9b-0c1d2e3f4a01';
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f902';
const SECRET = 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
const HOOK = '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3903';
const HOOK_SECRET = 'yD3nF7kL2pQ8rS4tV6wX9z';
const SECRETS = [KEY, TOKEN, SECRET, HOOK, HOOK_SECRET];

let t: TestDb;
let fake: FakeRobots;
let db: string[];
const outputs: string[] = [];
const cli = async (args: string[]) => {
  const r = await runCli([...db, ...args]);
  outputs.push(r.stdout, r.stderr);
  return r;
};

beforeEach(async () => {
  t = createTestDb();
  db = ['--db', t.path];
  fake = await startFakeRobots();
  fake.addRobot('wecom', KEY);
  fake.addRobot('dingtalk', TOKEN, SECRET);
  fake.addRobot('feishu', HOOK, HOOK_SECRET);
  vi.stubEnv('NIANBAO_WECOM_API_ROOT', fake.apiRoots.wecom);
  vi.stubEnv('NIANBAO_DINGTALK_API_ROOT', fake.apiRoots.dingtalk);
  vi.stubEnv('NIANBAO_FEISHU_API_ROOT', fake.apiRoots.feishu);
  writeFileSync(
    join(t.dir, 'roster.csv'),
    `名称,地区,类型,联系群\n康庄镇,临清市,镇,"wecom:${KEY};dingtalk:${TOKEN}:${SECRET}"\n唐园镇,临清市,镇,feishu:${HOOK}:${HOOK_SECRET}\n`,
  );
  expect(JSON.parse((await cli(['roster', 'import', join(t.dir, 'roster.csv'), '--json'])).stdout)).toEqual({ added: 2, updated: 0, groups: 3 });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  t.dispose();
  for (const o of outputs.splice(0)) for (const s of SECRETS) expect(o.includes(s), s).toBe(false);
});

describe('robots on the command line', () => {
  it('roster list shows the robots masked', async () => {
    const rows = JSON.parse((await cli(['roster', 'list', '--json'])).stdout).rows;
    expect(rows.map((r: { name: string; groups: string[] }) => [r.name, r.groups])).toEqual([
      ['康庄镇', ['wecom:5c…01', 'dingtalk:a1…02']],
      ['唐园镇', ['feishu:7e…03']],
    ]);
    expect((await cli(['roster', 'list'])).stdout).toContain('康庄镇\ttown\t来自名单\twecom:5c…01 dingtalk:a1…02');
  });

  it('remind --dry-run --json shows each message with its channel, masked, and sends nothing', async () => {
    const j = JSON.parse((await cli(['--now', '2027-01-24T09:05+08:00', 'remind', '--dry-run', '--json'])).stdout);
    expect(j.messages.map((m: { channel: string; target: string; status: string }) => [m.channel, m.target, m.status])).toEqual([
      ['wecom', 'wecom:5c…01', 'new'],
      ['dingtalk', 'dingtalk:a1…02', 'new'],
      ['feishu', 'feishu:7e…03', 'new'],
    ]);
    expect((await cli(['--now', '2027-01-24T09:05+08:00', 'remind', '--dry-run'])).stdout).toContain('→ dingtalk:a1…02 提醒\n  【年报提醒】康庄镇：');
    expect(fake.attempts).toEqual([]);
  });

  it('remind sends to the robots once, signed on the real clock, whatever --now says', async () => {
    const args = ['--now', '2027-01-24T09:05+08:00', 'remind', '--json'];
    const first = JSON.parse((await cli(args)).stdout);
    const outcomes = first.messages.map((m: { target: string; outcome: string }) => [m.target, m.outcome]);
    expect(outcomes.slice(0, 2)).toEqual([
      ['wecom:5c…01', '已发送'],
      ['dingtalk:a1…02', '已发送'],
    ]);
    // 飞书 is not sent in a whole or half hour minute of the real clock; then it waits for the next run.
    expect(outcomes[2][1]).toMatch(/^(已发送|发送失败：飞书机器人 7e…03：未到可发送的时间)/);
    expect(fake.received.map((r) => [r.kind, r.plain.split('\n')[0]!.slice(0, 14)])).toEqual(
      [
        ['wecom', '【年报提醒】康庄镇：2026'],
        ['dingtalk', '【年报提醒】康庄镇：2026'],
        ['feishu', '【年报提醒】唐园镇：2026'],
      ].slice(0, outcomes[2][1] === '已发送' ? 3 : 2),
    );
    const second = JSON.parse((await cli(args)).stdout);
    expect(second.messages.slice(0, 2).map((m: { outcome: string }) => m.outcome)).toEqual(['未发送：already sent', '未发送：already sent']);
    expect(t.stores.deliveries.list().map((d) => [d.transport, d.chatId.replace(/#.*/, '#…'), d.attempts])).toEqual([
      ['wecom', '5c…01#…', 1],
      ['dingtalk', 'a1…02#…', 1],
      ['feishu', '7e…03#…', 1],
    ]);
  });

  it('a refused robot is reported without its key and not tried again', async () => {
    fake.failNext('dingtalk', TOKEN, { errcode: 310000, errmsg: `sign not match, token ${TOKEN}` });
    const r = JSON.parse((await cli(['--now', '2027-01-24T09:05+08:00', 'remind', '--json'])).stdout);
    expect(r.messages[1].outcome).toMatch(/^发送失败：钉钉机器人 a1…02：安全设置校验失败.*（310000），不再重试$/);
    // (飞书 may fail too when the real clock is at a whole or half hour: it waits for the next run.)
    const failed = t.stores.deliveries.list({ status: 'failed' }).filter((d) => d.transport === 'dingtalk');
    expect(failed.map((d) => [d.nextAttemptAt, d.lastError?.includes('310000')])).toEqual([[null, true]]);
  });
});
