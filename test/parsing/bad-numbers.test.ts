import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/parsing/cells.js';
import { parseOk, readSeed } from '../helpers/seeds.js';

/** A cell of longtan-2020's 表二 (规范性文件, 本年新制作数量: 3) replaced by what broken files print. */
const seed = readSeed('longtan-2020');
const withCell = (raw: string) => seed.replace('规范性文件\t3\t3\t21', `规范性文件\t${raw}\t3\t21`);

describe('numbers no count can be', () => {
  const cases: Array<[string, string]> = [
    ['300 digits', '9'.repeat(300)],
    ['above 2^53', '9007199254740993'],
    ['Infinity', 'Infinity'],
    ['1e400', '1e400'],
    ['NaN', 'NaN'],
  ];
  for (const [name, raw] of cases) {
    it(`${name} is BAD_NUMBER and null, never a float`, () => {
      expect(readCell(raw).kind).toBe('text');
      const r = parseOk(withCell(raw));
      expect(r.metrics['active.normative_docs.new_made']).toBeNull();
      // The neighbours stay where they were.
      expect(r.metrics['active.normative_docs.new_published']).toBe(3);
      expect(r.metrics['active.normative_docs.total_published']).toBe(21);
      const bad = r.findings.filter((f) => f.code === 'BAD_NUMBER');
      expect(bad).toHaveLength(1);
      expect(bad[0]!.message.length).toBeLessThan(120);
    });
  }

  it('the largest exact count is still a number', () => {
    expect(readCell('900719925474099')).toEqual({ kind: 'number', value: 900719925474099, unit: null });
  });
});
