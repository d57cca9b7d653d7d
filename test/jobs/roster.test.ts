import { describe, expect, it } from 'vitest';
import type { OrgRecord } from '../../src/bot/core/store.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { mergeRoster } from '../../src/jobs/roster.js';

describe('roster files', () => {
  it('reads name, region, kind and contact group, with a Chinese header in any order', () => {
    const r = parseRosterCsv(
      '\uFEFF地区,名称,联系群,类型\r\n临清市,康庄镇,telegram:-1001,镇\r\n临清市,新华路街道,,\r\n霍邱县,霍邱县财政局,wechat:123@chatroom,部门\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { name: '康庄镇', region: '临清市', kind: 'town', contacts: [{ transport: 'telegram', chatId: '-1001' }] },
      { name: '新华路街道', region: '临清市', kind: 'subdistrict', contacts: [] },
      { name: '霍邱县财政局', region: '霍邱县', kind: 'department', contacts: [{ transport: 'wechat', chatId: '123@chatroom' }] },
    ]);
  });

  it('takes name,region,kind,contact without a header, and shortens full names', () => {
    const r = parseRosterCsv('# 临清市的乡镇\n临清市康庄镇人民政府,临清市\n龙潭镇\n"唐园镇",临清市,town\n');
    expect(r.rows.map((x) => [x.name, x.region, x.kind])).toEqual([
      ['康庄镇', '临清市', 'town'],
      ['龙潭镇', null, 'town'],
      ['唐园镇', '临清市', 'town'],
    ]);
  });

  it('names each bad line and what is wrong with it', () => {
    const r = parseRosterCsv('name,region,kind,contact\n,临清市\n康庄镇,临清市,村\n唐园镇,临清市,镇,qq:123\n');
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      '第2行：缺少单位名称',
      '第3行：不认识的类型“村”（可写 镇、乡、街道、部门、政府、管委会、片区管理局、开发区、其他）',
      '第4行：联系群应写成 telegram:群号、wechat:群ID、wecom:机器人key、dingtalk:access_token[:加签密钥]、feishu:机器人hook[:签名密钥]',
    ]);
  });

  it('reads 管委会, 片区管理局 and 开发区 as kinds of their own, in Chinese or English, and guesses them from the name', () => {
    const r = parseRosterCsv(
      [
        '名称,地区,类型',
        '城西湖风景区管委会,霍邱县,管委会',
        '城南片区管理局,霍邱县,片区管理局',
        '经济开发区管委会,霍邱县,开发区',
        '新区管委会,霍邱县,committee',
        '城北片区管理局,霍邱县,area_office',
        '高新区管委会,霍邱县,dev_zone',
        '霍邱县经济开发区管理委员会,霍邱县,',
        '霍邱县城东片区管理局,霍邱县,',
        '霍邱县临淮岗管理委员会,霍邱县,',
        '霍邱县财政局,霍邱县,县直部门',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.kind)).toEqual([
      'committee',
      'area_office',
      'dev_zone',
      'committee',
      'area_office',
      'dev_zone',
      'dev_zone',
      'area_office',
      'committee',
      'department',
    ]);
  });

  it('splits quoted cells and full-width commas', () => {
    const r = parseRosterCsv('康庄镇，临清市\n"唐园镇",临清市,,"telegram:-1;telegram:-2"\n');
    expect(r.rows.map((x) => [x.name, x.region, x.contacts.length])).toEqual([
      ['康庄镇', '临清市', 0],
      ['唐园镇', '临清市', 2],
    ]);
  });
});

describe('the roster', () => {
  const org = (id: number, name: string, region: string | null): OrgRecord => ({ id, org: `${name}人民政府`, name, region, kind: 'town', aliases: [] });

  it('adds organisations found in reports, and merges a region-less one into the single entry of its name', () => {
    const roster = mergeRoster(
      [
        { name: '康庄镇', region: '临清市', kind: 'town' },
        { name: '唐园镇', region: '临清市', kind: 'town' },
      ],
      [org(1, '康庄镇', '临清市'), org(2, '唐园镇', null), org(3, '龙潭镇', '霍邱县'), org(4, '棉洋镇', null)],
    );
    // Regions, then names, in pinyin order: 霍(huò) before 临(lín).
    expect(roster.map((e) => [e.region, e.name, e.source])).toEqual([
      ['霍邱县', '龙潭镇', 'reports'],
      ['临清市', '康庄镇', 'both'],
      ['临清市', '唐园镇', 'both'],
      [null, '棉洋镇', 'reports'],
    ]);
  });

  it('takes a town on file under a misprinted county as the entry of the one county it misprints, and no other', () => {
    const huoqiu = [
      { name: '龙潭镇', region: '霍邱县', kind: 'town' as const },
      { name: '城关镇', region: '霍邱县', kind: 'town' as const },
    ];
    expect(mergeRoster(huoqiu, [org(1, '龙潭镇', '霍丘县')]).map((e) => [e.region, e.name, e.source])).toEqual([
      ['霍邱县', '城关镇', 'import'],
      ['霍邱县', '龙潭镇', 'both'],
    ]);
    // With 霍山县 on the list too, 霍丘县 is one character off two counties: not guessed, an entry of its own.
    const both = [...huoqiu, { name: '龙潭镇', region: '霍山县', kind: 'town' as const }];
    expect(mergeRoster(both, [org(1, '龙潭镇', '霍丘县')]).map((e) => [e.region, e.name, e.source])).toEqual([
      ['霍丘县', '龙潭镇', 'reports'],
      ['霍邱县', '城关镇', 'import'],
      ['霍邱县', '龙潭镇', 'import'],
      ['霍山县', '龙潭镇', 'import'],
    ]);
  });

  it('keeps two towns of one name in different counties apart', () => {
    const roster = mergeRoster([{ name: '张家坡镇', region: '沂源县', kind: 'town' }], [org(1, '张家坡镇', '淄川区')]);
    expect(roster.map((e) => `${e.region}${e.name}`)).toEqual(['沂源县张家坡镇', '淄川区张家坡镇']);
  });
});
