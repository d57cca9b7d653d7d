import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';
import { replaceAll, shiftYears, writeFiles } from './variants.js';

/**
 * Issue 12, names: seed reports renamed, put in Traditional script or given a misprinted county,
 * ingested into a real database and asked about through the command line, as an officer would.
 */

const NOW = ['--now', '2026-11-21T10:00:00+08:00'];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface Json {
  kind: string;
  text: string;
  rows: Array<{ name: string; year?: number; metric?: string; value?: number | null; status?: string }>;
}

describe('organisation names end to end', () => {
  let t: TestDb;
  let db: string[];
  beforeEach(() => {
    t = createTestDb();
    db = ['--db', t.path];
  });
  afterEach(() => t.dispose());

  const ingest = async (files: Record<string, string>) => {
    const dir = writeFiles(join(t.dir, `in-${Object.keys(files)[0]}`), files);
    const out = await runCli([...db, 'ingest', dir]);
    expect(out.code, out.stderr).toBe(0);
  };
  const ask = async (q: string): Promise<Json> => {
    const out = await runCli([...db, 'ask', q, ...NOW, '--json']);
    expect(out.code, out.stderr).toBe(0);
    return JSON.parse(out.stdout) as Json;
  };
  const orgs = () => t.stores.reports.listOrgs().map((o) => [o.region, o.name, o.kind]);
  const facts = (a: Json) => a.rows.map((r) => [r.name, r.year, r.metric, r.value]);

  describe('kinds', () => {
    /** longtan-2020 as the report of another office of 霍邱县. */
    const renamed = (org: string) =>
      replaceAll(replaceAll(replaceAll(readSeed('longtan-2020'), '霍邱县龙潭镇', `霍邱县${org}`), '龙潭镇人民政府', org), '龙潭镇', org);

    it('files a 开发区 管委会, a 片区管理局 and a 管委会 under their own kinds, and answers for them by name', async () => {
      await ingest({
        'kfq.txt': renamed('经济开发区管理委员会'),
        'pq.txt': renamed('城南片区管理局'),
        'gwh.txt': renamed('城西湖风景区管委会'),
        'czj.txt': renamed('财政局'),
      });
      expect(orgs()).toEqual(
        expect.arrayContaining([
          ['霍邱县', '霍邱县经济开发区管理委员会', 'dev_zone'],
          ['霍邱县', '霍邱县城南片区管理局', 'area_office'],
          ['霍邱县', '霍邱县城西湖风景区管委会', 'committee'],
          ['霍邱县', '霍邱县财政局', 'department'],
        ]),
      );
      const a = await ask('经济开发区管理委员会2020年依申请公开多少件');
      expect(facts(a)).toEqual([['霍邱县经济开发区管理委员会', 2020, 'applications.new.total', 0]]);
    });

    it('does not hold a 管委会 to the township rule on 规章 (TOWN_REGULATIONS_NONZERO)', () => {
      const withRegulations = (text: string) => replaceAll(text, '规章\t0\t0\t0', '规章\t1\t0\t1');
      expect(codes(parseOk(withRegulations(readSeed('longtan-2020'))))).toContain('TOWN_REGULATIONS_NONZERO');
      const zone = parseOk(withRegulations(renamed('经济开发区管理委员会')));
      expect(zone.kind).toBe('dev_zone');
      expect(codes(zone)).not.toContain('TOWN_REGULATIONS_NONZERO');
    });

    it('takes 管委会, 片区管理局 and 开发区 as roster kinds, in Chinese and in English', async () => {
      const csv = join(t.dir, 'roster.csv');
      writeFileSync(
        csv,
        [
          '名称,地区,类型',
          '城西湖风景区管委会,霍邱县,管委会',
          '城南片区管理局,霍邱县,area_office',
          '经济开发区管理委员会,霍邱县,开发区',
          '新区管委会,霍邱县,committee',
        ].join('\n'),
      );
      const out = await runCli([...db, 'roster', 'import', csv]);
      expect(out.code, out.stderr).toBe(0);
      const list = JSON.parse((await runCli([...db, 'roster', 'list', '--json'])).stdout) as { rows: Array<{ name: string; kind: string }> };
      expect(list.rows.map((r) => [r.name, r.kind])).toEqual(
        expect.arrayContaining([
          ['城西湖风景区管委会', 'committee'],
          ['城南片区管理局', 'area_office'],
          ['经济开发区管理委员会', 'dev_zone'],
          ['新区管委会', 'committee'],
        ]),
      );
    });
  });

  it('answers 哪些镇 with the 乡镇 and 街道, 哪些部门 with the 县直部门, 管委会 and 开发区 by their own words', async () => {
    await ingest({ 'lt.txt': readSeed('longtan-2020') });
    const csv = join(t.dir, 'roster.csv');
    writeFileSync(
      csv,
      [
        '名称,地区,类型',
        '龙潭镇,霍邱县,',
        '石店镇,霍邱县,',
        '城关街道,霍邱县,',
        '霍邱县财政局,霍邱县,',
        '经济开发区管委会,霍邱县,开发区',
        '城西湖风景区管委会,霍邱县,',
      ].join('\n'),
    );
    expect((await runCli([...db, 'roster', 'import', csv])).code).toBe(0);
    const missing = async (q: string) => (await ask(q)).rows.map((r) => r.name).sort();
    expect(await missing('霍邱县2020年哪些镇还没交')).toEqual(['城关街道', '石店镇'].sort());
    expect(await missing('霍邱县2020年哪些部门还没交')).toEqual(['霍邱县财政局']);
    expect(await missing('霍邱县2020年哪些管委会还没交')).toEqual(['城西湖风景区管委会', '经济开发区管委会'].sort());
    expect(await missing('霍邱县2020年哪些开发区还没交')).toEqual(['经济开发区管委会']);
    expect(await missing('霍邱县2020年哪些单位还没交')).toEqual(['城关街道', '城西湖风景区管委会', '经济开发区管委会', '石店镇', '霍邱县财政局'].sort());
  });

  describe('Traditional script', () => {
    it('files a Traditional report and a Simplified one that prints its name in Traditional under the one Simplified organisation', async () => {
      const seed = readSeed('kangzhuang-2020');
      const traditional = toTraditional(shiftYears(seed, 1));
      expect(traditional).toContain('康莊鎮人民政府');
      // A Simplified report with its own name typed in Traditional characters, too few of them for the
      // whole text to be taken as Traditional.
      const titleOnly = replaceAll(shiftYears(seed, 2), '康庄镇', '康莊鎮');
      await ingest({ 'k2020.txt': seed, 'k2021.txt': traditional, 'k2022.txt': titleOnly });
      expect(orgs()).toEqual([['临清市', '康庄镇', 'town']]);
      expect(t.stores.reports.reportsOf(t.stores.reports.listOrgs()[0]!.id).map((r) => r.year)).toEqual([2020, 2021, 2022]);

      expect(facts(await ask('康莊鎮2021年依申請公開多少件'))).toEqual([['康庄镇', 2021, 'applications.new.total', 1]]);
      expect(facts(await ask('康庄镇2022年依申请公开多少件'))).toEqual([['康庄镇', 2022, 'applications.new.total', 1]]);
    });

    it('shows the Simplified name in parse --json', async () => {
      const file = join(t.dir, 'k.txt');
      writeFileSync(file, replaceAll(readSeed('kangzhuang-2020'), '康庄镇', '康莊鎮'));
      const out = await runCli(['parse', file, '--json']);
      const json = JSON.parse(out.stdout) as { org: string; name: string; region: string };
      expect([json.org, json.name, json.region]).toEqual(['康庄镇人民政府', '康庄镇', '临清市']);
    });
  });

  describe('a county misprinted', () => {
    const longtan = readSeed('longtan-2020');
    const misprinted = replaceAll(longtan, '霍邱县', '霍丘县');
    /** 霍邱县石店镇: the same report as another town of the county, spelt right. */
    const shidian = replaceAll(longtan, '龙潭镇', '石店镇');

    it('keeps the county as printed and answers a question naming the right county, saying how it was read', async () => {
      await ingest({ 'lt.txt': misprinted });
      expect(orgs()).toEqual([['霍丘县', '龙潭镇', 'town']]);
      const a = await ask('霍邱县龙潭镇2020年依申请公开多少件');
      expect(facts(a)).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
      expect(a.text).toContain('“霍邱县龙潭镇”按霍丘县龙潭镇理解');
    });

    it('answers the printed county too when the right one is on file for other towns', async () => {
      await ingest({ 'lt.txt': misprinted, 'sd.txt': shidian });
      expect(orgs()).toEqual(
        expect.arrayContaining([
          ['霍丘县', '龙潭镇', 'town'],
          ['霍邱县', '石店镇', 'town'],
        ]),
      );
      const a = await ask('霍邱县龙潭镇2020年依申请公开多少件');
      expect(facts(a)).toEqual([['龙潭镇', 2020, 'applications.new.total', 0]]);
      expect(a.text).toContain('按霍丘县龙潭镇理解');
    });

    it('reads a misprint in the question as the one county on file it can be', async () => {
      await ingest({ 'zjp.txt': readSeed('zhangjiapo-2021') });
      const a = await ask('沂原县张家坡镇2021年依申请公开多少件');
      expect(facts(a)).toEqual([['张家坡镇', 2021, 'applications.new.total', expect.any(Number)]]);
      expect(a.text).toContain('“沂原县张家坡镇”按沂源县张家坡镇理解');
    });

    it('counts the misprinted report for the roster entry of the right county: 「霍邱县哪些镇还没交」', async () => {
      await ingest({ 'lt.txt': misprinted });
      const csv = join(t.dir, 'roster.csv');
      writeFileSync(csv, ['名称,地区', '龙潭镇,霍邱县', '石店镇,霍邱县'].join('\n'));
      expect((await runCli([...db, 'roster', 'import', csv])).code).toBe(0);
      const a = await ask('霍邱县2020年哪些镇还没交');
      expect(a.rows.map((r) => r.name)).toEqual(['石店镇']);
      // The roster has one 龙潭镇: the one on file under the misprinted county.
      const list = JSON.parse((await runCli([...db, 'roster', 'list', '--json'])).stdout) as { rows: Array<{ name: string; region: string }> };
      expect(list.rows.map((r) => [r.region, r.name])).toEqual([
        ['霍邱县', '龙潭镇'],
        ['霍邱县', '石店镇'],
      ]);
    });

    it('answers a county question by the misprinted county on file, and says so', async () => {
      await ingest({ 'lt.txt': misprinted });
      const a = await ask('霍邱县2020年哪些镇还没交');
      expect(a.kind).toBe('status');
      expect(a.text).toContain('“霍邱县”按霍丘县理解');
      expect(a.text).toContain('1个单位都已收录');
    });

    it('asks which county when the misprint could be either of two on file', async () => {
      const huoshan = replaceAll(shidian, '霍邱县', '霍山县');
      await ingest({ 'sd.txt': shidian, 'hs.txt': huoshan });
      const a = await ask('霍州县2020年哪些镇还没交');
      expect(a.kind).toBe('unknown');
      expect(a.text).toMatch(/“霍州县”可能是霍(?:山县或霍邱县|邱县或霍山县)，问的是哪一个/);
    });
  });
});
