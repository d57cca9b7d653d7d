import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../../db/report-store.js';
import type { ReportStore } from '../../src/bot/core/store.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, writeFiles } from '../ingest/variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');

/** The lean column national rankings read (ReportStore.figureOfYear). */
describe('figureOfYear over SQLite', () => {
  let t: TestDb;
  let store: ReportStore;
  beforeAll(async () => {
    t = createTestDb();
    await ingestPaths(t, [SEED_DIR]);
    // A corrected 龙潭镇 whose old version must stay out of sight.
    await ingestPaths(t, [writeFiles(join(t.dir, 'more'), { 'longtan-2020-v2.txt': replaceAll(readSeed('longtan-2020'), '1374', '1375') })]);
    store = createReportStore(t.db);
  });
  afterAll(() => t.dispose());

  const byName = (cells: ReturnType<ReportStore['figureOfYear']>) => {
    const names = new Map(store.listOrgs().map((o) => [o.id, o.name]));
    return cells.map((c) => [names.get(c.orgId), c.format, c.value]).sort();
  };

  it('lists every current report of the year, with the figure, as the full reads give it', () => {
    const cells = store.figureOfYear(2020, 'prose.active_items');
    expect(byName(cells)).toEqual([
      ['康庄镇', 'gov2019', 170],
      ['龙潭镇', 'gov2019', 1375],
    ]);
    for (const c of cells) {
      expect(c.reportId).toBe(store.currentReport(c.orgId, 2020)!.id);
      expect(c.value).toBe(store.metric(c.reportId, 'prose.active_items')!.value);
    }
  });

  it('says undefined for a report without the figure, and null for a blank cell', () => {
    const mianyang = store.figureOfYear(2021, 'applications.handled.total').find((c) => store.metric(c.reportId, 'applications.handled.total') === undefined);
    expect(mianyang?.value).toBeUndefined();
    const blank = store.figureOfYear(2020, 'review.corrected').find((c) => store.metric(c.reportId, 'review.corrected')?.value === null);
    expect(blank).toMatchObject({ value: null });
    expect(store.figureOfYear(2019, 'prose.active_items')).toEqual([]);
  });
});
