import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/client.js';
import { loadConfig } from '../../src/config.js';
import { openApp } from '../../src/app.js';
import { runNotices } from '../../src/jobs/run-notices.js';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram, type FakeChat, type FakeTelegram } from '../helpers/fake-telegram.js';

/**
 * Issue 13 end to end: the service (real telegraf against the fake Bot API, real SQLite with the
 * migrations) pre-checks files sent to the bot, records them, and files one on /submit.
 */

const FILES = new URL('../fixtures/files/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FILES));
const NOW = new Date('2021-01-25T10:00:00+08:00');

const ADMIN = { id: 9001, first_name: '县政务公开办' };
const OFFICER = { id: 8001, first_name: '王主任' };
const CLERK = { id: 8002, first_name: '小李' };
const TOWN = { id: -2001, type: 'supergroup' as const, title: '康庄镇政务公开群' };
const COUNTY = { id: -3001, type: 'supergroup' as const, title: '临清市年报群' };
const OTHER_TOWN = { id: -2002, type: 'supergroup' as const, title: '龙潭镇群' };
/** A new person for each exchange in a private chat, so the per-person rate limit (5 at once) stays out of the way. */
let nextUser = 8100;
const someone = () => ({ id: nextUser++, first_name: '镇干部' });
const privately = () => {
  const u = someone();
  return { user: u, chat: { id: u.id, type: 'private' as const } };
};

let dir: string;
let dbPath: string;
let fake: FakeTelegram;
let service: Service;

async function start(): Promise<Service> {
  const loaded = loadConfig({
    NIANBAO_DB: dbPath,
    NIANBAO_HTTP_PORT: '0',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    NIANBAO_ADMINS: `telegram:${ADMIN.id}`,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const samplesDir = join(dir, 'no-samples');
  mkdirSync(samplesDir, { recursive: true });
  return startService({ config: loaded.config, log: silentLogger, console: null, now: () => NOW, samplesDir, scheduler: false });
}

const textsTo = (chat: FakeChat | number) =>
  fake.sent.filter((b) => Number(b.chat_id) === (typeof chat === 'number' ? chat : chat.id)).map((b) => String(b.text));

/** Pushes a message and waits for the bot's next message to that chat. */
async function exchange(chat: FakeChat, push: () => void): Promise<string> {
  const before = textsTo(chat).length;
  push();
  await vi.waitFor(() => expect(textsTo(chat).length).toBeGreaterThan(before), { timeout: 15_000 });
  return textsTo(chat).at(-1)!;
}

const sendFile = (chat: FakeChat, from: typeof ADMIN, name: string, bytes: Uint8Array, caption?: string) =>
  exchange(chat, () => fake.pushDocument(chat, from, { name, bytes, caption }));

const replyTo = (text: string) => ({
  reply_to_message: { message_id: 1, date: 0, chat: TOWN, from: { ...fake.bot, is_bot: true, first_name: '年报助手' }, text },
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const h = openDb(dbPath);
  try {
    return h.sqlite.prepare(sql).all(...params) as T[];
  } finally {
    h.close();
  }
}
const reportCount = () => query<{ n: number }>('select count(*) as n from reports')[0]!.n;

beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir, 'nianbao.db');
  const h = openDb(dbPath);
  h.stores.subscriptions.subscribe({ transport: 'telegram', chatId: String(TOWN.id) }, { kind: 'org', name: '康庄镇' }, 'roster:import', NOW);
  h.stores.subscriptions.subscribe({ transport: 'telegram', chatId: String(COUNTY.id) }, { kind: 'region', name: '临清市' }, 'roster:import', NOW);
  h.stores.subscriptions.subscribe({ transport: 'telegram', chatId: String(OTHER_TOWN.id) }, { kind: 'org', name: '龙潭镇' }, 'roster:import', NOW);
  h.close();
  fake = await startFakeTelegram();
  service = await start();
}, 30_000);
afterAll(async () => {
  await service.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a file sent to the bot gets a pre-check; nothing is filed until an administrator submits', () => {
  it('a clean report in a private chat → key figures and 可以发布, recorded, not filed', async () => {
    const { user, chat } = privately();
    const text = await sendFile(chat, user, '康庄镇2020年报.docx', fixture('seeds/kangzhuang-2020.docx'));
    expect(text).toContain('预检结果：康庄镇人民政府 2020年度报告');
    expect(text).toContain('文件：Word（.docx）');
    expect(text).toContain('新收政府信息公开申请：1件');
    expect(text).toContain('表格有空白单元格');
    expect(text).toContain('结论：可以发布');
    expect(text).toMatch(/预检编号 #\d+/);
    expect(reportCount()).toBe(0);
    expect(query('select file_name, verdict, sender_id from received_files')).toEqual([
      { file_name: '康庄镇2020年报.docx', verdict: 'ok', sender_id: String(user.id) },
    ]);
    // The same bytes again in the same chat: answered from the record, still one record.
    const again = await sendFile(chat, user, '又一次.docx', fixture('seeds/kangzhuang-2020.docx'));
    expect(again).toMatch(/^这个文件之前已经预检过/);
    expect(again).toContain('结论：可以发布');
    expect(query('select count(*) as n from received_files')).toEqual([{ n: 1 }]);
  });

  it('a broken report (PDF, /check in the caption in a group) → its findings with page and fix, 请修改后再发布', async () => {
    const text = await sendFile(TOWN, someone(), '棉洋镇2021.pdf', fixture('seeds/mianyang-2021.pdf'), '/check');
    expect(text).toContain('预检结果：棉洋镇人民政府 2021年度报告');
    expect(text).toMatch(/✗ 错误 表格缺失或不完整（第2页，表三“[^”]+”一行，第\d+行）/);
    expect(text).toContain('改法：补全表二、表三、表四的所有行和列');
    expect(text.split('\n').at(-2)).toBe('结论：请修改后再发布');
  });

  it('「详细」 in reply to a pre-check gives the full list, hints included', async () => {
    const short = textsTo(TOWN).at(-1)!;
    const full = await exchange(TOWN, () => fake.pushMessage(TOWN, someone(), '详细', replyTo(short)));
    expect(full).toContain('全部检查结果：');
    expect(full).toContain('未说明上年度问题整改情况');
    expect(full).toContain('结论：请修改后再发布');
  });

  it('a file in a group that is not addressed to the bot is not downloaded and gets no reply', async () => {
    const downloads = fake.downloads.length;
    const u = someone();
    fake.pushDocument(TOWN, u, { name: 'x.docx', bytes: fixture('seeds/longtan-2020.docx') });
    // A question sent after it is answered: the file before it has been handled (ignored).
    await exchange(TOWN, () => fake.pushMessage(TOWN, u, `@${fake.bot.username} /check`));
    expect(fake.downloads.length).toBe(downloads);
    expect(textsTo(TOWN).at(-1)).toContain('请把年报文件');
  });

  it('a file being read does not hold up a question from another chat', async () => {
    const reader = privately();
    const asker = privately();
    const downloads = fake.downloads.length;
    fake.pushDocument(reader.chat, reader.user, { name: 'longtan.pdf', bytes: fixture('seeds/longtan-2020.pdf') });
    await vi.waitFor(() => expect(fake.downloads.length).toBeGreaterThan(downloads), { timeout: 15_000 });
    fake.pushMessage(asker.chat, asker.user, '/help');
    await vi.waitFor(() => expect(textsTo(reader.chat)).toHaveLength(1), { timeout: 15_000 });
    const order = fake.sent.map((b) => Number(b.chat_id)).filter((id) => id === reader.chat.id || id === asker.chat.id);
    expect(order).toEqual([asker.chat.id, reader.chat.id]);
  });

  it('a scanned PDF → one sentence saying so, no stack trace', async () => {
    const { user, chat } = privately();
    const text = await sendFile(chat, user, 'scan.pdf', fixture('scanned.pdf'));
    expect(text).toMatch(/^无法预检这个文件：.*扫描/);
    expect(text).not.toMatch(/Error|at .*\.ts/);
    expect(query('select verdict from received_files where file_name = ?', 'scan.pdf')).toEqual([{ verdict: 'refused' }]);
    // A refusal is not final (it may have been a timeout under load): the same scan is read again, still one record.
    expect(await sendFile(chat, user, 'scan.pdf', fixture('scanned.pdf'))).toBe(text);
    expect(query('select count(*) as n from received_files where chat_id = ?', String(chat.id))).toEqual([{ n: 1 }]);
  });

  it('a file too big for the Bot API is refused before any download', async () => {
    const downloads = fake.downloads.length;
    const { user, chat } = privately();
    const text = await exchange(chat, () => fake.pushDocument(chat, user, { name: 'big.pdf', bytes: Buffer.from('%PDF-1.4'), announcedSize: 25 * 1048576 }));
    expect(text).toContain('文件太大（25.0 MB）');
    expect(fake.downloads.length).toBe(downloads);
  });

  it('a failed download → one sentence to send it again', async () => {
    fake.failNextDownload();
    const { user, chat } = privately();
    const text = await sendFile(chat, user, 'k.docx', fixture('seeds/zhangjiapo-2021.docx'));
    expect(text).toBe('文件没有下载成功，请稍后重新发送一次。');
  });
});

describe('/submit', () => {
  let precheck = '';

  it('by someone who is not an administrator → a polite refusal, nothing stored', async () => {
    precheck = await sendFile(TOWN, OFFICER, '康庄镇2020年报.docx', fixture('seeds/kangzhuang-2020.docx'), `@${fake.bot.username}`);
    expect(precheck).toContain('结论：可以发布');
    const text = await exchange(TOWN, () => fake.pushMessage(TOWN, CLERK, '/submit', replyTo(precheck)));
    expect(text).toContain('只有绑定该单位的群的管理员');
    expect(reportCount()).toBe(0);
  });

  it('survives a restart between the pre-check and /submit', async () => {
    await service.stop();
    service = await start();
    // The chat's administrator (not in NIANBAO_ADMINS) of the group bound to 康庄镇, without replying: the latest pre-check.
    fake.setMember(TOWN.id, OFFICER.id, 'administrator');
    fake.pushMessage(TOWN, OFFICER, '/submit 2021-01-22');
    // The town group gets the usual notice too; the reply to the administrator is the 已报送 line.
    await vi.waitFor(() => expect(textsTo(TOWN).some((t) => t.startsWith('已报送'))).toBe(true), { timeout: 15_000 });
    expect(textsTo(TOWN).filter((t) => t.startsWith('已报送'))).toEqual(['已报送：康庄镇2020年度报告，发布日期 2021-01-22。绑定的群会收到通知。']);
    expect(query('select published_date, is_current from reports')).toEqual([{ published_date: '2021-01-22', is_current: 1 }]);
    expect(query('select submitted_by from received_files where submitted_report_id is not null')).toEqual([{ submitted_by: `telegram:${OFFICER.id}` }]);
  });

  it('the county group is notified exactly once, also after the notice sweep runs', async () => {
    await vi.waitFor(() => expect(textsTo(COUNTY).filter((t) => t.startsWith('【年报检查】'))).toHaveLength(1));
    const app = openApp(loadConfigOrThrow(), { now: () => NOW });
    try {
      const sent: string[] = [];
      app.notifiers.telegram = { send: async (_t, text) => void sent.push(text) };
      await runNotices(app.jobs, NOW);
      expect(sent).toEqual([]);
    } finally {
      app.close();
    }
    expect(textsTo(COUNTY).filter((t) => t.startsWith('【年报检查】'))).toHaveLength(1);
    expect(textsTo(COUNTY)[0]).toContain('康庄镇2020年度');
  });

  it('a second /submit of the same pre-check changes nothing', async () => {
    const text = await exchange(TOWN, () => fake.pushMessage(TOWN, ADMIN, '/submit', replyTo(precheck)));
    expect(text).toContain('报送过');
    expect(reportCount()).toBe(1);
  });

  it("a configured administrator submitting another organisation's report in a town group must name it", async () => {
    const pre = await sendFile(OTHER_TOWN, ADMIN, 'zjp.docx', fixture('seeds/zhangjiapo-2021.docx'), '/check');
    expect(pre).toContain('张家坡镇');
    const refused = await exchange(OTHER_TOWN, () => fake.pushMessage(OTHER_TOWN, ADMIN, '/submit', replyTo(pre)));
    expect(refused).toContain('不是本群绑定的单位');
    expect(reportCount()).toBe(1);
    const named = await exchange(OTHER_TOWN, () => fake.pushMessage(OTHER_TOWN, ADMIN, '提交 张家坡镇', replyTo(pre)));
    expect(named).toMatch(/^已报送：张家坡镇2021年度报告/);
    expect(reportCount()).toBe(2);
  });
});

function loadConfigOrThrow() {
  const loaded = loadConfig({ NIANBAO_DB: dbPath });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}
