import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { DEFAULT_CALENDAR, calendarFromConfig } from '../../src/calendar/calendar.js';
import { onReportIngested, runNotices } from '../../src/jobs/run-notices.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, jobDeps, recordingNotifier, townReport, writeReport } from './helpers.js';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
  const subs = t.stores.subscriptions;
  subs.subscribe({ transport: 'wechat', chatId: 'kz@chatroom' }, { kind: 'org', name: '康庄镇' }, 'wechat:a', bj('2026-12-01T10:00'));
  subs.subscribe({ transport: 'telegram', chatId: '-100' }, { kind: 'region', name: '临清市' }, 'telegram:1', bj('2026-12-01T10:00'));
});
afterEach(() => t.dispose());

async function ingest(file: string, text: string, at: Date): Promise<number> {
  const config = loadConfig({});
  if (!config.ok) throw new Error(config.message);
  const summary = await ingestPaths(t, [writeReport(t.dir, file, text)], { now: () => at });
  const r = [...summary.stored, ...summary.replaced][0];
  if (!r || !('reportId' in r)) throw new Error(JSON.stringify(summary));
  return r.reportId;
}

describe('notices on ingest', () => {
  it('onReportIngested tells the town and the county at once; the sweep then sends nothing twice', async () => {
    const at = bj('2027-01-20T10:00');
    const id = await ingest('kz.txt', townReport('康庄镇', '临清市', '2027年1月18日', true), at);
    const wechat = recordingNotifier();
    const telegram = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { wechat: wechat.notifier, telegram: telegram.notifier });
    const first = await onReportIngested(deps, id, at);
    expect(first.sent).toBe(2);
    expect(wechat.sent[0]?.text.split('\n')[0]).toBe('【年报检查】康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日）已收到，发现以下问题：');
    expect(telegram.sent.map((s) => s.target.chatId)).toEqual(['-100']);
    await runNotices(deps, bj('2027-01-20T10:01'));
    expect(wechat.sent.length + telegram.sent.length).toBe(2);
  });

  it('a corrected version gets its own answer: a confirmation', async () => {
    const wechat = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { wechat: wechat.notifier });
    await ingest('kz.txt', townReport('康庄镇', '临清市', '2027年1月18日', true), bj('2027-01-20T10:00'));
    await runNotices(deps, bj('2027-01-20T10:01'));
    await ingest('kz-fixed.txt', townReport('康庄镇', '临清市', '2027年1月18日'), bj('2027-01-21T10:00'));
    await runNotices(deps, bj('2027-01-21T10:01'));
    await runNotices(deps, bj('2027-01-21T10:02'));
    expect(wechat.sent.map((s) => s.text.split('\n')[0])).toEqual([
      '【年报检查】康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日）已收到，发现以下问题：',
      '【年报检查】已收到康庄镇2026年度政府信息公开工作年度报告（落款2027年1月18日），按时发布，检查未发现需要改正的问题。',
    ]);
  });

  it('a report that came in at night is noticed in the morning, not in the quiet hours', async () => {
    const wechat = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { wechat: wechat.notifier });
    const id = await ingest('kz.txt', townReport('康庄镇', '临清市', '2027年1月18日'), bj('2027-01-20T23:10'));
    expect((await onReportIngested(deps, id, bj('2027-01-20T23:10'))).sent).toBe(0);
    await runNotices(deps, bj('2027-01-21T07:59'));
    expect(wechat.sent).toEqual([]);
    await runNotices(deps, bj('2027-01-21T08:00'));
    expect(wechat.sent).toHaveLength(1);
  });

  it('the running scheduler notices a report stored in its process at once', async () => {
    const wechat = recordingNotifier();
    const now = bj('2027-01-20T10:00');
    const handle = startScheduler({
      deps: jobDeps(t, calendarFromConfig({ timeZone: 'Asia/Shanghai', deadlineOverrides: {} }), { wechat: wechat.notifier }),
      now: () => now,
    });
    try {
      await handle.ready;
      const id = await ingest('kz.txt', townReport('康庄镇', '临清市', '2027年1月18日'), now);
      await handle.onReportIngested(id);
      await handle.onReportIngested(id);
      expect(wechat.sent.map((s) => s.target.chatId)).toEqual(['kz@chatroom']);
    } finally {
      await handle.stop();
    }
  });

  it('onReportIngested ignores an unknown report id', async () => {
    const deps = jobDeps(t, DEFAULT_CALENDAR, { wechat: recordingNotifier().notifier });
    expect((await onReportIngested(deps, 999, bj('2027-01-20T10:00'))).planned).toBe(0);
  });
});
