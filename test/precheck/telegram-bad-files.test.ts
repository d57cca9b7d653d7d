import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/client.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { badInputs } from './bad-inputs.js';

/** Every kind of bad file sent through Telegram gets one plain sentence back, and nothing is filed. */

let dir: string;
let fake: FakeTelegram;
let service: Service;

beforeAll(async () => {
  dir = tempDir();
  fake = await startFakeTelegram();
  const loaded = loadConfig({ NIANBAO_DB: join(dir, 'nianbao.db'), NIANBAO_HTTP_PORT: '0', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
  if (!loaded.ok) throw new Error(loaded.message);
  mkdirSync(join(dir, 'none'));
  service = await startService({ config: loaded.config, log: silentLogger, console: null, samplesDir: join(dir, 'none'), scheduler: false });
}, 30_000);
afterAll(async () => {
  await service.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bad files through Telegram', () => {
  const inputs = badInputs();
  it.each(inputs.map((b, i) => [b.name, b.what, i] as const))('%s (%s) → one sentence, no stack trace', async (_name, _what, i) => {
    const bad = inputs[i]!;
    const chat = { id: 50_000 + i, type: 'private' as const };
    if (bad.failDownload) fake.failNextDownload();
    fake.pushDocument(chat, { id: chat.id }, { name: bad.name, bytes: bad.bytes, announcedSize: bad.announcedSize });
    await vi.waitFor(() => expect(fake.sent.some((b) => Number(b.chat_id) === chat.id)).toBe(true), { timeout: 20_000 });
    const replies = fake.sent.filter((b) => Number(b.chat_id) === chat.id).map((b) => String(b.text));
    expect(replies).toHaveLength(1);
    const [text] = replies as [string];
    expect(text).toMatch(/^(无法预检这个文件：|文件太大|文件超过 20 MB|文件没有下载成功)/);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/Error|\bat \S+:\d+|undefined|null/);
  });

  it('filed nothing', () => {
    const h = openDb(join(dir, 'nianbao.db'));
    try {
      expect(h.sqlite.prepare('select count(*) as n from reports').get()).toEqual({ n: 0 });
      expect(h.sqlite.prepare("select count(*) as n from received_files where verdict != 'refused'").get()).toEqual({ n: 0 });
    } finally {
      h.close();
    }
  });
});
