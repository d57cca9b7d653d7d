import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFromConfig } from '../../src/calendar/calendar.js';
import { addDays } from '../../src/calendar/time.js';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, importRoster, jobDeps, loggingTelegram, townReport, writeReport } from './helpers.js';

/**
 * Two 张家坡镇, one in 沂源县 (deadline 10 February) and one in 博山区 (31 January), each bound to its
 * own group, over a whole season. 沂源县's files on 20 January with a broken 表三; 博山区's never
 * does. Each group hears only of its own town: no reminder or overdue notice for the other, no
 * report problems of the other, and no 「目前尚未收到」 after its own town filed.
 */

const ROSTER_CSV = `名称,地区,类型,联系群
张家坡镇,沂源县,镇,telegram:-201
悦庄镇,沂源县,镇,telegram:-202
张家坡镇,博山区,镇,telegram:-301
`;

describe('a season with two towns of the same name', () => {
  let t: TestDb;
  const log: string[] = [];
  const byGroup = (chat: string) => log.filter((l) => l.split(' ')[2] === chat).map((l) => `${l.split(' ')[0]} ${l.split(' ').slice(3).join(' ')}`);

  beforeAll(async () => {
    t = createTestDb();
    const loaded = loadConfig({ NIANBAO_DEADLINES: '沂源县=02-10' });
    if (!loaded.ok) throw new Error(loaded.message);
    const calendar = calendarFromConfig(loaded.config);
    const parsed = parseRosterCsv(ROSTER_CSV);
    expect(parsed.errors).toEqual([]);
    const at = bj('2026-12-20T10:00');
    importRoster(t, parsed.rows, at);
    t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-200' }, { kind: 'region', name: '沂源县' }, 'telegram:9', at);
    t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-300' }, { kind: 'region', name: '博山区' }, 'telegram:9', at);

    let now = bj('2027-01-01T00:00');
    const jobs: JobDeps = jobDeps(
      t,
      calendar,
      loggingTelegram(log, calendar, () => now),
    );
    for (let date = '2027-01-01'; date <= '2027-02-20'; date = addDays(date, 1)) {
      now = bj(`${date}T09:00`);
      await runSweep(jobs, now);
      if (date === '2027-01-20') {
        now = bj(`${date}T10:00`);
        const file = writeReport(t.dir, '张家坡镇-2026.txt', townReport('张家坡镇', '沂源县', '2027年1月19日', true));
        expect((await ingestPaths(t, [file], { now: () => bj(`${date}T10:00`) })).stored).toHaveLength(1);
        now = bj(`${date}T10:01`);
        await runSweep(jobs, now);
      }
    }
  });
  afterAll(() => t.dispose());

  it('沂源县张家坡镇 hears of its own deadline and its own report only', () => {
    expect(byGroup('-201')).toEqual([
      '01-11 【年报提醒】张家坡镇：2026年度政府信息公开工作年度报告应在2027年2月10日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-20 【年报检查】张家坡镇2026年度政府信息公开工作年度报告（落款2027年1月19日）已收到，发现以下问题：',
    ]);
  });

  it('博山区张家坡镇 hears of its own deadline and overdue days only', () => {
    const got = byGroup('-301');
    expect(got.every((l) => !l.includes('2月10日') && !l.includes('【年报检查】'))).toBe(true);
    expect(got.map((l) => l.slice(0, 5))).toEqual(['01-01', '01-17', '01-24', '01-28', '01-30', '01-31', '02-01', '02-08', '02-15']);
    expect(got[0]).toBe('01-01 【年报提醒】张家坡镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有30天，目前尚未收到。');
    expect(got[6]).toBe('02-01 【年报催报】张家坡镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期1天，仍未收到。');
  });

  it('each county group gets its own towns, and its own report problems', () => {
    const yiyuan = byGroup('-200');
    const boshan = byGroup('-300');
    expect(yiyuan.filter((l) => l.includes('【年报检查】'))).toEqual([
      '01-20 【年报检查】张家坡镇2026年度政府信息公开工作年度报告（落款2027年1月19日）已收到，发现以下问题：',
    ]);
    expect(boshan.filter((l) => l.includes('【年报检查】'))).toEqual([]);
    expect(yiyuan.every((l) => !l.includes('博山区'))).toBe(true);
    expect(boshan.every((l) => !l.includes('沂源县'))).toBe(true);
    expect(boshan[0]).toBe('01-01 【年报提醒】博山区：2026年度年报2027年1月31日截止，距截止还有30天。');
  });
});
