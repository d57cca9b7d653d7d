import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { createWatcher, QUICK_RETRIES } from '../../src/watch/watcher.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { startFakePortal, type FakePortal } from '../helpers/fake-portal.js';
import { bj, memoryLog } from '../jobs/helpers.js';

const LIST = '<ul><li><a href="/gone.html">石店镇2026年政府信息公开工作年度报告</a><span>2027-01-20</span></li></ul>';

describe('retrying failures between scheduled runs', () => {
  let t: TestDb;
  let site: FakePortal;
  beforeAll(async () => {
    t = createTestDb();
    site = await startFakePortal({ '/list.html': { body: LIST }, '/down.html': { status: 502 } });
  });
  afterAll(async () => {
    await site.close();
    t.dispose();
  });

  it('retries a failing source every hour, and a source with a failing link only a few times', async () => {
    const watcher = createWatcher({
      handle: t,
      calendar: DEFAULT_CALENDAR,
      log: memoryLog(),
      config: {
        sources: [
          { region: '霍邱县', url: `${site.url}/list.html` },
          { region: '阜南县', url: `${site.url}/down.html` },
        ],
        at: '07:30',
        pauseMs: 0,
        timeoutMs: 5000,
      },
    });
    await watcher.run(bj('2027-03-01T07:30'));
    const chosen: string[][] = [];
    for (let hour = 8; hour < 8 + QUICK_RETRIES + 1; hour++) {
      const runs = await watcher.run(bj(`2027-03-01T${String(hour).padStart(2, '0')}:30`), { only: 'failing' });
      chosen.push(runs.map((r) => r.region));
    }
    const expected = Array.from({ length: QUICK_RETRIES + 1 }, (_, i) => (i < QUICK_RETRIES - 1 ? ['霍邱县', '阜南县'] : ['阜南县']));
    expect(chosen).toEqual(expected);
    expect(t.stores.watch.failures()[0]).toMatchObject({ failures: QUICK_RETRIES, error: expect.stringContaining('404') });
    expect(t.stores.watch.sources().find((s) => s.region === '阜南县')?.failures).toBe(QUICK_RETRIES + 2);
  });
});
