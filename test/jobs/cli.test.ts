import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { townReport, writeReport } from './helpers.js';

const ROSTER = `name,region,kind,contact
康庄镇,临清市,镇,console:kangzhuang
唐园镇,临清市,镇,wechat:tangyuan@chatroom
烟店镇,临清市,,
`;

let t: TestDb;
let db: string[];
beforeEach(async () => {
  t = createTestDb();
  db = ['--db', t.path];
  writeFileSync(join(t.dir, 'roster.csv'), ROSTER);
  const imported = await runCli([...db, 'roster', 'import', join(t.dir, 'roster.csv'), '--json']);
  expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('"added": 3') });
});
afterEach(() => t.dispose());

describe('nianbao roster', () => {
  it('imports a list with its contact groups and lists it with the organisations found in reports', async () => {
    const file = writeReport(t.dir, 'dl.txt', townReport('大辛庄街道', '临清市', '2027年1月10日'));
    expect((await runCli([...db, '--now', '2027-01-12T10:00+08:00', 'ingest', file, '--json'])).code).toBe(0);
    const list = await runCli([...db, 'roster', 'list', '--json']);
    expect(JSON.parse(list.stdout).rows).toEqual([
      { name: '大辛庄街道', region: '临清市', kind: 'subdistrict', source: 'reports', groups: [] },
      { name: '康庄镇', region: '临清市', kind: 'town', source: 'import', groups: ['console:kangzhuang'] },
      { name: '唐园镇', region: '临清市', kind: 'town', source: 'import', groups: ['wechat:tangyuan@chatroom'] },
      { name: '烟店镇', region: '临清市', kind: 'town', source: 'import', groups: [] },
    ]);
    const text = await runCli([...db, 'roster', 'list']);
    expect(text.stdout).toContain('临清市\t康庄镇\ttown\t来自名单\tconsole:kangzhuang');
    expect(text.stdout).toContain('共 4 个单位。');
  });

  it('imports nothing from a file with a bad line, and says which', async () => {
    writeFileSync(join(t.dir, 'bad.csv'), '龙潭镇,霍邱县\n石店镇,霍邱县,村\n');
    const r = await runCli([...db, 'roster', 'import', join(t.dir, 'bad.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第2行：不认识的类型“村”');
    expect(JSON.parse((await runCli([...db, 'roster', 'list', '--json'])).stdout).rows).toHaveLength(3);
  });
});

describe('nianbao remind', () => {
  it('--dry-run prints who would get what on D-7, and records nothing', async () => {
    const r = await runCli([...db, '--now', '2027-01-24T09:00+08:00', 'remind', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ now: '2027-01-24T01:00:00.000Z', year: 2026, dryRun: true });
    expect(j.messages.map((m: { target: string; period: string; status: string }) => [m.target, m.period, m.status])).toEqual([
      ['console:kangzhuang', '2026/D-7', 'new'],
      ['wechat:tangyuan@chatroom', '2026/D-7', 'new'],
    ]);
    expect(j.messages[0].text).toContain('康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天');
    expect(t.stores.deliveries.list()).toEqual([]);

    const text = await runCli([...db, '--now', '2027-01-24T09:00+08:00', 'remind', '--dry-run']);
    expect(text.stdout).toContain('→ console:kangzhuang 提醒\n  【年报提醒】康庄镇：');
    expect(text.stdout).toContain('共 2 条（未发送）。');
  });

  it('sends what it can reach, once, and leaves WeChat to the service', async () => {
    const args = [...db, '--now', '2027-01-24T09:00+08:00', 'remind', '--json'];
    const first = JSON.parse((await runCli(args)).stdout);
    expect(first.messages.map((m: { target: string; outcome: string }) => [m.target, m.outcome])).toEqual([
      ['console:kangzhuang', '已发送'],
      ['wechat:tangyuan@chatroom', '未发送：no wechat connection here'],
    ]);
    const second = JSON.parse((await runCli(args)).stdout);
    expect(second.messages[0].outcome).toBe('未发送：already sent');
    const dry = JSON.parse((await runCli([...db, '--now', '2027-01-24T10:00+08:00', 'remind', '--dry-run', '--json'])).stdout);
    expect(dry.messages.map((m: { status: string }) => m.status)).toEqual(['sent', 'new']);
  });

  it("--dry-run --json names each message's channel and the organisation with its county", async () => {
    writeFileSync(join(t.dir, 'more.csv'), '名称,地区,类型,联系群\n张家坡镇,沂源县,镇,wecom:yiyuan-zjp-key\n张家坡镇,博山区,镇,telegram:-301\n');
    expect((await runCli([...db, 'roster', 'import', join(t.dir, 'more.csv')])).code).toBe(0);
    const r = await runCli([...db, '--now', '2027-01-24T09:00+08:00', 'remind', '--dry-run', '--json']);
    const rows = JSON.parse(r.stdout).messages.map((m: { channel: string; target: string; organisation: unknown; region: unknown }) => [
      m.channel,
      m.target,
      m.organisation,
      m.region,
    ]);
    expect(rows).toEqual([
      ['telegram', 'telegram:-301', { name: '张家坡镇', region: '博山区' }, '博山区'],
      ['console', 'console:kangzhuang', { name: '康庄镇', region: '临清市' }, '临清市'],
      ['wechat', 'wechat:tangyuan@chatroom', { name: '唐园镇', region: '临清市' }, '临清市'],
      ['wecom', 'wecom:yi…ey', { name: '张家坡镇', region: '沂源县' }, '沂源县'],
    ]);
  });

  it('has nothing to send on a day without reminders', async () => {
    const r = await runCli([...db, '--now', '2027-01-25T09:00+08:00', 'remind']);
    expect(r.stdout).toBe('2027-01-25T01:00:00.000Z：现在没有要发的提醒或催报（2026年度）。\n');
  });
});

describe('nianbao check', () => {
  it('--json lists missing, late and incomplete reports, one row per organisation', async () => {
    const files = [
      writeReport(t.dir, 'kz.txt', townReport('康庄镇', '临清市', '2027年1月18日')),
      writeReport(t.dir, 'ty.txt', townReport('唐园镇', '临清市', '2027年2月3日', true)),
    ];
    expect((await runCli([...db, '--now', '2027-02-04T10:00+08:00', 'ingest', ...files, '--json'])).code).toBe(0);
    const r = await runCli([...db, '--now', '2027-02-10T10:00+08:00', 'check', '--year', '2026', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      year: 2026,
      rows: [
        { name: '康庄镇', region: '临清市', year: 2026, status: 'ok', codes: [], deadline: '2027-01-31', signedDate: '2027-01-18' },
        { name: '唐园镇', region: '临清市', year: 2026, status: 'incomplete', codes: ['LATE', 'T3_BALANCE'], deadline: '2027-01-31', signedDate: '2027-02-03' },
        { name: '烟店镇', region: '临清市', year: 2026, status: 'missing', codes: ['MISSING'], deadline: '2027-01-31', signedDate: null },
      ],
    });
    const text = await runCli([...db, '--now', '2027-02-10T10:00+08:00', 'check']);
    expect(text.stdout).toBe(
      [
        '2026年度年报检查（截至2027年2月10日）：共 3 个单位',
        '未发布（1）：',
        '  临清市 烟店镇（截止2027年1月31日）',
        '不完整（1）：',
        '  临清市 唐园镇：逾期发布（LATE）、表三勾稽关系不平（T3_BALANCE）',
        '按时且完整（1）：',
        '  临清市 康庄镇',
        '',
      ].join('\n'),
    );
  });

  it('refuses a year that is not one', async () => {
    const r = await runCli([...db, 'check', '--year', 'next']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--year 应是年份');
  });
});
