import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../db/client.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

const OFFICER = { id: 8001, first_name: '王主任' };
const TOWN_GROUP = { id: -2001, type: 'supergroup' as const, title: '康庄镇政务公开群' };

describe('npm start with a Telegram token: the service runs the adapter over the same core and database', () => {
  let dir: string;
  let fake: FakeTelegram;
  let service: Service;

  beforeAll(async () => {
    dir = tempDir();
    fake = await startFakeTelegram();
    const loaded = loadConfig({
      NIANBAO_DB: join(dir, 'nianbao.db'),
      NIANBAO_HTTP_PORT: '0',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      NIANBAO_ADMINS: `telegram:${OFFICER.id}`,
    });
    if (!loaded.ok) throw new Error(loaded.message);
    service = await startService({ config: loaded.config, log: silentLogger, console: null });
  });
  afterAll(async () => {
    await service.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a private question from the sample reports it ingested', async () => {
    fake.pushMessage({ id: OFFICER.id, type: 'private' }, OFFICER, '康庄镇2020年依申请公开多少件');
    await vi.waitFor(() => expect(fake.sent.map((b) => String(b.text))).toContainEqual(expect.stringContaining('申请1件')));
  });

  it('answers an @mention in a group, and the same question over HTTP gets the same text', async () => {
    fake.pushMessage(TOWN_GROUP, OFFICER, `@${fake.bot.username} 龙潭镇2020年主动公开了多少条信息`);
    await vi.waitFor(() => expect(fake.sent.map((b) => String(b.text))).toContainEqual(expect.stringContaining('1374条')));
    const res = await fetch(`http://127.0.0.1:${service.http!.port}/ask`, {
      method: 'POST',
      body: JSON.stringify({ question: '龙潭镇2020年主动公开了多少条信息' }),
    });
    const json = (await res.json()) as { text: string };
    expect(fake.sent.map((b) => b.text)).toContain(json.text);
  });

  it('stores a /subscribe by a configured admin in the database', async () => {
    fake.pushMessage(TOWN_GROUP, OFFICER, '/subscribe 康庄镇');
    await vi.waitFor(() => expect(fake.sent.length).toBeGreaterThanOrEqual(3));
    const h = openDb(join(dir, 'nianbao.db'));
    try {
      await vi.waitFor(() => {
        const rows = h.sqlite.prepare('select * from subscriptions').all() as Array<Record<string, unknown>>;
        expect(rows).toEqual([expect.objectContaining({ chat_id: String(TOWN_GROUP.id), scope_name: '康庄镇' })]);
      });
    } finally {
      h.close();
    }
  });
});
