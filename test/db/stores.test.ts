import { afterEach, describe, expect, it } from 'vitest';
import { deadlineOf } from '../../src/calendar/calendar.js';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { rosterReader, type RosterEntry, type RosterSources } from '../../src/jobs/roster.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { seedPath } from '../helpers/seeds.js';

/**
 * Each database handle has its own stores, and each store its own cache: kept while nothing
 * changes, dropped on a write through the store itself and on a commit by another connection.
 */
describe('stores per database handle', () => {
  let t: TestDb;
  afterEach(() => t.dispose());

  it('the roster sources stay the same object until a write of this connection or another', async () => {
    t = createTestDb();
    const roster = t.stores.roster;
    const first = roster.sources();
    expect(roster.sources()).toBe(first);
    expect(first).toEqual({ imported: [], orgs: [] });

    roster.import([{ name: '康庄镇', region: '临清市', kind: 'town' }], new Date('2026-12-01T02:00:00Z'));
    const afterImport = roster.sources();
    expect(afterImport).not.toBe(first);
    expect(afterImport.imported).toEqual([{ name: '康庄镇', region: '临清市', kind: 'town' }]);

    const other = t.reopen();
    await ingestPaths(other, [seedPath('zhangjiapo-2021')]);
    expect(roster.sources().orgs.map((o) => [o.name, o.region])).toEqual([['张家坡镇', '沂源县']]);
    // The very list the question core indexes: organisations are read once per change, not twice.
    expect(roster.sources().orgs).toBe(t.stores.reports.listOrgs());
    // The other handle's stores are its own, and see the same database.
    expect(other.stores.roster).not.toBe(roster);
    expect(other.stores.roster.sources()).toEqual(roster.sources());
  });

  it('rosterReader merges again only when the sources change, and hands out one frozen list until then', () => {
    t = createTestDb();
    // Each merge reads `orgs` of its sources once: counting the reads counts the merges.
    let merges = 0;
    const counted = (imported: RosterSources['imported']): RosterSources => ({
      imported,
      get orgs() {
        merges++;
        return [];
      },
    });
    let current = counted([{ name: '烟店镇', region: '临清市', kind: null }]);
    const read = rosterReader(() => current);
    const entries = read();
    expect(entries).toEqual([{ name: '烟店镇', region: '临清市', kind: null, source: 'import' }]);
    // Shared until the next change, and frozen: no caller can change what the next one reads.
    expect(() => ((entries[0] as { name: string }).name = '改名镇')).toThrow(TypeError);
    expect(() => (entries as RosterEntry[]).push({ name: '外来镇', region: null, kind: null, source: 'import' })).toThrow(TypeError);
    expect(read()).toBe(entries);
    expect(read()).toEqual([{ name: '烟店镇', region: '临清市', kind: null, source: 'import' }]);
    expect(merges).toBe(1);

    current = counted([{ name: '康庄镇', region: '临清市', kind: 'town' }]);
    expect(read().map((e) => e.name)).toEqual(['康庄镇']);
    expect(merges).toBe(2);
  });

  it('the organisation list is one array until an ingest adds an organisation', async () => {
    t = createTestDb();
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    const orgs = t.stores.orgs.list();
    expect(t.stores.reports.listOrgs()).toBe(orgs);
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    expect(t.stores.orgs.list()).toBe(orgs);
    await ingestPaths(t, [seedPath('longtan-2020')]);
    expect(t.stores.orgs.list()).not.toBe(orgs);
    expect(t.stores.orgs.list().map((o) => o.name)).toEqual(['康庄镇', '龙潭镇']);
  });

  it('findings read for a year are read again after a write changes them', async () => {
    t = createTestDb();
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    const [report] = t.stores.reports.reportsForYear(2020);
    const before = report!.findings.length;
    t.stores.findings.insert(report!.id, [{ code: 'LATE', severity: 'error', message: '迟交' }], 'ingest', null);
    const after = t.stores.reports.reportsForYear(2020)[0]!.findings;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ code: 'LATE', severity: 'error', message: '迟交' });
  });
});

describe('the app: one assembly for serve and the commands', () => {
  let t: TestDb;
  afterEach(() => t.dispose());

  it('answers, plans and checks from the same stores, roster and calendar', async () => {
    t = createTestDb();
    const loaded = loadConfig({ NIANBAO_DB: t.path, NIANBAO_DEADLINES: '临清市=02-20' });
    if (!loaded.ok) throw new Error(loaded.message);
    const now = new Date('2021-03-01T02:00:00Z');
    const app = openApp(loaded.config, { now: () => now });
    try {
      await ingestPaths(app.db, [seedPath('kangzhuang-2020')]);
      app.stores.roster.import([{ name: '魏庄镇', region: '临清市', kind: 'town' }], now);

      expect(app.jobs.stores).toBe(app.stores);
      expect(app.jobs.calendar).toBe(app.calendar);
      expect(app.jobs.notifiers).toBe(app.notifiers);
      expect(deadlineOf(app.calendar, 2020, '临清市').date).toBe('2021-02-20');
      expect(deadlineOf(app.calendar, 2020, '沂源县').date).toBe('2021-01-31');
      expect(app.roster().map((e) => [e.name, e.source])).toEqual([
        ['康庄镇', 'reports'],
        ['魏庄镇', 'import'],
      ]);
      expect(app.coreDeps.roster?.(2020)).toEqual(app.roster());
      expect(app.core.ask('康庄镇2020年依申请公开多少件').text).toContain('新收政府信息公开申请1件');
    } finally {
      app.close();
    }
  });
});
