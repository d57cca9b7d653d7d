import { describe, expect, it } from 'vitest';
import { buildOrgIndex } from '../../src/bot/core/orgs.js';
import { readSlots, type Slots } from '../../src/bot/core/question.js';
import type { OrgRecord } from '../../src/bot/core/store.js';
import { normalizeQuestion } from '../../src/bot/core/text.js';

let id = 0;
const org = (name: string, region: string | null, full = `${region ?? ''}${name}人民政府`, aliases: string[] = []): OrgRecord => ({
  id: ++id,
  org: full,
  name,
  region,
  kind: 'town',
  aliases,
});

const seeds = [
  org('康庄镇', '临清市', '康庄镇人民政府'),
  org('龙潭镇', '霍邱县', '龙潭镇人民政府'),
  org('棉洋镇', null, '棉洋镇人民政府'),
  org('大刘庄镇', null, '大刘庄镇人民政府'),
  org('张家坡镇', '沂源县'),
];
const index = buildOrgIndex(seeds);
const slots = (q: string, idx = index): Slots => readSlots(normalizeQuestion(q), { index: idx, currentYear: 2026 });
const names = (s: Slots) => s.mentions.map((m) => m.candidates.map((c) => c.name).join('|'));

describe('organisation slot', () => {
  it.each([
    ['康庄镇2020年', '康庄镇'],
    ['康庄2020年', '康庄镇'],
    ['康庄镇人民政府', '康庄镇'],
    ['康庄镇政府', '康庄镇'],
    ['临清市康庄镇', '康庄镇'],
    ['临清康庄镇', '康庄镇'],
    ['沂源县张家坡镇人民政府', '张家坡镇'],
    ['沂源县张家坡镇', '张家坡镇'],
    ['沂源张家坡', '张家坡镇'],
    ['张家坡', '张家坡镇'],
    ['大刘庄', '大刘庄镇'],
    ['康莊鎮', '康庄镇'],
    ['龍潭鎮', '龙潭镇'],
  ])('%s → %s', (q, want) => {
    expect(names(slots(q))).toEqual([want]);
    expect(slots(q).mentions[0]!.match).toBe('exact');
  });

  it('matches a one-character homophone, with or without 镇', () => {
    for (const [q, want] of [
      ['康装镇', '康庄镇'],
      ['康装', '康庄镇'],
      ['龙谭镇', '龙潭镇'],
      ['张佳坡镇', '张家坡镇'],
      ['棉阳镇', '棉洋镇'],
      ['大刘壮镇', '大刘庄镇'],
    ]) {
      const s = slots(q!);
      expect(names(s), q).toEqual([want]);
      expect(s.mentions[0]!.match, q).toBe('homophone');
    }
  });

  it('matches a one-character typo when the name keeps its 镇 and has three characters', () => {
    const s = slots('张家玻镇2021年');
    expect(names(s)).toEqual(['张家坡镇']);
    expect(s.mentions[0]!.match).toBe('typo');
    expect(names(slots('大刘镇'))).toEqual(['大刘庄镇']);
  });

  it('does not guess a two-character name from one matching character', () => {
    const s = slots('康乐镇2020年');
    expect(s.mentions).toEqual([]);
    expect(s.unknown.map((u) => u.name)).toEqual(['康乐镇']);
    expect(s.unknown[0]!.nearest[0]!.name).toBe('康庄镇');
  });

  it('reads several organisations in the order written', () => {
    expect(names(slots('康庄镇和龙潭镇'))).toEqual(['康庄镇', '龙潭镇']);
    expect(names(slots('康庄、龙潭'))).toEqual(['康庄镇', '龙潭镇']);
    expect(names(slots('龙潭跟康庄比'))).toEqual(['龙潭镇', '康庄镇']);
    expect(names(slots('康庄,龙潭,棉洋'))).toEqual(['康庄镇', '龙潭镇', '棉洋镇']);
  });

  it('reads a region on its own (临清市各镇)', () => {
    const s = slots('临清市各镇依申请公开');
    expect(s.mentions).toEqual([]);
    expect(s.regions.map((r) => r.region)).toEqual(['临清市']);
    expect(slots('霍邱的镇').regions.map((r) => r.region)).toEqual(['霍邱县']);
  });

  it('keeps both candidates of a shared name, and the county narrows them later', () => {
    const twin = org('张家坡镇', '博山县');
    const idx = buildOrgIndex([...seeds, twin]);
    expect(names(slots('张家坡镇2021年', idx))).toEqual(['张家坡镇|张家坡镇']);
    expect(slots('博山县张家坡镇', idx).mentions[0]!.candidates.map((c) => c.region)).toEqual(['博山县']);
    expect(slots('博山张家坡', idx).mentions[0]!.candidates.map((c) => c.region)).toEqual(['博山县']);
  });

  it('recognises aliases', () => {
    const idx = buildOrgIndex([org('城关街道', '某县', '某县城关街道办事处', ['城关办'])]);
    expect(names(slots('城关办2021年', idx))).toEqual(['城关街道']);
    expect(names(slots('城关街道办事处', idx))).toEqual(['城关街道']);
    expect(names(slots('城关', idx))).toEqual(['城关街道']);
  });

  it('names an unknown place with its suffix, without the words around it', () => {
    expect(slots('李家镇2020年').unknown.map((u) => u.name)).toEqual(['李家镇']);
    expect(slots('请问一下李家镇').unknown.map((u) => u.name)).toEqual(['李家镇']);
    expect(slots('康庄镇和王集乡').unknown.map((u) => u.name)).toEqual(['王集乡']);
  });

  it('does not take words like 各镇, 哪个镇, 乡镇, 全镇 for places', () => {
    for (const q of ['各镇', '哪个镇最多', '乡镇', '全镇', '各乡镇', '每个镇', '所有镇', '城镇']) {
      const s = slots(q);
      expect(s.unknown, q).toEqual([]);
      expect(s.mentions, q).toEqual([]);
    }
  });

  it('finds no organisation in questions about none', () => {
    for (const q of ['哪些报告不完整', '今年的年报什么时候截止', '依申请公开多少件', '帮助']) {
      expect(slots(q).mentions, q).toEqual([]);
    }
  });
});

describe('county departments and governments', () => {
  const dept = org('沂源县教育局', '沂源县', '沂源县教育局');
  const gov = org('沂源县人民政府', '沂源县', '沂源县人民政府');
  const idx = buildOrgIndex([...seeds, dept, gov]);

  it('finds a department with or without its county', () => {
    expect(names(slots('沂源县教育局2021年依申请公开', idx))).toEqual(['沂源县教育局']);
    expect(names(slots('教育局2021年依申请公开', idx))).toEqual(['沂源县教育局']);
  });

  it('finds the county government by 县政府 names, and never by a bare 政府', () => {
    expect(names(slots('沂源县政府2021年', idx))).toEqual(['沂源县人民政府']);
    expect(slots('政府信息公开申请多少', idx).mentions).toEqual([]);
  });

  it('still reads the county alone as a region', () => {
    expect(slots('沂源县各镇依申请公开', idx).regions.map((r) => r.region)).toEqual(['沂源县']);
  });

  it('names an unknown department', () => {
    expect(slots('卫健局2021年依申请公开', idx).unknown.map((u) => u.name)).toEqual(['卫健局']);
  });
});
