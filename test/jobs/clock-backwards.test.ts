import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { latestStages } from '../../src/jobs/stages.js';
import { runEscalations } from '../../src/jobs/run-escalations.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, jobDeps, recordingNotifier } from './helpers.js';

/**
 * The clock set back (or `nianbao remind --now` earlier than a run before it): 临清市's deadline is
 * 31 January, so 24 January is D-7 and 17 January D-14. Once D-7 went out, D-14 and D-30 never do.
 */

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
  const at = bj('2026-12-20T10:00');
  t.stores.roster.import(
    [
      { name: '康庄镇', region: '临清市', kind: 'town' },
      { name: '唐园镇', region: '临清市', kind: 'town' },
    ],
    at,
  );
  t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-101' }, { kind: 'org', name: '康庄镇', region: '临清市' }, 'roster:import', at);
  t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '-100' }, { kind: 'region', name: '临清市' }, 'telegram:9', at);
});
afterEach(() => t.dispose());

describe('a clock that goes backwards', () => {
  it('does not send an earlier reminder stage after a later one went out', async () => {
    const rec = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { telegram: rec.notifier });
    expect((await runReminders(deps, bj('2027-01-24T09:00'))).sent).toBe(2);
    expect(rec.sent.map((s) => s.text.split('\n')[0])).toEqual([
      expect.stringContaining('康庄镇：2026年度政府信息公开工作年度报告应在2027年1月31日23:59前发布，距截止还有7天'),
      expect.stringContaining('临清市：2026年度年报2027年1月31日截止，距截止还有7天'),
    ]);

    for (const back of ['2027-01-17T09:00', '2027-01-01T09:00']) {
      const summary = await runReminders(deps, bj(back));
      expect(summary.planned).toBe(0);
    }
    expect(rec.sent).toHaveLength(2);

    // Forward again: the later stages still go out.
    expect((await runReminders(deps, bj('2027-01-28T09:00'))).sent).toBe(2);
    expect(rec.sent.at(-1)!.text).toContain('距截止还有3天');
  });

  it('keeps each organisation, job and season apart', () => {
    const rows = [
      { job: 'remind', subject: 'org:临清市/康庄镇', period: '2026/D-7' },
      { job: 'remind', subject: 'org:临清市/康庄镇', period: '2026/D-14' },
      { job: 'remind', subject: 'org:临清市/唐园镇', period: '2025/D-3' },
      { job: 'escalate', subject: 'region:临清市', period: '2026/D+8' },
      { job: 'notice', subject: 'org:临清市/康庄镇', period: '2026/report-3' },
    ];
    expect([...latestStages(rows, 2026)]).toEqual([
      ['remind\u0000org:临清市/康庄镇', -7],
      ['escalate\u0000region:临清市', 8],
    ]);
  });

  it('does not send an earlier escalation after a later one', async () => {
    const rec = recordingNotifier();
    const deps = jobDeps(t, DEFAULT_CALENDAR, { telegram: rec.notifier });
    expect((await runEscalations(deps, bj('2027-02-08T09:00'))).sent).toBe(2);
    expect((await runEscalations(deps, bj('2027-02-01T09:00'))).planned).toBe(0);
    expect(rec.sent).toHaveLength(2);
  });
});
