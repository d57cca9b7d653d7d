import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { jobsFor, runWatch } from '../../src/jobs/scheduler.js';
import { createTestDb } from '../helpers/db.js';
import { bj, jobDeps } from '../jobs/helpers.js';

describe('the scheduled watch job', () => {
  it('is in the job table only when the app has a watcher, hourly at the minute of NIANBAO_WATCH_AT', () => {
    const calls: string[] = [];
    const watch = { at: '07:30', run: async (_now: Date, only: 'all' | 'failing') => void calls.push(only) };
    expect(jobsFor(DEFAULT_CALENDAR).map((j) => j.name)).not.toContain('watch');
    expect(jobsFor(DEFAULT_CALENDAR, watch).find((j) => j.name === 'watch')).toMatchObject({ cron: '30 * * * *', daily: false });
  });

  it('reads every source when due and only the failing ones in the other hours', async () => {
    const t = createTestDb();
    try {
      const calls: string[] = [];
      const deps = { ...jobDeps(t, DEFAULT_CALENDAR, {}), watch: { at: '07:30', run: async (_n: Date, only: 'all' | 'failing') => void calls.push(only) } };
      await runWatch(deps, bj('2027-03-05T07:30'));
      await runWatch(deps, bj('2027-03-05T08:30'));
      await runWatch(deps, bj('2027-01-25T08:30'));
      expect(calls).toEqual(['all', 'failing', 'all']);
    } finally {
      t.dispose();
    }
  });
});
