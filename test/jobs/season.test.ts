import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { assessYear } from '../../src/calendar/assess.js';
import { calendarFromConfig } from '../../src/calendar/calendar.js';
import { addDays, formatHm, wallClock } from '../../src/calendar/time.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { sortByRegionAndName } from '../../src/jobs/roster.js';
import { runEscalations } from '../../src/jobs/run-escalations.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, jobDeps, townReport, writeReport } from './helpers.js';

/**
 * A whole reporting season, 1 January to 15 February 2027, for the 2026 reports of two counties:
 * 临清市 (deadline 31 January) and 沂源县 (collects its towns by 10 February). The clock is injected;
 * the service's jobs run as the scheduler would run them: the daily jobs at 09:00 and the sweep at
 * several times a day and a minute after each report comes in.
 */

const ROSTER_CSV = `名称,地区,类型,联系群
康庄镇,临清市,镇,telegram:-101
唐园镇,临清市,镇,telegram:-102
烟店镇,临清市,镇,telegram:-103
张家坡镇,沂源县,镇,telegram:-201
南麻街道,沂源县,街道,telegram:-202
悦庄镇,沂源县,镇,telegram:-203
`;

/** When each town's report comes in (Beijing time), and the date printed under it. */
const FILINGS = [
  { at: '2027-01-10T10:00', name: '张家坡镇', county: '沂源县', signed: '2027年1月9日' },
  { at: '2027-01-20T10:00', name: '康庄镇', county: '临清市', signed: '2027年1月18日' },
  { at: '2027-01-26T15:00', name: '南麻街道', county: '沂源县', signed: '2027年1月25日', broken: true },
  // Late, and in the quiet hours: its notice waits for the morning.
  { at: '2027-02-03T22:30', name: '唐园镇', county: '临清市', signed: '2027年2月3日' },
  { at: '2027-02-05T11:00', name: '悦庄镇', county: '沂源县', signed: '2027年2月5日' },
  // 烟店镇 never files.
];

const SWEEPS = ['08:00', '12:00', '20:59', '21:30'];

describe('a reporting season', () => {
  let t: TestDb;
  let config: Config;
  const log: string[] = [];
  /** The full text each group got each day, by `MM-DD chat`. */
  const texts = new Map<string, string>();
  let jobs: JobDeps;

  beforeAll(async () => {
    t = createTestDb();
    const loaded = loadConfig({ NIANBAO_DEADLINES: '沂源县=02-10' });
    if (!loaded.ok) throw new Error(loaded.message);
    config = loaded.config;
    const calendar = calendarFromConfig(config);

    const parsed = parseRosterCsv(ROSTER_CSV);
    expect(parsed.errors).toEqual([]);
    t.stores.roster.import(parsed.rows, bj('2026-12-20T10:00'));
    const subs = t.stores.subscriptions;
    for (const r of parsed.rows) for (const c of r.contacts) subs.subscribe(c, { kind: 'org', name: r.name }, 'roster:import', bj('2026-12-20T10:00'));
    subs.subscribe({ transport: 'telegram', chatId: '-100' }, { kind: 'region', name: '临清市' }, 'telegram:9', bj('2026-12-20T10:00'));
    subs.subscribe({ transport: 'telegram', chatId: '-200' }, { kind: 'region', name: '沂源县' }, 'telegram:9', bj('2026-12-20T10:00'));

    let now = bj('2027-01-01T00:00');
    const stamp = () => {
      const w = wallClock(now, calendar.timeZone);
      return `${w.date.slice(5)} ${formatHm(w.minute)}`;
    };
    jobs = jobDeps(t, calendar, {
      telegram: {
        async send(target, text) {
          const first = text.split('\n')[0]!;
          log.push(`${stamp()} ${target.chatId} ${first}`);
          texts.set(`${stamp().slice(0, 5)} ${target.chatId}`, text);
        },
      },
    });

    for (let date = '2027-01-01'; date <= '2027-02-15'; date = addDays(date, 1)) {
      const events: Array<{ at: Date; run: () => Promise<unknown> }> = [];
      events.push({ at: bj(`${date}T09:00`), run: async () => (await runReminders(jobs, now), await runEscalations(jobs, now)) });
      for (const hm of SWEEPS) events.push({ at: bj(`${date}T${hm}`), run: () => runSweep(jobs, now) });
      for (const f of FILINGS.filter((f) => f.at.startsWith(date))) {
        const at = bj(f.at);
        events.push({
          at,
          run: async () => {
            const file = writeReport(t.dir, `${f.name}-2026.txt`, townReport(f.name, f.county, f.signed, f.broken));
            const summary = await ingestPaths(t, [file], { now: () => at });
            expect(summary.stored).toHaveLength(1);
          },
        });
        events.push({ at: new Date(at.getTime() + 60_000), run: () => runSweep(jobs, now) });
      }
      events.sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const e of events) {
        now = e.at;
        await e.run();
      }
    }
  });
  afterAll(() => t.dispose());

  it('sends exactly these messages, to these groups, on these days', () => {
    expect(log).toEqual([
      '01-01 09:00 -101 【年报提醒】康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-01 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-01 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-01 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，距截止还有30天。',
      '01-10 10:01 -201 【年报检查】已收到张家坡镇2026年度政府信息公开工作年度报告（落款2027年1月9日），按时发布，检查未发现需要改正的问题。',
      '01-10 10:01 -200 【年报检查】已收到张家坡镇2026年度政府信息公开工作年度报告（落款2027年1月9日），按时发布，检查未发现需要改正的问题。',
      '01-11 09:00 -202 【年报提醒】南麻街道：2026年度政府信息公开工作年度报告应在2027年2月10日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-11 09:00 -203 【年报提醒】悦庄镇：2026年度政府信息公开工作年度报告应在2027年2月10日23:59前发布，距截止还有30天，目前尚未收到。',
      '01-11 09:00 -200 【年报提醒】沂源县：2026年度年报2027年2月10日截止，距截止还有30天。',
      '01-17 09:00 -101 【年报提醒】康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有14天，目前尚未收到。',
      '01-17 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有14天，目前尚未收到。',
      '01-17 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有14天，目前尚未收到。',
      '01-17 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，距截止还有14天。',
      '01-20 10:01 -101 【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日），按时发布，检查未发现需要改正的问题。',
      '01-20 10:01 -100 【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日），按时发布，检查未发现需要改正的问题。',
      '01-24 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天，目前尚未收到。',
      '01-24 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天，目前尚未收到。',
      '01-24 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，距截止还有7天。',
      '01-26 15:01 -202 【年报检查】南麻街道2026年度政府信息公开工作年度报告（落款2027年1月25日）已收到，发现以下问题：',
      '01-26 15:01 -200 【年报检查】南麻街道2026年度政府信息公开工作年度报告（落款2027年1月25日）已收到，发现以下问题：',
      '01-27 09:00 -203 【年报提醒】悦庄镇：2026年度政府信息公开工作年度报告应在2027年2月10日23:59前发布，距截止还有14天，目前尚未收到。',
      '01-27 09:00 -200 【年报提醒】沂源县：2026年度年报2027年2月10日截止，距截止还有14天。',
      '01-28 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有3天，目前尚未收到。',
      '01-28 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有3天，目前尚未收到。',
      '01-28 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，距截止还有3天。',
      '01-30 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，明天截止，目前尚未收到。',
      '01-30 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，明天截止，目前尚未收到。',
      '01-30 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，明天截止。',
      '01-31 09:00 -102 【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，今天就是截止日，目前尚未收到。',
      '01-31 09:00 -103 【年报提醒】烟店镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，今天就是截止日，目前尚未收到。',
      '01-31 09:00 -100 【年报提醒】临清市：2026年度年报2027年1月31日截止，今天就是截止日。',
      '02-01 09:00 -102 【年报催报】唐园镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期1天，仍未收到。',
      '02-01 09:00 -103 【年报催报】烟店镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期1天，仍未收到。',
      '02-01 09:00 -100 【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过1天）。',
      '02-03 09:00 -203 【年报提醒】悦庄镇：2026年度政府信息公开工作年度报告应在2027年2月10日23:59前发布，距截止还有7天，目前尚未收到。',
      '02-03 09:00 -200 【年报提醒】沂源县：2026年度年报2027年2月10日截止，距截止还有7天。',
      '02-04 08:00 -102 【年报检查】唐园镇2026年度政府信息公开工作年度报告（落款2027年2月3日）已收到，发现以下问题：',
      '02-04 08:00 -100 【年报检查】唐园镇2026年度政府信息公开工作年度报告（落款2027年2月3日）已收到，发现以下问题：',
      '02-05 11:01 -203 【年报检查】已收到悦庄镇2026年度政府信息公开工作年度报告（落款2027年2月5日），按时发布，检查未发现需要改正的问题。',
      '02-05 11:01 -200 【年报检查】已收到悦庄镇2026年度政府信息公开工作年度报告（落款2027年2月5日），按时发布，检查未发现需要改正的问题。',
      '02-08 09:00 -103 【年报催报】烟店镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期8天，仍未收到。',
      '02-08 09:00 -100 【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过8天）。',
      '02-11 09:00 -200 【年报催报】沂源县：2026年度年报已于2027年2月10日截止（已过1天）。',
      '02-15 09:00 -103 【年报催报】烟店镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期15天，仍未收到。',
      '02-15 09:00 -100 【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过15天）。',
    ]);
  });

  it('words each kind of message plainly: countdown, county list, escalation, notices', () => {
    expect(texts.get('01-24 -102')).toBe(
      '【年报提醒】唐园镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天，目前尚未收到。\n' +
        '怎么做：按国办公开办函〔2021〕30号规定的格式写齐六个部分和表二至表四，在本单位政府网站发布，并把报告文件交年报助手检查。',
    );
    expect(texts.get('01-24 -100')).toBe('【年报提醒】临清市：2026年度年报2027年1月31日截止，距截止还有7天。\n尚未发布的单位（2/3）：唐园镇、烟店镇。');
    expect(texts.get('02-08 -103')).toBe(
      '【年报催报】烟店镇：2026年度政府信息公开工作年度报告已于2027年1月31日截止，现已逾期8天，仍未收到。\n' +
        '请尽快在本单位政府网站发布，并把报告文件交年报助手检查。',
    );
    expect(texts.get('02-01 -100')).toBe(
      '【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过1天）。\n未发布（2）：唐园镇、烟店镇\n请督促未发布的单位尽快发布。',
    );
    expect(texts.get('02-08 -100')).toBe(
      '【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过8天）。\n未发布（1）：烟店镇\n逾期发布（1）：唐园镇（落款2027年2月3日）\n请督促未发布的单位尽快发布。',
    );
    expect(texts.get('02-11 -200')).toBe(
      '【年报催报】沂源县：2026年度年报已于2027年2月10日截止（已过1天）。\n报告不完整（1）：南麻街道（表三勾稽关系不平）\n请督促报告不完整的单位改正后重新发布。',
    );
    expect(texts.get('01-20 -101')).toBe('【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日），按时发布，检查未发现需要改正的问题。');
    expect(texts.get('02-04 -102')).toBe(
      '【年报检查】唐园镇2026年度政府信息公开工作年度报告（落款2027年2月3日）已收到，发现以下问题：\n' +
        '1. 逾期发布：截止日期是2027年1月31日，报告落款日期是2027年2月3日。\n' +
        '   怎么改：日期已无法补救；请确认报告已在政府网站公开，下一年度请在截止日前发布。',
    );
    expect(texts.get('01-26 -202')).toBe(
      '【年报检查】南麻街道2026年度政府信息公开工作年度报告（落款2027年1月25日）已收到，发现以下问题：\n' +
        '1. 表三勾稽关系不平（第337行）：表三“自然人”列不平：新收1+上年结转0=1，但办结总计0+结转下年度0=0\n' +
        '   怎么改：核对表三：“本年新收”加“上年结转”应等于“办理结果总计”加“结转下年度继续办理”。\n' +
        '2. 表三勾稽关系不平（第343行）：表三“总计”列不平：新收1+上年结转0=1，但办结总计0+结转下年度0=0\n' +
        '请改正后重新发布，并把新版本交年报助手检查。',
    );
    // The county gets the same notice as the town.
    expect(texts.get('01-26 -200')).toBe(texts.get('01-26 -202'));
  });

  it('logs every message once as sent, and sends nothing more when the last day runs again', async () => {
    expect(t.sqlite.prepare(`SELECT status, count(*) AS n FROM deliveries GROUP BY status`).all()).toEqual([{ status: 'sent', n: log.length }]);
    const before = log.length;
    const again = bj('2027-02-15T09:30');
    await runReminders(jobs, again);
    await runEscalations(jobs, again);
    await runSweep(jobs, again);
    expect(log.length).toBe(before);
  });

  it('ends the season with one status per town: ok, late, missing, incomplete', () => {
    const rows = sortByRegionAndName(
      assessYear({
        year: 2026,
        roster: jobs.roster(),
        reports: t.stores.reports.reportsForYear(2026),
        calendar: calendarFromConfig(config),
        now: bj('2027-02-15T12:00'),
      }),
    );
    expect(rows.map((r) => [r.region, r.name, r.status, r.codes])).toEqual([
      ['临清市', '康庄镇', 'ok', []],
      ['临清市', '唐园镇', 'late', ['LATE']],
      ['临清市', '烟店镇', 'missing', ['MISSING']],
      ['沂源县', '南麻街道', 'incomplete', ['T3_BALANCE']],
      ['沂源县', '悦庄镇', 'ok', []],
      ['沂源县', '张家坡镇', 'ok', []],
    ]);
  });
});
