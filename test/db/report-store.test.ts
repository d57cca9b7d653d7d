import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportStore } from '../../src/bot/core/store.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, writeFiles } from '../ingest/variants.js';

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed-reports');

describe('ReportStore over SQLite', () => {
  let t: TestDb;
  let store: ReportStore;
  const org = (name: string) => store.listOrgs().find((o) => o.name === name)!;

  beforeAll(async () => {
    t = createTestDb();
    await ingestPaths(t, [SEED_DIR]);
    // A second 2020 town in 临清市, and a corrected 龙潭镇 whose old version must stay out of sight.
    const dir = writeFiles(join(t.dir, 'more'), {
      'weizhuang-2020.txt': replaceAll(readSeed('kangzhuang-2020'), '康庄', '魏庄'),
      'longtan-2020-v2.txt': replaceAll(readSeed('longtan-2020'), '1374', '1375'),
    });
    const s = await ingestPaths(t, [dir]);
    expect([s.stored.length, s.replaced.length, s.rejected]).toEqual([1, 1, []]);
    store = t.stores.reports;
  });
  afterAll(() => t.dispose());

  it('listOrgs gives names, regions, kinds and aliases', () => {
    const zjp = org('张家坡镇');
    expect(zjp).toMatchObject({ org: '沂源县张家坡镇人民政府', region: '沂源县', kind: 'town' });
    expect(zjp.aliases).toEqual(['沂源县张家坡镇人民政府', '张家坡镇', '沂源县张家坡镇', '张家坡']);
    expect(store.listOrgs()).toHaveLength(6);
  });

  it('currentReport and reportsOf see only the newest version', () => {
    const lt = store.currentReport(org('龙潭镇').id, 2020)!;
    expect(lt.file).toBe('longtan-2020-v2.txt');
    expect(store.metric(lt.id, 'prose.active_items')!.value).toBe(1375);
    expect(store.reportsOf(org('龙潭镇').id).map((r) => r.file)).toEqual(['longtan-2020-v2.txt']);
    expect(store.currentReport(org('龙潭镇').id, 2021)).toBeUndefined();
  });

  it('findings come with code, severity, message and line', () => {
    const lt = store.currentReport(org('龙潭镇').id, 2020)!;
    const blank = lt.findings.find((f) => f.code === 'BLANK_CELLS')!;
    expect(blank.severity).toBe('warning');
    expect(blank.message.length).toBeGreaterThan(0);
    expect(typeof blank.line).toBe('number');
    const changed = lt.findings.find((f) => f.code === 'CHANGED_AFTER_PUBLICATION')!;
    expect(changed).not.toHaveProperty('line');
    expect(lt.findings.find((f) => f.code === 'DATE_UNKNOWN')).toBeDefined();
  });

  it('metric returns the value with provenance; undefined for a key the report does not have', () => {
    const mianyang = store.currentReport(org('棉洋镇').id, 2021)!;
    expect(store.metric(mianyang.id, 'active.licensing.decisions')).toMatchObject({ value: 2624, derived: false });
    // Truncated 表三: the row is absent, not zero.
    expect(store.metric(mianyang.id, 'applications.handled.total')).toBeUndefined();
  });

  it('reportsForYear and years cover current reports only', () => {
    expect(
      store
        .reportsForYear(2020)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['康庄镇', '魏庄镇', '龙潭镇'].sort());
    expect(store.reportsForYear(2019)).toEqual([]);
    expect(store.years()).toEqual([2020, 2021, 2022]);
  });

  it('metricForYear lists one metric across the current reports of a year, optionally within a region', () => {
    const all = store.metricForYear(2020, 'prose.active_items');
    expect(all.map((r) => [r.report.name, r.metric.value]).sort()).toEqual(
      [
        ['康庄镇', 170],
        ['魏庄镇', 170],
        ['龙潭镇', 1375],
      ].sort(),
    );
    const linqing = store.metricForYear(2020, 'applications.new.total', '临清市');
    expect(linqing.map((r) => r.report.name).sort()).toEqual(['康庄镇', '魏庄镇']);
    expect(linqing.every((r) => r.metric.value === 1 && r.report.findings.length > 0)).toBe(true);
    expect(store.metricForYear(2020, 'applications.new.total', '沂源县')).toEqual([]);
  });
});
