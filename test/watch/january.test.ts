import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { addDays, formatHm, wallClock } from '../../src/calendar/time.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { runEscalations } from '../../src/jobs/run-escalations.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { runWatch } from '../../src/jobs/scheduler.js';
import { tempDir } from '../helpers/db.js';
import { startFakePortal, type FakePortal } from '../helpers/fake-portal.js';
import { bj, townReport } from '../jobs/helpers.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * January 2027 for 霍邱县's 2026 reports, the clock stepped day by day: nobody uploads anything; the
 * towns publish on the county portal and the watcher (the scheduler's watch job, 07:30) finds them.
 * Each report's notice goes out the day it appears; the escalation after the deadline names exactly
 * the towns with nothing on the portal, and a report published after the deadline is late by its
 * publication date even though it was signed in time.
 */

const ROSTER = `名称,地区,类型
康庄镇,霍邱县,镇
唐园镇,霍邱县,镇
石店镇,霍邱县,镇
烟店镇,霍邱县,镇
`;

/** The day each town's report appears on the portal, and the date printed under it. */
const ON_PORTAL = [
  { date: '2027-01-12', name: '康庄镇', signed: '2027年1月11日', file: 'kz' },
  { date: '2027-01-25', name: '唐园镇', signed: '2027年1月22日', file: 'ty' },
  // Signed in time, published after the deadline.
  { date: '2027-02-03', name: '石店镇', signed: '2027年1月28日', file: 'sd' },
  // 烟店镇 never publishes.
];

const list = (date: string) =>
  `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul class="list">${ON_PORTAL.filter((p) => p.date <= date)
    .map((p) => `<li><a href="/files/${p.file}-2026.txt">${p.name}2026年政府信息公开工作年度报告</a><span>${p.date}</span></li>`)
    .join('\n')}</ul></body></html>`;

describe('a January watched on the portal', () => {
  let site: FakePortal;
  let app: App;
  let dir: string;
  const sent: Array<{ day: string; hm: string; chat: string; text: string }> = [];

  beforeAll(async () => {
    site = await startFakePortal({ '/list.html': { body: list('2027-01-01') } });
    for (const p of ON_PORTAL) site.routes.set(`/files/${p.file}-2026.txt`, { body: townReport(p.name, '霍邱县', p.signed), type: 'text/plain' });
    dir = tempDir();
    const loaded = loadConfig({ NIANBAO_DB: join(dir, 'nianbao.db'), NIANBAO_WATCH: `霍邱县=${site.url}/list.html`, NIANBAO_WATCH_PAUSE_MS: '0' });
    if (!loaded.ok) throw new Error(loaded.message);
    let now = bj('2026-12-20T10:00');
    app = openApp(loaded.config, { now: () => now });
    const roster = parseRosterCsv(ROSTER);
    app.stores.roster.import(roster.rows, now);
    app.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-100' }, { kind: 'region', name: '霍邱县' }, 'telegram:9', now);
    app.notifiers.telegram = {
      async send(target, text) {
        const w = wallClock(now, app.calendar.timeZone);
        sent.push({ day: w.date, hm: formatHm(w.minute), chat: target.chatId, text });
      },
    };

    for (let date = '2027-01-01'; date <= '2027-02-08'; date = addDays(date, 1)) {
      site.routes.set('/list.html', { body: list(date) });
      now = bj(`${date}T07:30`);
      await runWatch(app.jobs, now);
      for (const [hm, run] of [
        ['08:00', runSweep],
        ['09:00', async (d: typeof app.jobs, n: Date) => (await runReminders(d, n), await runEscalations(d, n))],
        ['12:00', runSweep],
      ] as const) {
        now = bj(`${date}T${hm}`);
        await run(app.jobs, now);
      }
    }
  }, 120_000);

  afterAll(async () => {
    app?.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const notices = () => sent.filter((s) => !/^【年报(提醒|催报)】/.test(s.text));

  it('sends each report’s notice the day it appears on the portal', () => {
    const byTown = ON_PORTAL.map((p) => ({
      name: p.name,
      days: [
        ...new Set(
          notices()
            .filter((n) => n.text.includes(p.name))
            .map((n) => n.day),
        ),
      ],
    }));
    expect(byTown).toEqual(ON_PORTAL.map((p) => ({ name: p.name, days: [p.date] })));
    expect(notices()).toHaveLength(ON_PORTAL.length);
  });

  it('escalates after the deadline with exactly the towns that have nothing on the portal', () => {
    const escalations = sent.filter((s) => s.text.startsWith('【年报催报】霍邱县'));
    expect(escalations.map((e) => e.day)).toEqual(['2027-02-01', '2027-02-08']);
    const missing = (text: string) => /未发布（\d+）：(.*)/.exec(text)?.[1]?.split('、').sort();
    expect(missing(escalations[0]!.text)).toEqual(['烟店镇', '石店镇'].sort());
    expect(missing(escalations[1]!.text)).toEqual(['烟店镇']);
    expect(escalations[1]!.text).toMatch(/逾期发布（1）：石店镇/);
  });

  it('stores every report once, with the portal’s date', () => {
    const reports = app.stores.reports.reportsForYear(2026);
    expect(reports.map((r) => [r.name, r.published]).sort()).toEqual(ON_PORTAL.map((p) => [p.name, p.date]).sort());
  });
});
