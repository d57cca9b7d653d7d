import { rmSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readExportAsk } from '../../src/export/chat-args.js';
import { silentLogger } from '../../src/logger.js';
import { startService, type Service } from '../../src/service/serve.js';
import { tempDir } from '../helpers/db.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

type Sheets = Array<{ sheet: string; data: unknown[][] }>;

describe('what a chat export asks for', () => {
  const known = ['霍邱县', '临清市', '沂源县'];
  it('reads the county and the year, the longest county named first', () => {
    expect(readExportAsk('霍邱县2024年的年报数据', known, [])).toEqual({ ok: true, region: '霍邱县', year: 2024 });
    expect(readExportAsk('临清市 2020', [...known, '临清'], [])).toEqual({ ok: true, region: '临清市', year: 2020 });
    expect(readExportAsk('沂源县', known, [])).toEqual({ ok: true, region: '沂源县', year: undefined });
  });
  it("takes the chat's own county, or asks which; a county not on file is said", () => {
    expect(readExportAsk('', known, ['临清市'])).toEqual({ ok: true, region: '临清市', year: undefined });
    expect(readExportAsk('2020年', known, [])).toEqual({ ok: false, reason: 'which_region', regions: [...known].sort() });
    expect(readExportAsk('北京市2020年', known, [])).toEqual({ ok: false, reason: 'unknown_region', named: '北京市' });
  });
});

describe('「导出…」 and /export in a chat send the county workbook as a file', () => {
  const OFFICER = { id: 8101, first_name: '李科长' };
  let dir: string;
  let fake: FakeTelegram;
  let service: Service;

  beforeAll(async () => {
    dir = tempDir();
    fake = await startFakeTelegram();
    const loaded = loadConfig({ NIANBAO_DB: join(dir, 'nianbao.db'), NIANBAO_HTTP_PORT: '0', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    if (!loaded.ok) throw new Error(loaded.message);
    service = await startService({ config: loaded.config, log: silentLogger, console: null, scheduler: false });
  });
  afterAll(async () => {
    await service.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Telegram: the text, then an .xlsx whose status sheet lists the county and whose 表三 sheet has its figures', async () => {
    fake.pushMessage({ id: OFFICER.id, type: 'private' }, OFFICER, '导出霍邱县2020年的年报数据');
    await vi.waitFor(() => expect(fake.documents).toHaveLength(1), { timeout: 15_000 });
    expect(fake.sent.map((b) => String(b.text))).toContainEqual(expect.stringContaining('霍邱县2020年度年报数据'));
    const sheets = (await readXlsxFile(fake.documents[0]!.bytes)) as Sheets;
    const status = sheets[0]!.data;
    expect(status.slice(1).map((r) => r[0])).toContain('龙潭镇');
    expect(status.slice(1).map((r) => r[0])).not.toContain('康庄镇');
    expect(sheets.map((s) => s.sheet).join(' ')).toContain('表三');
  });

  it('a county not on file, and a question without one, get a sentence and no file', async () => {
    const before = fake.documents.length;
    fake.pushMessage({ id: OFFICER.id, type: 'private' }, OFFICER, '/export 北京市 2020');
    await vi.waitFor(() => expect(fake.sent.map((b) => String(b.text))).toContainEqual('没有北京市的数据，请检查县（市、区）名称。'));
    fake.pushMessage({ id: OFFICER.id, type: 'private' }, OFFICER, '/export 2020');
    await vi.waitFor(() => expect(fake.sent.map((b) => String(b.text))).toContainEqual(expect.stringContaining('请写明导出哪个县')));
    expect(fake.documents.length).toBe(before);
  });

  it('over HTTP it says where the same workbook comes from', async () => {
    const res = await fetch(`http://127.0.0.1:${service.http!.port}/ask`, { method: 'POST', body: JSON.stringify({ question: '导出霍邱县2020年的年报数据' }) });
    const json = (await res.json()) as { text: string };
    expect(json.text).toContain('/export.xlsx?region=');
    expect(json.text).toContain('export --region 霍邱县 --year 2020');
  });
});
