import { spawn } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryChatId, parseContacts, robotAddress } from '../../src/bot/targets.js';
import type { ChatTarget, Notifier, Transport } from '../../src/bot/types.js';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { calendarFromConfig } from '../../src/calendar/calendar.js';
import { addDays, localDate } from '../../src/calendar/time.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { runEscalations } from '../../src/jobs/run-escalations.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { rosterReader } from '../../src/jobs/roster.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { createRobotNotifiers } from '../../src/notify/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { startFakeRobots, type FakeRobots } from '../helpers/fake-robots.js';
import { ROOT } from '../ingest/run-child.js';
import { bj, townReport, writeReport } from '../jobs/helpers.js';

/**
 * A reporting season (1 January to 15 February 2027, two counties, six towns) delivered through
 * 企业微信, 钉钉 and 飞书 robots: the fake robot servers over HTTP, a real SQLite file, an injected
 * clock. It runs twice: once into plain recording notifiers (what the planners want sent), once into
 * the robots with trouble on the way: a process killed while a message is on its way, a 钉钉 robot
 * blocked for 10 minutes, an answer lost after a message arrived, 飞书's half hours avoided. Each
 * planned message must arrive exactly once, on its day, at its town's or county's robot.
 */

const S = {
  kangzhuang: '5c1f8a2e-1b3d-4e5f-8a9b-0c1d2e3f4a01',
  tangyuanToken: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f902',
  tangyuanSecret: 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  yandianHook: '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3903',
  yandianSecret: 'yD3nF7kL2pQ8rS4tV6wX9z',
  yandianKey: '5c1f8a2e-1b3d-4e5f-8a9b-0c1d2e3f4a03',
  zhangjiapoHook: '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3904',
  nanmaToken: 'b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f905',
  yuezhuangKey: '5c1f8a2e-1b3d-4e5f-8a9b-0c1d2e3f4a06',
  linqingToken: 'c1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f900',
  linqingSecret: 'SEC9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9',
  yiyuanHook: '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3900',
  yiyuanSecret: 'yY1yU2aN3hO4oK5sE6cR7t',
};
const SECRETS = Object.values(S);

const ROSTER_CSV = `名称,地区,类型,联系群
康庄镇,临清市,镇,wecom:${S.kangzhuang}
唐园镇,临清市,镇,dingtalk:${S.tangyuanToken}:${S.tangyuanSecret}
烟店镇,临清市,镇,"feishu:${S.yandianHook}:${S.yandianSecret}; wecom:${S.yandianKey}"
张家坡镇,沂源县,镇,feishu:${S.zhangjiapoHook}
南麻街道,沂源县,街道,dingtalk:${S.nanmaToken}
悦庄镇,沂源县,镇,wecom:${S.yuezhuangKey}
`;
const COUNTIES = { 临清市: `dingtalk:${S.linqingToken}:${S.linqingSecret}`, 沂源县: `feishu:${S.yiyuanHook}:${S.yiyuanSecret}` };

const FILINGS = [
  { at: '2027-01-10T10:00', name: '张家坡镇', county: '沂源县', signed: '2027年1月9日' },
  { at: '2027-01-20T10:00', name: '康庄镇', county: '临清市', signed: '2027年1月18日' },
  { at: '2027-01-26T15:00', name: '南麻街道', county: '沂源县', signed: '2027年1月25日', broken: true },
  { at: '2027-02-03T22:30', name: '唐园镇', county: '临清市', signed: '2027年2月3日' },
  { at: '2027-02-05T11:00', name: '悦庄镇', county: '沂源县', signed: '2027年2月5日' },
];

/** The daily run at 09:00, then a sweep every minute for 16 minutes (retries fall due, a dead send outlives its lease), and two more. */
const SWEEPS = [...Array.from({ length: 16 }, (_, i) => `09:${String(i + 1).padStart(2, '0')}`), '12:00', '20:59'];

const one = (cell: string): ChatTarget => {
  const r = parseContacts(cell);
  if (!r.ok || !r.targets[0]) throw new Error('bad contact');
  return r.targets[0];
};

interface Delivered {
  day: string;
  /** transport + robot id (no secret): where it arrived. */
  robot: string;
  text: string;
}

const norm = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
const robotOf = (t: ChatTarget) => `${t.transport}:${robotAddress(t).id}`;
const key = (d: Delivered) => `${d.day} ${d.robot} ${norm(d.text)}`;

interface Faults {
  /** Before the 09:00 run of a day: returns true when it ran the remind job itself. */
  beforeDaily?: (date: string, t: TestDb, now: Date) => Promise<boolean>;
}

async function runSeason(t: TestDb, setNow: (d: Date) => void, notifiers: JobDeps['notifiers'], log: JobDeps['log'], faults: Faults = {}) {
  const loaded = loadConfig({ NIANBAO_DEADLINES: '沂源县=02-10' });
  if (!loaded.ok) throw new Error(loaded.message);
  const config = loaded.config;
  const calendar = calendarFromConfig(config);
  const parsed = parseRosterCsv(ROSTER_CSV);
  expect(parsed.errors).toEqual([]);
  t.stores.roster.import(parsed.rows, bj('2026-12-20T10:00'));
  const subs = t.stores.subscriptions;
  for (const r of parsed.rows) for (const c of r.contacts) subs.subscribe(c, { kind: 'org', name: r.name }, 'roster:import', bj('2026-12-20T10:00'));
  for (const [county, cell] of Object.entries(COUNTIES)) subs.subscribe(one(cell), { kind: 'region', name: county }, 'roster:import', bj('2026-12-20T10:00'));

  const jobs: JobDeps = { stores: t.stores, roster: rosterReader(() => t.stores.roster.sources()), calendar, notifiers, log, owner: 'season' };
  let now = bj('2027-01-01T00:00');
  for (let date = '2027-01-01'; date <= '2027-02-15'; date = addDays(date, 1)) {
    const events: Array<{ at: Date; run: () => Promise<unknown> }> = [];
    events.push({
      at: bj(`${date}T09:00`),
      run: async () => {
        if (!(await faults.beforeDaily?.(date, t, now))) await runReminders(jobs, now);
        await runEscalations(jobs, now);
      },
    });
    for (const hm of SWEEPS) events.push({ at: bj(`${date}T${hm}`), run: () => runSweep(jobs, now) });
    for (const f of FILINGS.filter((f) => f.at.startsWith(date))) {
      const at = bj(f.at);
      events.push({
        at,
        run: async () => {
          const file = writeReport(t.dir, `${f.name}-2026.txt`, townReport(f.name, f.county, f.signed, f.broken));
          expect((await ingestPaths(t, [file], { now: () => at })).stored).toHaveLength(1);
        },
      });
      events.push({ at: new Date(at.getTime() + 60_000), run: () => runSweep(jobs, now) });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const e of events) {
      now = e.at;
      setNow(now);
      await e.run();
    }
  }
  return calendar;
}

/** Starts the remind job in another process and kills it once `arrived` settles (a message is at the robot, unanswered). */
function killDuringSend(t: TestDb, now: Date, fake: FakeRobots, arrived: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/notify/crash-robots.script.ts', t.path, now.toISOString(), JSON.stringify(fake.apiRoots)], {
      cwd: ROOT,
      env: { ...process.env, NIANBAO_DB: '', NIANBAO_DEADLINES: '沂源县=02-10' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child was not killed: ${out}`))));
    void arrived.then(() => child.kill('SIGKILL'));
  });
}

describe('a season through 企业微信, 钉钉 and 飞书 robots', () => {
  const planned: Delivered[] = [];
  const logLines: string[] = [];
  let childOutput = '';
  let base: TestDb;
  let t: TestDb;
  let fake: FakeRobots;
  let robotDay: (ms: number) => string;

  beforeAll(async () => {
    // 1. What the planners want sent, into recording notifiers.
    base = createTestDb();
    let baseNow = new Date(0);
    const record: Notifier = { send: async (target, text) => void planned.push({ day: localDate(baseNow, 'Asia/Shanghai'), robot: robotOf(target), text }) };
    const all = Object.fromEntries((['wecom', 'dingtalk', 'feishu'] as Transport[]).map((k) => [k, record]));
    await runSeason(base, (d) => (baseNow = d), all, pino({ level: 'silent' }));

    // 2. The same season through the robots, with trouble.
    t = createTestDb();
    let now = new Date(0);
    fake = await startFakeRobots({ clock: () => now.getTime() });
    for (const cell of [...parseRosterCsv(ROSTER_CSV).rows.flatMap((r) => r.contacts), ...Object.values(COUNTIES).map(one)]) {
      const a = robotAddress(cell);
      fake.addRobot(cell.transport as 'wecom' | 'dingtalk' | 'feishu', a.id, a.secret ?? undefined);
    }
    robotDay = (ms) => localDate(new Date(ms), 'Asia/Shanghai');
    const log = pino({ level: 'info' }, { write: (s: string) => void logLines.push(s) });
    const robots = createRobotNotifiers(fake.apiRoots, { clock: () => now.getTime() });
    await runSeason(t, (d) => (now = d), robots, log, {
      async beforeDaily(date, db, at) {
        if (date === '2027-01-17') {
          // D-14 for 临清市: killed while 唐园镇's 钉钉 robot has the message and has not answered.
          childOutput = await killDuringSend(db, at, fake, fake.takeWithoutAnswer('dingtalk', S.tangyuanToken, 'hold'));
          return true;
        }
        // D-3 for 临清市: someone else overran the county's 钉钉 robot a minute ago; blocked for 10 minutes.
        if (date === '2027-01-28') fake.block(S.linqingToken, 9 * 60_000);
        // The first escalation reaches 烟店镇's 企业微信 robot, but the answer is lost.
        if (date === '2027-02-01') void fake.takeWithoutAnswer('wecom', S.yandianKey, 'drop');
        return false;
      },
    });
  }, 120_000);
  afterAll(async () => {
    await fake.close();
    base.dispose();
    t.dispose();
  });

  it('delivers every planned message exactly once, on its day, at the right robot', () => {
    expect(planned.length).toBeGreaterThan(40);
    const got = fake.received.map((r) => key({ day: robotDay(r.at), robot: `${r.kind}:${r.robot}`, text: r.plain }));
    expect(got.sort()).toEqual(planned.map(key).sort());
  });

  it('sends each town only its own messages, and each county its own', () => {
    const towns: Record<string, string[]> = {
      康庄镇: [`wecom:${S.kangzhuang}`],
      唐园镇: [`dingtalk:${S.tangyuanToken}`],
      烟店镇: [`feishu:${S.yandianHook}`, `wecom:${S.yandianKey}`],
      张家坡镇: [`feishu:${S.zhangjiapoHook}`],
      南麻街道: [`dingtalk:${S.nanmaToken}`],
      悦庄镇: [`wecom:${S.yuezhuangKey}`],
    };
    for (const [town, robots] of Object.entries(towns)) {
      const got = fake.received.filter((r) => robots.includes(`${r.kind}:${r.robot}`));
      expect(got.length).toBeGreaterThan(0);
      for (const r of got) expect(r.plain.split('\n')[0]).toContain(town);
    }
    const county = (id: string) => fake.received.filter((r) => r.robot === id).map((r) => r.plain.split('\n')[0]!);
    expect(county(S.linqingToken).every((l) => l.includes('临清市') || /康庄镇|唐园镇|烟店镇/.test(l))).toBe(true);
    expect(county(S.yiyuanHook).every((l) => l.includes('沂源县') || /张家坡镇|南麻街道|悦庄镇/.test(l))).toBe(true);
    // 烟店镇 has two robots, and each got every message of 烟店镇.
    expect(fake.received.filter((r) => r.robot === S.yandianHook).map((r) => r.plain)).toEqual(
      fake.received.filter((r) => r.robot === S.yandianKey).map((r) => norm(r.plain)),
    );
  });

  it('went through the trouble: the kill, the 10-minute block, the lost answer, the half hours', () => {
    expect(childOutput).not.toContain('FINISHED');
    const rows = t.stores.deliveries.list();
    const tangyuan = deliveryChatId(one(`dingtalk:${S.tangyuanToken}:${S.tangyuanSecret}`));
    const yandian = deliveryChatId(one(`wecom:${S.yandianKey}`));
    expect(rows.filter((r) => r.status !== 'sent').map((r) => [r.period, r.transport, r.chatId, r.status])).toEqual([
      ['2026/D-14', 'dingtalk', tangyuan, 'unknown'],
      ['2026/D+1', 'wecom', yandian, 'unknown'],
    ]);
    // The county's digest on 28 January waited out the block, and was asked for once while blocked.
    const linqing = fake.attempts.filter((a) => a.robot === S.linqingToken && a.answer === 130101);
    expect(linqing).toHaveLength(1);
    const digest = fake.received.find((r) => r.robot === S.linqingToken && r.plain.includes('距截止还有3天'));
    expect(new Date(digest!.at).toISOString()).toBe('2027-01-28T01:10:00.000Z');
    // 飞书 never got a message in a whole or half hour minute, 钉钉 and 企业微信 never hit their limits.
    expect(fake.received.filter((r) => r.kind === 'feishu' && [0, 30].includes(new Date(r.at).getUTCMinutes()))).toEqual([]);
    expect(fake.attempts.filter((a) => a.answer === 45009 || a.answer === 11232)).toEqual([]);
  });

  it('never writes a key, token or secret to a log line, the delivery log, or the killed process output', () => {
    expect(logLines.length).toBeGreaterThan(50);
    const deliveries = JSON.stringify(t.stores.deliveries.list());
    for (const s of SECRETS) {
      for (const where of [logLines.join(''), deliveries, childOutput]) expect(where.includes(s), s).toBe(false);
      // Nor a long piece of one.
      expect(logLines.join('').includes(s.slice(4, 20)), s).toBe(false);
    }
  });
});
