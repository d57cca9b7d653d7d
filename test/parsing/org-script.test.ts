import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { canonicalName, toSimplifiedChinese } from '../../src/parsing/traditional.js';

describe('one script for names', () => {
  it('turns a name printed in Traditional into its Simplified form, and leaves a Simplified one as it is', () => {
    expect(canonicalName('康莊鎮人民政府')).toBe('康庄镇人民政府');
    expect(canonicalName('霍邱縣龍潭鎮')).toBe('霍邱县龙潭镇');
    expect(canonicalName('沂源县张家坡镇')).toBe('沂源县张家坡镇');
  });

  it('keeps 乾 in place names (乾縣 is 乾县, not 干县)', () => {
    expect(toSimplifiedChinese('乾縣城關鎮')).toBe('乾县城关镇');
    expect(canonicalName('乾安縣')).toBe('乾安县');
    expect(canonicalName('乾县')).toBe('乾县');
  });

  it('files roster names written in Traditional under the Simplified name', () => {
    const r = parseRosterCsv('名称,地区\n康莊鎮,臨清市\n');
    expect(r.rows.map((x) => [x.name, x.region, x.kind])).toEqual([['康庄镇', '临清市', 'town']]);
  });
});
