import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ingestPaths, PARSE_POOL_MIN_FILES } from '../../src/ingest/ingest.js';
import { createTestDb, tempDir, type TestDb } from '../helpers/db.js';
import { readSeed } from '../helpers/seeds.js';
import { replaceAll, shiftYears, writeFiles } from '../ingest/variants.js';

/**
 * 「哪些镇还没交」 over more organisations than a county: who is missing is worked out once per
 * database state (the matching of the roster against a year of reports). Every change of the
 * database — a report filed, a roster entry added — must show in the very next answer.
 */

const SEED = readSeed('zhangjiapo-2021');
const CHARS = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];
const REGIONS = ['青岚县', '潼湾县', '梧桐区'];
const N = PARSE_POOL_MIN_FILES + 10;
const town = (i: number) => `${CHARS[i % CHARS.length]}${CHARS[40 + Math.floor(i / CHARS.length)]}镇`;
const region = (i: number) => REGIONS[i % REGIONS.length]!;
const reportOf = (i: number) => replaceAll(replaceAll(SEED, '张家坡镇', town(i)), '沂源县', region(i));
/** Towns on the roster that have not filed (every seventh). */
const UNFILED = Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 3);

describe('who has not filed, nationally, as the database changes', () => {
  let t: TestDb;
  let app: App;
  afterEach(() => {
    app.close();
    t.dispose();
  });

  it('lists exactly the roster entries without a report, and follows each change', async () => {
    t = createTestDb();
    const files: Record<string, string> = {};
    for (let i = 0; i < N; i++) if (!UNFILED.includes(i)) files[`r${i}.txt`] = reportOf(i);
    // The first of them is on file already, with the year before's report: filing changes no organisation.
    files['filer-2020.txt'] = shiftYears(reportOf(UNFILED[0]!), -1);
    await ingestPaths(t, [writeFiles(tempDir(), files)], { workers: 0 });
    const loaded = loadConfig({ NIANBAO_DB: t.path });
    if (!loaded.ok) throw new Error(loaded.message);
    // After the 2021 reports' deadline: those still missing are overdue.
    const now = new Date('2022-03-01T02:00:00Z');
    app = openApp(loaded.config, { now: () => now });
    const missing = (q: string) =>
      app.core
        .ask(q)
        .rows.map((r) => r.name)
        .sort();
    const expected = (ids: number[]) => ids.map(town).sort();

    // No roster yet: those on file decide who must report, and the answer says so.
    const before = app.core.ask('2021年哪些镇还没交');
    expect(before.rows.map((r) => r.name)).toEqual([town(UNFILED[0]!)]);
    expect(before.text).toContain('没有应报名单，按收录过报告的单位统计');

    app.stores.roster.import(
      Array.from({ length: N }, (_, i) => ({ name: town(i), region: region(i), kind: 'town' as const })),
      now,
    );
    expect(app.core.ask('2021年哪些镇还没交').text).not.toContain('没有应报名单');

    expect(missing('2021年哪些镇还没交')).toEqual(expected(UNFILED));
    // Asked again from what was worked out: the same.
    expect(missing('2021年哪些镇还没交')).toEqual(expected(UNFILED));
    expect(missing('青岚县2021年哪些镇还没交')).toEqual(expected(UNFILED.filter((i) => region(i) === '青岚县')));

    // One of them files: gone from the next answer, nationally and in its county.
    const filer = UNFILED[0]!;
    const orgsBefore = app.stores.reports.listOrgs().length;
    await ingestPaths(app.db, [writeFiles(tempDir(), { 'late.txt': reportOf(filer) })]);
    expect(app.stores.reports.listOrgs()).toHaveLength(orgsBefore);
    expect(missing('2021年哪些镇还没交')).toEqual(expected(UNFILED.slice(1)));
    expect(missing(`${region(filer)}2021年哪些镇还没交`)).toEqual(expected(UNFILED.slice(1).filter((i) => region(i) === region(filer))));

    // A town added to the roster: in the next answer.
    app.stores.roster.import([{ name: '新设镇', region: '潼湾县', kind: 'town' }], now);
    expect(missing('2021年哪些镇还没交')).toEqual([...expected(UNFILED.slice(1)), '新设镇'].sort());
    expect(missing('潼湾县2021年哪些镇还没交')).toContain('新设镇');
  });
});
