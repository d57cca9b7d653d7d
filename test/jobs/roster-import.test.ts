import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { bj } from './helpers.js';

/** `nianbao roster import / remove` as a county office uses them: Excel files, fixes, removals. */

let t: TestDb;
let db: string[];
beforeEach(() => {
  t = createTestDb();
  db = ['--db', t.path];
});
afterEach(() => t.dispose());

const file = (name: string, content: string | Buffer) => {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
};
const importFile = (path: string, ...more: string[]) => runCli([...db, 'roster', 'import', path, ...more]);
const listed = async () =>
  (JSON.parse((await runCli([...db, 'roster', 'list', '--json'])).stdout).rows as Array<{ name: string; region: string | null; groups: string[] }>).map((r) => [
    r.region,
    r.name,
    r.groups,
  ]);
const bindings = () => t.stores.subscriptions.list().map((s) => [s.target.chatId, s.scope.name, s.scope.kind === 'org' ? s.scope.region : null, s.by]);

describe('roster import', () => {
  it('reads a GBK file as Excel saves it on Chinese Windows, header and all', async () => {
    const csv = '名称,地区,类型,联系群\r\n张家坡镇,沂源县,镇,telegram:-201\r\n南麻街道,沂源县,街道,\r\n';
    const r = await importFile(file('gbk.csv', iconv.encode(csv, 'gbk')), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ added: 2, updated: 0, groups: 1 });
    expect(await listed()).toEqual([
      ['沂源县', '南麻街道', []],
      ['沂源县', '张家坡镇', ['telegram:-201']],
    ]);
  });

  it('refuses garbage with the line it is on and a non-zero exit, importing nothing', async () => {
    // GB18030 bytes read as Latin-1 and saved again as UTF-8: what a wrong "save as" leaves.
    const mangled = iconv.decode(iconv.encode('张家坡镇', 'gbk'), 'latin1');
    const r = await importFile(file('bad.csv', `名称,地区\n南麻街道,沂源县\n${mangled},沂源县\n悦庄镇,12345\n`));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第3行：单位名称');
    expect(r.stderr).toContain('第4行：地区“12345”不像单位或县区名称');
    expect(await listed()).toEqual([]);
  });

  it('keeps a quoted cell with line breaks in one row, and numbers the lines after it right', () => {
    const r = parseRosterCsv('名称,地区,类型,联系群\n张家坡镇,沂源县,镇,"telegram:-1;\ntelegram:-2"\n悦庄镇,沂源县,村\n');
    expect(r.rows.map((x) => [x.name, x.contacts.map((c) => c.chatId)])).toEqual([['张家坡镇', ['-1', '-2']]]);
    expect(r.errors).toEqual(['第4行：不认识的类型“村”（可写 镇、乡、街道、部门、政府、管委会、片区管理局、开发区、其他）']);
    // A name split over two lines in its cell is still one name.
    expect(parseRosterCsv('"沂源县张家坡镇\n人民政府",沂源县\n').rows.map((x) => x.name)).toEqual(['张家坡镇']);
  });

  it('says which line repeats an organisation', () => {
    expect(parseRosterCsv('张家坡镇,沂源县\n悦庄镇,沂源县\n沂源县张家坡镇人民政府,沂源县\n').errors).toEqual(['第3行：与第1行是同一个单位（沂源县张家坡镇）']);
  });

  it('completes an entry when a county is added to its row, instead of making a second organisation', async () => {
    expect((await importFile(file('a.csv', '张家坡镇,,镇,telegram:-201\n'))).code).toBe(0);
    const r = await importFile(file('b.csv', '张家坡镇,沂源县,镇,telegram:-201\n'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 0, updated: 1 });
    expect(await listed()).toEqual([['沂源县', '张家坡镇', ['telegram:-201']]]);
    expect(t.stores.roster.listImported()).toEqual([{ name: '张家坡镇', region: '沂源县', kind: 'town' }]);
  });

  it('writes the entries and their bindings in one transaction: a failure half-way leaves nothing', async () => {
    // The database gives out at the second binding, as a kill there would stop the import.
    t.sqlite.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON subscriptions WHEN NEW.chat_id = '-202' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const r = await importFile(file('two.csv', '张家坡镇,沂源县,镇,telegram:-201\n悦庄镇,沂源县,镇,telegram:-202\n'));
    expect(r.code).not.toBe(0);
    expect(t.stores.roster.listImported()).toEqual([]);
    expect(t.stores.subscriptions.list()).toEqual([]);
  });
});

describe('roster remove and import --replace', () => {
  beforeEach(async () => {
    const csv = '名称,地区,类型,联系群\n张家坡镇,沂源县,镇,telegram:-201\n张家坡镇,博山区,镇,telegram:-301\n悦庄镇,沂源县,镇,telegram:-202\n';
    expect((await importFile(file('all.csv', csv))).code).toBe(0);
    t.stores.subscriptions.subscribe(
      { transport: 'telegram', chatId: '-9' },
      { kind: 'org', name: '悦庄镇', region: '沂源县' },
      'telegram:5',
      bj('2027-01-02T10:00'),
    );
  });

  it('removes one organisation and every group bound to it, asking the county when two share the name', async () => {
    const ambiguous = await runCli([...db, 'roster', 'remove', '张家坡镇']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('请用 --region 写明哪个县');
    const r = await runCli([...db, 'roster', 'remove', '张家坡镇', '--region', '博山区']);
    expect(r).toMatchObject({ code: 0, stdout: '已从名单删除 博山区张家坡镇，解除 1 个群的绑定。\n' });
    expect(await listed()).toEqual([
      ['沂源县', '悦庄镇', ['telegram:-202', 'telegram:-9']],
      ['沂源县', '张家坡镇', ['telegram:-201']],
    ]);
    expect((await runCli([...db, 'roster', 'remove', '火星镇'])).code).toBe(1);
  });

  it('--replace makes the file the whole list: others go, contact bindings follow the file, chat bindings stay', async () => {
    const r = await importFile(file('new.csv', '名称,地区,类型,联系群\n张家坡镇,沂源县,镇,telegram:-211\n悦庄镇,沂源县,镇,\n'), '--replace', '--json');
    expect(JSON.parse(r.stdout)).toEqual({ added: 0, updated: 2, removed: 1, groups: 1 });
    expect(await listed()).toEqual([
      ['沂源县', '悦庄镇', ['telegram:-9']],
      ['沂源县', '张家坡镇', ['telegram:-211']],
    ]);
    expect(bindings()).toEqual([
      ['-9', '悦庄镇', '沂源县', 'telegram:5'],
      ['-211', '张家坡镇', '沂源县', 'roster:import'],
    ]);
  });
});
