import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startTelegram } from '../../src/bot/adapters/telegram.js';
import { startWechat } from '../../src/bot/adapters/wechat.js';
import { createMemoryConversationStore } from '../../src/bot/conversations.js';
import { createCore } from '../../src/bot/core/handle.js';
import { createMemorySubscriptionStore } from '../../src/bot/subscriptions.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { closeServer, createHttpServer, listen } from '../../src/service/http-server.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { seedStore } from '../helpers/memory-store.js';

/** Follow-ups through the entries: two Telegram groups through telegraf, HTTP `chat`, and `ask --chat`. */

const log = pino({ level: 'silent' });
const TODAY = new Date('2026-11-21T10:00:00+08:00');
const core = createCore({ store: seedStore(), now: () => TODAY, calendar: DEFAULT_CALENDAR });
const KANGZHUANG = '康庄镇2020年新收政府信息公开申请1件';
const LONGTAN = '龙潭镇2020年新收政府信息公开申请0件';

describe('conversations through telegraf against the fake Bot API', () => {
  it('each group keeps its own context: 「那龙潭镇呢」 and 「处罚呢」 follow that group’s last question', async () => {
    const fake = await startFakeTelegram();
    const pipeline = createPipeline({
      core,
      subscriptions: createMemorySubscriptionStore(),
      seen: createMemorySeenUpdates(),
      admins: [],
      log,
      now: () => TODAY,
      conversations: createMemoryConversationStore(),
    });
    const handle = await startTelegram({ config: { telegram: { token: fake.token, apiRoot: fake.apiRoot } }, pipeline, log });
    try {
      const A = { id: -2001, type: 'supergroup' as const, title: 'A' };
      const B = { id: -2002, type: 'supergroup' as const, title: 'B' };
      const who = { id: 9, first_name: 'W' };
      const say = async (chat: typeof A, text: string) => {
        const before = fake.sent.length;
        fake.pushMessage(chat, who, `@${fake.bot.username} ${text}`);
        await vi.waitFor(() => expect(fake.sent.length).toBeGreaterThan(before));
        return String(fake.sent.at(-1)?.text);
      };
      expect(await say(A, '康庄镇2020年依申请公开多少件')).toContain(KANGZHUANG);
      expect(await say(B, '棉洋镇2021年依申请公开多少件')).toContain('棉洋镇2021年');
      expect(await say(A, '那龙潭镇呢')).toContain(LONGTAN);
      expect(await say(B, '处罚呢')).toMatch(/^棉洋镇2021年行政处罚/);
      expect(await say(A, '处罚呢')).toMatch(/^龙潭镇2020年行政处罚/);
    } finally {
      await handle.stop();
      await fake.close();
    }
  });
});

describe('conversations through wechaty on puppet-mock', () => {
  it('a room and a private chat keep their own contexts, each following its own last question', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const pipeline = createPipeline({
      core,
      subscriptions: createMemorySubscriptionStore(),
      seen: createMemorySeenUpdates(),
      admins: [],
      log,
      now: () => TODAY,
      conversations: createMemoryConversationStore(),
    });
    const handle = await startWechat({ config: { wechat: { puppet: 'wechaty-puppet-mock' } }, pipeline, log, puppet, printQr: () => {} });
    try {
      const self = mocker.createContact({ name: '年报助手' });
      mocker.login(self);
      const alice = mocker.createContact({ name: 'Alice' });
      const room = mocker.createRoom({ topic: '政务公开群', memberIdList: [self.id, alice.id], ownerId: alice.id });
      const sendText = vi.spyOn(puppet, 'messageSendText');
      await vi.waitFor(() => expect(handle.bot.isLoggedIn).toBe(true));
      const last = (to: string) => String(sendText.mock.calls.filter((c) => c[0] === to).at(-1)?.[1] ?? '');
      const say = async (to: 'room' | 'private', text: string) => {
        const before = sendText.mock.calls.length;
        if (to === 'room') alice.say(`@年报助手 ${text}`, [self]).to(room);
        else alice.say(text).to(self);
        await vi.waitFor(() => expect(sendText.mock.calls.length).toBeGreaterThan(before));
        return last(to === 'room' ? room.id : alice.id);
      };
      expect(await say('room', '康庄镇2020年依申请公开多少件')).toContain(KANGZHUANG);
      expect(await say('private', '龙潭镇2020年主动公开了多少条信息')).toContain('1374');
      expect(await say('room', '那龙潭镇呢')).toContain(LONGTAN);
      expect(await say('private', '康庄镇呢')).toContain('170');
    } finally {
      await handle.stop();
    }
  });
});

describe('conversations over HTTP', () => {
  it('a request with `chat` continues that conversation; one without stands alone', async () => {
    const pipeline = createPipeline({
      core,
      subscriptions: createMemorySubscriptionStore(),
      admins: [],
      log,
      now: () => TODAY,
      conversations: createMemoryConversationStore(),
    });
    const server = createHttpServer({ pipeline, health: () => ({}), log });
    const addr: AddressInfo = await listen(server, '127.0.0.1', 0);
    const post = async (body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${addr.port}/ask`, { method: 'POST', body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as { kind: string; text: string } };
    };
    try {
      await post({ question: '康庄镇2020年依申请公开多少件', chat: 'c1' });
      expect((await post({ question: '那龙潭镇呢', chat: 'c1' })).json.text).toContain(LONGTAN);
      expect((await post({ question: '那龙潭镇呢' })).json.text).not.toContain(LONGTAN);
      expect((await post({ question: '那龙潭镇呢', chat: 'c2' })).json.text).not.toContain(LONGTAN);
      expect((await post({ question: '去年呢', chat: 12 })).status).toBe(400);
    } finally {
      await closeServer(server);
    }
  });
});

describe('nianbao ask --chat', () => {
  const run = promisify(execFile);
  const ROOT = new URL('../..', import.meta.url).pathname;
  let dir: string;
  let db: string;
  const nianbao = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', db, ...args], { cwd: ROOT });
  const ask = async (q: string, at: string, chat?: string) =>
    JSON.parse((await nianbao('ask', q, '--now', at, '--json', ...(chat ? ['--chat', chat] : []))).stdout) as {
      kind: string;
      rows: Array<{ name: string; year?: number; metric?: string; value?: number | null }>;
    };

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'n.db');
    await nianbao('ingest', 'test/fixtures/seed-reports');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each process continues the conversation from the database until 30 minutes after its last turn', async () => {
    expect((await ask('康庄镇2020年依申请公开多少件', '2026-11-21T10:00:00+08:00', 'g1')).rows[0]?.name).toBe('康庄镇');
    const follow = await ask('那龙潭镇呢', '2026-11-21T10:20:00+08:00', 'g1');
    expect(follow.rows).toEqual([{ name: '龙潭镇', year: 2020, metric: 'applications.new.total', value: 0 }]);
    expect((await ask('处罚呢', '2026-11-21T10:45:00+08:00', 'g1')).rows[0]).toMatchObject({ name: '龙潭镇', year: 2020, metric: 'active.penalty.decisions' });
    // Without --chat the same words stand alone; 31 minutes after the last turn the context is gone.
    expect((await ask('那龙潭镇呢', '2026-11-21T10:46:00+08:00')).kind).toBe('report');
    expect((await ask('那龙潭镇呢', '2026-11-21T11:16:01+08:00', 'g1')).kind).toBe('report');
  });
});
