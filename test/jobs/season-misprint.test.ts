import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { addDays } from '../../src/calendar/time.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { runSweep } from '../../src/jobs/run-sweep.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { bj, importRoster, jobDeps, loggingTelegram, townReport, writeReport } from './helpers.js';

/**
 * 霍邱县龙潭镇 is on the roster; its report prints the county as 霍丘县. Once it is in, the town's
 * group is not reminded any more, as if the county had been spelt right; 石店镇, which never files,
 * still is.
 */

const ROSTER_CSV = `名称,地区,类型,联系群
龙潭镇,霍邱县,镇,telegram:-401
石店镇,霍邱县,镇,telegram:-402
`;

describe('a season with a report whose county is misprinted', () => {
  let t: TestDb;
  const log: string[] = [];
  const byGroup = (chat: string) => log.filter((l) => l.split(' ')[2] === chat).map((l) => `${l.split(' ')[0]} ${l.split(' ').slice(3).join(' ')}`);

  beforeAll(async () => {
    t = createTestDb();
    const calendar = DEFAULT_CALENDAR;
    const parsed = parseRosterCsv(ROSTER_CSV);
    expect(parsed.errors).toEqual([]);
    const at = bj('2026-12-20T10:00');
    importRoster(t, parsed.rows, at);

    let now = bj('2027-01-01T00:00');
    const jobs: JobDeps = jobDeps(
      t,
      calendar,
      loggingTelegram(log, calendar, () => now),
    );
    for (let date = '2027-01-01'; date <= '2027-02-10'; date = addDays(date, 1)) {
      now = bj(`${date}T09:00`);
      await runSweep(jobs, now);
      if (date === '2027-01-05') {
        const file = writeReport(t.dir, '龙潭镇-2026.txt', townReport('龙潭镇', '霍丘县', '2027年1月4日'));
        expect((await ingestPaths(t, [file], { now: () => bj(`${date}T10:00`) })).stored).toHaveLength(1);
      }
    }
  });
  afterAll(() => t.dispose());

  it('stops reminding the town once its report is in, under the misprinted county', () => {
    const longtan = byGroup('-401');
    expect(longtan.length).toBeGreaterThan(0);
    expect(longtan.filter((l) => l.slice(0, 5) > '01-05' && /尚未收到|仍未收到/.test(l))).toEqual([]);
    expect(t.stores.reports.listOrgs().map((o) => [o.region, o.name])).toEqual([['霍丘县', '龙潭镇']]);
  });

  it('keeps reminding the town that never files', () => {
    const shidian = byGroup('-402');
    expect(shidian.filter((l) => l.slice(0, 5) > '01-05' && /尚未收到|仍未收到/.test(l)).length).toBeGreaterThan(2);
  });
});
