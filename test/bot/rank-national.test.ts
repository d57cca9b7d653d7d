import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/bot/core/index.js';
import { MaskedText } from '../../src/bot/core/masked.js';
import { readMetrics } from '../../src/bot/core/metrics.js';
import { figureLookup } from '../../src/bot/core/execute/read.js';
import { normalizeQuestion } from '../../src/bot/core/text.js';
import type { ParsedReport } from '../../src/parsing/types.js';
import { createMemoryStore, parseFile } from '../helpers/memory-store.js';
import { SEED_NAMES, seedPath } from '../helpers/seeds.js';
import { at } from './table.js';

/**
 * A ranking over more organisations than are read one by one: the whole year is read as lean
 * columns. Each organisation's figure must be exactly the one read one by one.
 */
const CHARS = [...'安柏宝碧滨昌朝辰川春丹岱峨丰枫福阜港葛谷瀚禾鹤恒红洪虎华桦怀桓黄徽嘉江蛟锦晋靖峻凯岚兰澜黎莲林临'];

function nationalStore() {
  const store = createMemoryStore();
  const seeds = SEED_NAMES.map((n) => parseFile(seedPath(n)));
  for (let i = 0; i < 90; i++) {
    const seed = seeds[i % seeds.length]!;
    const name = `${CHARS[i % CHARS.length]}${CHARS[(i * 7 + 3) % CHARS.length]}镇`;
    const metrics = { ...seed.metrics };
    // Figures that differ, tie, and go blank; a report without standard tables now and then.
    if (typeof metrics['applications.new.total'] === 'number') metrics['applications.new.total'] = i % 13;
    if (i % 11 === 0) metrics['applications.new.total'] = null;
    const report: ParsedReport = {
      ...seed,
      name,
      org: `${name}人民政府`,
      region: `${CHARS[i % 9]}${CHARS[30 + (i % 5)]}县`,
      year: 2021,
      metrics,
      format: i % 17 === 0 ? 'unknown' : seed.format,
    };
    store.add(report, `${i}.txt`);
  }
  // Organisations on file without a 2021 report.
  for (let i = 0; i < 5; i++) store.addOrg({ org: `无报告${i}镇人民政府`, name: `无报告${CHARS[i]}镇`, region: null, kind: 'town', aliases: [] });
  return store;
}

const ask = (q: string) => readMetrics(new MaskedText(normalizeQuestion(q)))[0]!;

describe('national rankings', () => {
  const store = nationalStore();
  const memo = <T>(_: string, make: () => T) => make();
  const ctx = { store, memo };
  const orgs = store.listOrgs();

  it.each(['依申请公开', '行政许可处理决定', '规范性文件制发', '行政事业性收费', '行政复议', '主动公开信息'])(
    'reads %s for the whole year exactly as one organisation at a time',
    (phrase) => {
      expect(orgs.length).toBeGreaterThan(64);
      const a = ask(phrase);
      const national = figureLookup(ctx, orgs, 2021, a);
      const all = orgs.map((o) => national(o));
      const oneByOne = orgs.map((o) => figureLookup(ctx, [o], 2021, a)(o));
      expect(all).toEqual(oneByOne);
      expect(new Set(all.map((f) => f.state)).size).toBeGreaterThan(1);
    },
  );

  it('ranks the top ten of the whole country with shared places', () => {
    const core = createCore({ store, now: () => at('2026-11-21') });
    const a = core.ask('2021年依申请公开前10名');
    expect(a.kind).toBe('rank');
    const ranked = a.rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(10);
    expect(ranked.every((r, i) => i === 0 || (r.value as number) <= (ranked[i - 1]!.value as number))).toBe(true);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((r) => 1 + ranked.findIndex((x) => x.value === r.value)));
    expect(a.text).toContain('另有5个单位没有2021年度报告');
  });
});
