import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/bot/subscriptions.js';
import type { Finding } from '../../src/parsing/types.js';
import { assessYear } from '../../src/calendar/assess.js';
import { DEFAULT_CALENDAR, type Calendar } from '../../src/calendar/calendar.js';
import { planEscalations } from '../../src/jobs/plan-escalations.js';
import { planNotices, type NoticeReport } from '../../src/jobs/plan-notices.js';
import { planReminders } from '../../src/jobs/plan-reminders.js';
import { sortByRegionAndName, type RosterEntry } from '../../src/jobs/roster.js';
import { bj } from './helpers.js';

const cal: Calendar = { ...DEFAULT_CALENDAR, regionDeadlines: { 霍邱县: '02-20' } };
const entry = (name: string, region: string | null): RosterEntry => ({ name, region, kind: 'town', source: 'import' });
const ROSTER = [entry('康庄镇', '临清市'), entry('唐园镇', '临清市'), entry('龙潭镇', '霍邱县'), entry('棉洋镇', null)];
const sub = (chatId: string, kind: 'org' | 'region', name: string): Subscription => ({
  target: { transport: 'telegram', chatId },
  scope: { kind, name },
  by: 'telegram:1',
  at: bj('2026-12-01T10:00'),
});
const SUBS = [
  sub('-1', 'org', '康庄镇'),
  sub('-2', 'org', '唐园镇'),
  sub('-3', 'org', '龙潭镇'),
  sub('-4', 'org', '棉洋镇'),
  sub('-10', 'region', '临清市'),
  sub('-1', 'region', '临清市'),
];

let nextId = 1;
function report(
  name: string,
  region: string | null,
  signedDate: string | null,
  findings: Finding[] = [],
  ingestedAt = '2027-01-20T02:00:00.000Z',
): NoticeReport {
  return { id: nextId++, name, region, year: 2026, signedDate, findings, ingestedAt };
}
const err = (code: Finding['code'], message = '…', line?: number): Finding => ({ code, severity: 'error', message, ...(line ? { line } : {}) });
const warn = (code: Finding['code']): Finding => ({ code, severity: 'warning', message: '…' });
const brief = (outs: ReturnType<typeof planReminders>) => outs.map((o) => `${o.target.chatId} ${o.subject} ${o.period}`);

describe('planReminders', () => {
  it('on D-7 reminds the groups of each unfiled organisation, and the county group with its list', () => {
    const outs = planReminders({
      now: bj('2027-01-24T09:00'),
      roster: ROSTER,
      reports: [report('康庄镇', '临清市', '2027-01-20')],
      subscriptions: SUBS,
      calendar: cal,
    });
    // 龙潭镇's county collects by 20 February: not its reminder day. A group bound twice gets both messages.
    expect(brief(outs)).toEqual(['-2 org:临清市/唐园镇 2026/D-7', '-4 org:/棉洋镇 2026/D-7', '-10 region:临清市 2026/D-7', '-1 region:临清市 2026/D-7']);
    expect(outs[2]?.text).toContain('尚未发布的单位（1/2）：唐园镇。');
    expect(outs.every((o) => o.notAfter.toISOString() === '2027-01-24T13:00:00.000Z')).toBe(true);
  });

  it('plans nothing before 09:00, in the quiet hours, or on other days', () => {
    const input = { roster: ROSTER, reports: [], subscriptions: SUBS, calendar: cal };
    expect(planReminders({ ...input, now: bj('2027-01-24T08:59') })).toEqual([]);
    expect(planReminders({ ...input, now: bj('2027-01-24T21:00') })).toEqual([]);
    expect(planReminders({ ...input, now: bj('2027-01-25T10:00') })).toEqual([]);
    expect(brief(planReminders({ ...input, now: bj('2027-02-13T10:00') }))).toEqual(['-3 org:霍邱县/龙潭镇 2026/D-7']);
  });

  it('counts a report of another year as not filed', () => {
    const outs = planReminders({
      now: bj('2027-01-31T09:00'),
      roster: [entry('康庄镇', '临清市')],
      reports: [{ ...report('康庄镇', '临清市', '2026-01-20'), year: 2025 }],
      subscriptions: SUBS.slice(0, 1),
      calendar: cal,
    });
    expect(brief(outs)).toEqual(['-1 org:临清市/康庄镇 2026/D-0']);
    expect(outs[0]?.text).toContain('今天就是截止日');
  });
});

describe('planEscalations', () => {
  it('on D+1 tells the county who is missing, late or incomplete, and each missing organisation', () => {
    const roster = [...ROSTER, entry('烟店镇', '临清市')];
    const reports = [
      report('康庄镇', '临清市', '2027-02-01'),
      report('烟店镇', '临清市', '2027-01-30', [err('TRUNCATED_TABLE'), err('T4_TOTAL'), err('T4_TOTAL')]),
    ];
    const outs = planEscalations({ now: bj('2027-02-01T09:00'), roster, reports, subscriptions: SUBS, calendar: cal });
    expect(brief(outs)).toEqual(['-2 org:临清市/唐园镇 2026/D+1', '-4 org:/棉洋镇 2026/D+1', '-10 region:临清市 2026/D+1', '-1 region:临清市 2026/D+1']);
    expect(outs[2]?.text).toBe(
      '【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过1天）。\n' +
        '未发布（1）：唐园镇\n' +
        '逾期发布（1）：康庄镇（落款2027年2月1日）\n' +
        '报告不完整（1）：烟店镇（表格缺失或不完整、表四总计与分项之和不符）\n' +
        '请督促未发布的单位尽快发布。\n' +
        '请督促报告不完整的单位改正后重新发布。',
    );
  });

  it('says all is well on D+1, and then stays silent weekly while nobody is missing', () => {
    const reports = [report('康庄镇', '临清市', '2027-01-20'), report('唐园镇', '临清市', '2027-01-21')];
    const onD1 = planEscalations({ now: bj('2027-02-01T09:00'), roster: ROSTER.slice(0, 2), reports, subscriptions: SUBS.slice(4, 5), calendar: cal });
    expect(onD1.map((o) => o.text)).toEqual([
      '【年报催报】临清市：2026年度年报已于2027年1月31日截止（已过1天）。\n所有单位均已按时发布，检查未发现需要改正的问题。',
    ]);
    expect(planEscalations({ now: bj('2027-02-08T09:00'), roster: ROSTER.slice(0, 2), reports, subscriptions: SUBS.slice(4, 5), calendar: cal })).toEqual([]);
  });
});

describe('planNotices', () => {
  const now = bj('2027-01-20T10:05');

  it('confirms a clean report to its groups and its county groups, each group once', () => {
    const r = report('康庄镇', '临清市', '2027-01-18', [
      warn('BLANK_CELLS'),
      warn('BLANK_CELLS'),
      { code: 'NONSTANDARD_LABEL', severity: 'info', message: '…' },
    ]);
    const outs = planNotices({ now, reports: [r], subscriptions: SUBS, calendar: cal });
    expect(outs.map((o) => `${o.target.chatId} ${o.period}`)).toEqual([`-1 2026/report-${r.id}`, `-10 2026/report-${r.id}`]);
    expect(outs[0]?.text).toBe(
      '【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日），按时发布，检查未发现需要改正的问题。\n另有1项提示供改进参考：表格有空白单元格。',
    );
    expect(outs[0]?.notAfter.toISOString()).toBe('2027-01-23T02:00:00.000Z');
  });

  it('says so when the date cannot be found', () => {
    const [o] = planNotices({ now, reports: [report('康庄镇', '临清市', null, [warn('DATE_UNKNOWN')])], subscriptions: SUBS.slice(0, 1), calendar: cal });
    expect(o?.text).toBe(
      '【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（未找到落款日期），检查未发现需要改正的问题。\n报告中找不到落款日期，无法确认是否按时发布，请在文末写明成文日期。',
    );
  });

  it('judges lateness by the calendar, not by the LATE finding stored at ingest', () => {
    // Stored under the default 31 January; 霍邱县 collects by 20 February, so 5 February is on time.
    const r = report('龙潭镇', '霍邱县', '2027-02-05', [err('LATE', '报告落款日期2027-02-05晚于截止日期2027-01-31，属于逾期发布')], '2027-02-05T02:00:00.000Z');
    const [o] = planNotices({ now: bj('2027-02-05T10:05'), reports: [r], subscriptions: SUBS, calendar: cal });
    expect(o?.text).toContain('按时发布，检查未发现需要改正的问题');
  });

  it('lists at most eight problems, each fix hint once', () => {
    const findings = Array.from({ length: 10 }, (_, i) => err('T3_ROW_TOTAL', `第${i + 1}行不符`, 100 + i));
    const [o] = planNotices({ now, reports: [report('唐园镇', '临清市', '2027-01-19', findings)], subscriptions: SUBS.slice(1, 2), calendar: cal });
    const lines = o!.text.split('\n');
    expect(lines[1]).toBe('1. 表三某行总计与分项之和不符（第100行）：第1行不符');
    expect(lines.filter((l) => l.includes('怎么改'))).toEqual(['   怎么改：核对表三：每一行的“总计”应等于六类申请人数字之和。']);
    expect(lines.slice(-2)).toEqual(['……另有2项问题未列出。', '请改正后重新发布，并把新版本交年报助手检查。']);
  });

  it('leaves out old reports, other years, reports from the future, and the quiet hours', () => {
    const subs = SUBS.slice(0, 1);
    const old = report('康庄镇', '临清市', '2027-01-10', [], '2027-01-16T02:00:00.000Z');
    const lastYear = { ...report('康庄镇', '临清市', '2026-01-10'), year: 2025 };
    const future = report('康庄镇', '临清市', '2027-01-10', [], '2027-01-20T03:00:00.000Z');
    expect(planNotices({ now, reports: [old, lastYear, future], subscriptions: subs, calendar: cal })).toEqual([]);
    expect(planNotices({ now: bj('2027-01-20T22:00'), reports: [report('康庄镇', '临清市', '2027-01-10')], subscriptions: subs, calendar: cal })).toEqual([]);
  });
});

describe('assessYear', () => {
  it('lists every roster organisation and every report: ok, late, incomplete, missing', () => {
    const reports = [
      report('康庄镇', '临清市', '2027-01-20', [warn('BLANK_CELLS')]),
      report('唐园镇', '临清市', '2027-02-02', [err('LATE'), err('OUTDATED_FORMAT')]),
      report('龙潭镇', '霍邱县', '2027-02-10', [err('LATE')]),
      report('大刘庄镇', null, '2027-02-03'),
    ];
    const rows = sortByRegionAndName(assessYear({ year: 2026, roster: ROSTER, reports, calendar: cal, now: bj('2027-02-15T10:00') }));
    expect(rows.map((r) => [r.region, r.name, r.status, r.codes, r.deadline])).toEqual([
      ['霍邱县', '龙潭镇', 'ok', [], '2027-02-20'],
      ['临清市', '康庄镇', 'ok', [], '2027-01-31'],
      ['临清市', '唐园镇', 'incomplete', ['LATE', 'OUTDATED_FORMAT'], '2027-01-31'],
      [null, '大刘庄镇', 'late', ['LATE'], '2027-01-31'],
      [null, '棉洋镇', 'missing', ['MISSING'], '2027-01-31'],
    ]);
  });

  it('before the deadline an organisation without a report is still to come: no MISSING code', () => {
    const rows = assessYear({ year: 2026, roster: [entry('康庄镇', '临清市')], reports: [], calendar: cal, now: bj('2027-01-31T23:59') });
    expect(rows).toEqual([{ name: '康庄镇', region: '临清市', year: 2026, status: 'missing', codes: [], deadline: '2027-01-31', signedDate: null }]);
    const after = assessYear({ year: 2026, roster: [entry('康庄镇', '临清市')], reports: [], calendar: cal, now: bj('2027-02-01T00:00') });
    expect(after[0]?.codes).toEqual(['MISSING']);
  });
});
