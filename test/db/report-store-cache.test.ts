import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { seedPath } from '../helpers/seeds.js';

/**
 * The store reads the organisation list and the years again only when the database changed; a
 * change by this connection or by another one (another process ingesting) must show at once.
 */
describe('report store: cached organisations and years', () => {
  let t: TestDb;
  afterEach(() => t.dispose());

  it('sees what this connection and another one write', async () => {
    t = createTestDb();
    const store = t.stores.reports;
    expect(store.listOrgs()).toEqual([]);
    expect(store.years()).toEqual([]);

    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    expect(store.listOrgs().map((o) => o.name)).toEqual(['康庄镇']);
    expect(store.years()).toEqual([2020]);
    const same = store.listOrgs();
    expect(store.listOrgs()).toBe(same);

    const other = t.reopen();
    await ingestPaths(other, [seedPath('zhangjiapo-2021')]);
    expect(store.listOrgs().map((o) => o.name)).toEqual(['康庄镇', '张家坡镇']);
    expect(store.listOrgs().find((o) => o.name === '张家坡镇')?.aliases).toContain('沂源县张家坡镇人民政府');
    expect(store.years()).toEqual([2020, 2021]);

    other.sqlite.prepare("UPDATE org_aliases SET alias = '张家坡乡' WHERE alias = '沂源县张家坡镇'").run();
    expect(store.listOrgs().find((o) => o.name === '张家坡镇')?.aliases).toContain('张家坡乡');
  });

  it('keeps what it read while the chat writes its own rows, and reads again after any report write', async () => {
    t = createTestDb();
    const store = t.stores.reports;
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    const orgs = store.listOrgs();
    const heads = store.headsOfYear(2020);
    // What every chat message writes (an update seen, the conversation) and every send (a delivery):
    // none of it is a report, so nothing read of the reports is thrown away.
    await t.stores.seenUpdates.add('telegram:1');
    t.stores.conversations.save('telegram:chat', null, new Date());
    t.stores.subscriptions.subscribe({ transport: 'telegram', chatId: '42' }, { kind: 'region', name: '临清市' }, 'tester', new Date());
    expect(store.listOrgs()).toBe(orgs);
    expect(store.headsOfYear(2020)).toBe(heads);

    // A write to any table answers read, by another connection: read again at once.
    const other = t.reopen();
    other.sqlite.prepare("INSERT INTO org_aliases (org_id, alias) VALUES (?, '康庄镇政府')").run(orgs[0]!.id);
    expect(store.listOrgs()).not.toBe(orgs);
    expect(store.listOrgs()[0]!.aliases).toContain('康庄镇政府');
    const now = store.listOrgs();
    other.stores.roster.import([{ name: '魏庄镇', region: '临清市', kind: 'town' }], new Date());
    expect(store.listOrgs()).not.toBe(now);

    // A transaction of this connection that wrote and rolled back, then one write by another
    // connection that brings the counter back to the number seen inside the transaction: what was
    // read inside it must not come back.
    expect(() =>
      t.immediate(() => {
        t.sqlite.prepare("INSERT INTO orgs (org, name, region, kind, created_at) VALUES ('试点镇人民政府', '试点镇', '临清市', 'town', '2026-12-04')").run();
        expect(store.listOrgs().map((o) => o.name)).toContain('试点镇');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    other.sqlite.prepare("INSERT INTO org_aliases (org_id, alias) VALUES (?, '康庄镇人民政府办公室')").run(orgs[0]!.id);
    expect(store.listOrgs().map((o) => o.name)).not.toContain('试点镇');
    expect(store.listOrgs()[0]!.aliases).toContain('康庄镇人民政府办公室');
  });

  it('gives each report its own findings when a year has more reports than one query may name', async () => {
    t = createTestDb();
    await ingestPaths(t, [seedPath('zhangjiapo-2021')]);
    const { id } = t.sqlite.prepare('SELECT id FROM reports').get() as { id: number };
    // 1,200 more current reports of 2021 (heads only), each with one finding of its own.
    const org = t.sqlite.prepare("INSERT INTO orgs (org, name, region, kind, created_at) VALUES (?, ?, '某县', 'town', 'x')");
    const report = t.sqlite.prepare(
      `INSERT INTO reports (org_id, year, version, is_current, title, format, sections, content_hash, file_name, encoding, raw_text, ingested_at)
       VALUES (?, 2021, 1, 1, 't', 'gov2021', '[]', ?, 'f.txt', 'utf-8', 'x', 'x')`,
    );
    const finding = t.sqlite.prepare("INSERT INTO findings (report_id, code, severity, message, source) VALUES (?, 'LATE', 'error', ?, 'parse')");
    t.sqlite.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        const orgId = Number(org.run(`镇${i}人民政府`, `镇${i}`).lastInsertRowid);
        const reportId = Number(report.run(orgId, `hash${i}`).lastInsertRowid);
        finding.run(reportId, `m${i}`);
      }
    })();
    const reports = t.stores.reports.reportsForYear(2021);
    expect(reports).toHaveLength(1201);
    for (const r of reports) {
      if (r.id === id) continue;
      expect(r.findings).toEqual([{ code: 'LATE', severity: 'error', message: `m${r.name.slice(1)}` }]);
    }
  });
});
