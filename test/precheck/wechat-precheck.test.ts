import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createMemorySeenUpdates } from '../../src/bot/adapters/dedupe.js';
import { createPipeline } from '../../src/bot/adapters/pipeline.js';
import { startWechat } from '../../src/bot/adapters/wechat.js';
import type { Core } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { createFileDesk } from '../../src/service/precheck-desk.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { jobDeps, recordingNotifier } from '../jobs/helpers.js';

/** Issue 13 on WeChat: real wechaty on wechaty-puppet-mock, a real SQLite file, the service's file desk. */

const log = pino({ level: process.env.DEBUG_LOG ? 'debug' : 'silent' });
const NOW = new Date('2022-01-12T10:00:00+08:00');
/**
 * A PDF as a WeChat file message. puppet-mock makes an Attachment message only of a FileBox of type
 * application/octet-stream (it then goes by the extension), while FileBox sets application/pdf from
 * the name: the type is set so the mock delivers what a real puppet does for a file.
 */
function seedPdf(name: string): FileBox {
  const box = FileBox.fromBase64(readFileSync(new URL(`../fixtures/files/seeds/${name}.pdf`, import.meta.url)).toString('base64'), `${name}.pdf`);
  (box as unknown as { _mediaType?: string })._mediaType = 'application/octet-stream';
  return box;
}

let t: TestDb;
const cleanups: Array<() => Promise<void>> = [];
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  t.dispose();
});

async function setup() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const core: Core = { ask: (q) => ({ kind: 'unknown', text: `收到: ${q}`, rows: [] }) };
  const notices = recordingNotifier();
  const files = createFileDesk({ db: t, calendar: DEFAULT_CALENDAR, admins: [], jobs: jobDeps(t, DEFAULT_CALENDAR, { wechat: notices.notifier }), log });
  const pipeline = createPipeline({ core, subscriptions: t.stores.subscriptions, seen: createMemorySeenUpdates(), admins: [], log, now: () => NOW, files });
  const handle = await startWechat({ config: { wechat: { puppet: 'wechaty-puppet-mock' } }, pipeline, log, puppet, printQr: () => {} });
  cleanups.push(() => handle.stop());
  const self = mocker.createContact({ name: '年报助手' });
  mocker.login(self);
  const alice = mocker.createContact({ name: 'Alice' });
  const bob = mocker.createContact({ name: 'Bob' });
  const room = mocker.createRoom({ topic: '康庄镇政务公开群', memberIdList: [self.id, alice.id, bob.id], ownerId: alice.id });
  const sendText = vi.spyOn(puppet, 'messageSendText');
  await vi.waitFor(() => expect(handle.bot.isLoggedIn).toBe(true));
  const said = (to: string) => sendText.mock.calls.filter((c) => c[0] === to).map((c) => String(c[1]));
  return { self, alice, bob, room, said, notices };
}

describe('a report file sent on WeChat', () => {
  it('privately → the pre-check, recorded', async () => {
    const { alice, self, said } = await setup();
    alice.say(seedPdf('kangzhuang-2020')).to(self);
    await vi.waitFor(() => expect(said(alice.id).join('\n')).toContain('结论：可以发布'), { timeout: 15_000 });
    expect(said(alice.id)[0]).toContain('预检结果：康庄镇人民政府 2020年度报告');
    expect(t.stores.receivedFiles.latest({ transport: 'wechat', chatId: alice.id })?.fileName).toBe('kangzhuang-2020.pdf');
  });

  it('in a room only after its sender @mentioned the bot; the room owner may /submit it once bound', async () => {
    const { alice, bob, self, room, said, notices } = await setup();
    bob.say(seedPdf('kangzhuang-2020')).to(room);
    alice.say('@年报助手 预检', [self]).to(room);
    await vi.waitFor(() => expect(said(room.id)).toHaveLength(1));
    expect(said(room.id)[0]).toContain('请把年报文件');
    alice.say(seedPdf('mianyang-2021')).to(room);
    await vi.waitFor(() => expect(said(room.id).join('\n')).toContain('请修改后再发布'), { timeout: 15_000 });
    expect(said(room.id).join('\n')).not.toContain('康庄镇人民政府');
    expect(t.sqlite.prepare('select count(*) as n from received_files').get()).toEqual({ n: 1 });

    t.stores.subscriptions.subscribe({ transport: 'wechat', chatId: room.id }, { kind: 'org', name: '棉洋镇' }, 'roster:import', NOW);
    alice.say('@年报助手 提交', [self]).to(room);
    await vi.waitFor(() => expect(said(room.id).at(-1)).toMatch(/已报送：棉洋镇2021年度报告，发布日期 2022-01-12/));
    expect(t.sqlite.prepare('select count(*) as n from reports').get()).toEqual({ n: 1 });
    expect(notices.sent.map((s) => s.target.chatId)).toEqual([room.id]);
  });
});
