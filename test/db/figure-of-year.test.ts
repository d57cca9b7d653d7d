import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportStore } from '../../src/bot/core/store.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, writeFiles } from '../ingest/variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');

/** The lean reads answers over a whole year use (ReportStore.headsOfYear, figureOfYear). */
describe('lean year reads over SQLite', () => {
  let t: TestDb;
  let store: ReportStore;
  beforeAll(async () => {
    t = createTestDb();
    await ingestPaths(t, [SEED_DIR]);
    // A corrected 龙潭镇 whose old version must stay out of sight.
    await ingestPaths(t, [writeFiles(join(t.dir, 'more'), { 'longtan-2020-v2.txt': replaceAll(readSeed('longtan-2020'), '1374', '1375') })]);
    store = t.stores.reports;
  });
  afterAll(() => t.dispose());

  it('headsOfYear lists every current report of the year, as the full reads give it', () => {
    const full = store.reportsForYear(2020).map((r) => ({ reportId: r.id, orgId: r.orgId, format: r.format }));
    expect(full).toHaveLength(2);
    expect(store.headsOfYear(2020)).toEqual(expect.arrayContaining(full));
    expect(store.headsOfYear(2020)).toHaveLength(2);
    expect(store.headsOfYear(2019)).toEqual([]);
  });

  it('figureOfYear gives the figure of the current reports that have it, null for a blank cell', () => {
    const active = store.figureOfYear(2020, 'prose.active_items');
    expect([...active.values()].sort()).toEqual([1375, 170]);
    for (const [reportId, value] of active) expect(value).toBe(store.metric(reportId, 'prose.active_items')!.value);
    // mianyang-2021's 表三 is cut short: its report is not listed for a row it does not have.
    const handled = [...store.figureOfYear(2021, 'applications.handled.total').keys()];
    const heads2021 = store.headsOfYear(2021).map((h) => h.reportId);
    expect(handled.length).toBeLessThan(heads2021.length);
    for (const id of heads2021) expect(handled.includes(id)).toBe(store.metric(id, 'applications.handled.total') !== undefined);
    const blank = [...store.figureOfYear(2020, 'review.corrected')].find(([reportId]) => store.metric(reportId, 'review.corrected')?.value === null);
    expect(blank?.[1]).toBeNull();
  });
});
