import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { runCli } from '../helpers/cli.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { readSeed, seedPath } from '../helpers/seeds.js';
import { writeFiles } from './variants.js';

/**
 * A worse version must not silently replace a better one: the same report cut off after its first
 * part (a page whose tables did not load) keeps the complete version current, is stored beside it,
 * and is said; --replace-worse makes it current on purpose. A correction with all its figures replaces.
 */

/** 康庄镇's report with only its title and part 一 (the first heading of part 二 and all after it gone). */
function cutAfterPartOne(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => /^二、/.test(l.trim()));
  if (end < 5) throw new Error('seed without a part 二 heading');
  return lines.slice(0, end).join('\n');
}

describe('a version with far fewer figures', () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
  });
  afterEach(() => t.dispose());

  const applications = () => {
    const report = t.stores.reports.currentReport(t.stores.reports.listOrgs().find((o) => o.name === '康庄镇')!.id, 2020)!;
    return { id: report.id, value: t.stores.reports.metric(report.id, 'applications.new.total')?.value };
  };

  it('is stored beside the complete one, which stays current, and is reported as held', async () => {
    const first = await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    expect(first.stored).toHaveLength(1);
    const before = applications();
    expect(before.value).toBe(1);

    const dir = writeFiles(join(t.dir, 'cut'), { 'kangzhuang-2020-cut.txt': cutAfterPartOne(readSeed('kangzhuang-2020')) });
    const second = await ingestPaths(t, [dir]);
    expect(second.replaced).toEqual([]);
    expect(second.held).toHaveLength(1);
    const held = second.held[0]!;
    if (held.status !== 'held') throw new Error('not held');
    expect(held.currentFigures).toBeGreaterThanOrEqual(10);
    expect(held.figures * 2).toBeLessThan(held.currentFigures);

    // The answer still comes from the complete version; the cut one is on file as a version.
    expect(applications()).toEqual(before);
    expect(t.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(2);

    // On purpose: --replace-worse makes it current (a new content hash is needed: the held one is on file).
    const again = writeFiles(join(t.dir, 'again'), { 'kangzhuang-2020-cut2.txt': `${cutAfterPartOne(readSeed('kangzhuang-2020'))}\n` });
    const forced = await ingestPaths(t, [again], { replaceWorse: true });
    expect(forced.replaced).toHaveLength(1);
    expect(applications().id).not.toBe(before.id);
  });

  it('ingest says so, names --replace-worse, and lists it as held in --json', async () => {
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    const dir = writeFiles(join(t.dir, 'cut'), { 'kangzhuang-2020-cut.txt': cutAfterPartOne(readSeed('kangzhuang-2020')) });
    const other = writeFiles(join(t.dir, 'other'), { 'kangzhuang-2020-cut2.txt': `${cutAfterPartOne(readSeed('kangzhuang-2020'))}\n` });
    const text = await runCli(['--db', t.path, 'ingest', dir]);
    const json = await runCli(['--db', t.path, 'ingest', other, '--json']);
    expect(text.stdout).toContain(`康庄镇2020年度 未替换：${join(dir, 'kangzhuang-2020-cut.txt')} 只有`);
    expect(text.stdout).toContain('--replace-worse');
    expect(JSON.parse(json.stdout)).toEqual({ stored: [], unchanged: [], replaced: [], held: [join(other, 'kangzhuang-2020-cut2.txt')], rejected: [] });
  });

  it('a correction that keeps its figures replaces as before', async () => {
    await ingestPaths(t, [seedPath('kangzhuang-2020')]);
    const corrected = readSeed('kangzhuang-2020').replace('康庄镇人民政府', '康庄镇人民政府 ');
    const dir = writeFiles(join(t.dir, 'fix'), { 'kangzhuang-2020-v2.txt': corrected });
    const r = await ingestPaths(t, [dir]);
    expect(r.replaced).toHaveLength(1);
    expect(r.held).toEqual([]);
  });
});
