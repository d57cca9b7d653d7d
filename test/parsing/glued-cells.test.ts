import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedReport } from '../../src/parsing/types.js';
import { codes, parseOk, readSeed } from '../helpers/seeds.js';

/**
 * Cells run together, as a crawled page prints a table that lost its separators: every table row of
 * a seed (rows on one line, tab-separated) becomes its label followed by its figures with nothing
 * between them. The values expected are the ones read from the seed before the transformation.
 */
const DIGITS = /^\d+$/;

function glueLine(line: string, keep: (index: number) => boolean, index: number): string {
  if (!line.includes('\t')) return line;
  const fields = line.split('\t').map((f) => f.trim());
  const first = fields.findIndex((f) => DIGITS.test(f));
  const cells = first === -1 ? [] : fields.slice(first);
  if (first === -1 || !cells.every((f) => f === '' || DIGITS.test(f))) return fields.filter((f) => f !== '').join(' ');
  const label = fields
    .slice(0, first)
    .filter((f) => f !== '')
    .join(' ');
  if (!keep(index)) return `${label}\t${cells.join('\t')}`;
  return label + cells.join('');
}

/** Glues the figures of the table rows between two headings; `keep(k)` picks which of the rows (k-th) to glue. */
function glueTables(text: string, from: string, to: string, keep: (k: number) => boolean = () => true): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  let k = 0;
  return lines.map((l, i) => (i > start && i < end && l.includes('\t') && /\t\d+(\t|$)/.test(l) ? glueLine(l, keep, k++) : l)).join('\n');
}

const T2_T3 = ['二、主动公开政府信息情况', '四、政府信息公开行政复议'] as const;

/** Every metric read from the glued text either equals the seed's or is null, and nulls are flagged. */
function expectFaithful(glued: ParsedReport, original: ParsedReport) {
  const lost: string[] = [];
  for (const [key, value] of Object.entries(original.metrics)) {
    const got = glued.metrics[key as keyof typeof glued.metrics];
    if (got === value) continue;
    expect(got, key).toBeNull();
    lost.push(key);
  }
  if (lost.length > 0) expect(codes(glued)).toContain('AMBIGUOUS_CELLS');
  // A split never invents a sum error the seed does not have.
  for (const code of ['T3_ROW_TOTAL', 'T3_BALANCE', 'T3_RESULT_SUM', 'T4_TOTAL']) {
    expect(codes(glued).filter((c) => c === code).length, code).toBeLessThanOrEqual(codes(original).filter((c) => c === code).length);
  }
  return lost;
}

describe('cells run together (crawled pages)', () => {
  it('splits every 表三 row of daliuzhuang-2022 by the sums, label glued to the figures', () => {
    const seed = readSeed('daliuzhuang-2022');
    const text = glueTables(seed, '三、收到和处理', T2_T3[1]);
    expect(text).toContain('本年新收政府信息公开申请数量0000000');
    const r = parseOk(text);
    expect(r.metrics).toEqual(parseOk(seed).metrics);
    expect(codes(r)).not.toContain('AMBIGUOUS_CELLS');
  });

  it('splits 表四 printed as one run of 15 digits (daliuzhuang-2022)', () => {
    const seed = readSeed('daliuzhuang-2022');
    const text = seed.replace(/^0(\t0){14}$/m, '0'.repeat(15));
    expect(text).not.toBe(seed);
    const r = parseOk(text);
    expect(r.metrics).toEqual(parseOk(seed).metrics);
    expect(codes(r).sort()).toEqual(codes(parseOk(seed)).sort());
  });

  it('reads 表二 rows with one reading (000) and leaves the others null with AMBIGUOUS_CELLS (longtan-2020)', () => {
    const seed = readSeed('longtan-2020');
    const text = glueTables(seed, T2_T3[0], '三、收到和处理');
    expect(text).toContain('其他对外管理服务事项1450186');
    const r = parseOk(text);
    const lost = expectFaithful(r, parseOk(seed));
    expect(r.metrics['active.regulations.new_made']).toBe(0);
    // 145|0|186 could as well be 14|50|186 or 1450|1|86: 表二 has no sums to decide it.
    expect(r.metrics['active.other_services.prev_items']).toBeNull();
    expect(lost).toContain('active.other_services.prev_items');
    expect(r.findings.find((f) => f.code === 'AMBIGUOUS_CELLS')?.severity).toBe('warning');
  });

  it('splits a 本年增/减 run (5+00) where one reading exists, and leaves 15+210 null', () => {
    const seed = readSeed('longtan-2020');
    const original = parseOk(seed);
    const one = parseOk(seed.replace('行政处罚\t5\t0\t0', '行政处罚\t5+00'));
    expect(one.metrics).toEqual(original.metrics);
    // 1|5|+210, 15|+2|10 and 15|+21|0 all print as 15+210.
    const r = parseOk(seed.replace('行政许可\t2\t0\t5', '行政许可\t15+210'));
    expect(r.metrics['active.licensing.prev_items']).toBeNull();
    expect(r.metrics['active.licensing.decisions']).toBeNull();
    expect(codes(r)).toContain('AMBIGUOUS_CELLS');
    expect(r.metrics['active.penalty.prev_items']).toBe(5);
  });

  /** 表三 of longtan-2020 (the 2019 form) with figures that satisfy every sum, row by row (23 rows of 7). */
  const T3_ROWS = 23;
  const NEW = 0;
  const HANDLED = 21;
  const table = fc
    .record({
      results: fc.array(fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 60 })), { minLength: 6, maxLength: 6 }), {
        minLength: 19,
        maxLength: 19,
      }),
      forward: fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }),
      over: fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }),
    })
    .map(({ results, forward, over }) => {
      const handled = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, r) => s + r[c]!, 0));
      const co = over.map((v, c) => Math.min(v, handled[c]! + forward[c]!));
      const nw = handled.map((h, c) => h + forward[c]! - co[c]!);
      const rows = [nw, co, ...results, handled, forward].map((six) => [...six, six.reduce((a, b) => a + b, 0)]);
      expect(rows.length).toBe(T3_ROWS);
      return rows;
    });

  function withTable(rows: readonly number[][]): string {
    let k = 0;
    const seed = readSeed('longtan-2020');
    const start = seed.indexOf('一、本年新收');
    const end = seed.indexOf('四、政府信息公开行政复议');
    const body = seed
      .slice(start, end)
      .split('\n')
      .map((line) => {
        const m = /^(.*?)((?:\t0)+)\t?$/.exec(line);
        if (!m || k >= rows.length) return line;
        return `${m[1]}\t${rows[k++]!.join('\t')}`;
      })
      .join('\n');
    expect(k).toBe(T3_ROWS);
    return seed.slice(0, start) + body + seed.slice(end);
  }

  it('splits 461000047 as 46, 1, 0, 0, 0, 0, 47 in 一、本年新收', () => {
    const rows = Array.from({ length: T3_ROWS }, () => [0, 0, 0, 0, 0, 0, 0]);
    rows[NEW] = [46, 1, 0, 0, 0, 0, 47];
    rows[2] = [40, 1, 0, 0, 0, 0, 41];
    rows[3] = [6, 0, 0, 0, 0, 0, 6];
    rows[HANDLED] = [46, 1, 0, 0, 0, 0, 47];
    const text = withTable(rows);
    const glued = glueTables(text, '三、收到和处理', T2_T3[1], (k) => k === NEW);
    expect(glued).toContain('本年新收政府信息公开申请数量461000047');
    const r = parseOk(glued);
    expect(r.metrics).toEqual(parseOk(text).metrics);
    expect(r.metrics['applications.new.natural']).toBe(46);
    expect(r.metrics['applications.new.org_commercial']).toBe(1);
  });

  it('decides by 一+二 = （七）+四 a row its own total cannot, and flags the row when nothing decides it', () => {
    const rows = Array.from({ length: T3_ROWS }, () => [0, 0, 0, 0, 0, 0, 0]);
    // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both print as 110000011.
    rows[NEW] = [11, 0, 0, 0, 0, 0, 11];
    rows[2] = [11, 0, 0, 0, 0, 0, 11];
    rows[HANDLED] = [11, 0, 0, 0, 0, 0, 11];
    const text = withTable(rows);
    const decided = parseOk(glueTables(text, '三、收到和处理', T2_T3[1], (k) => k === NEW));
    expect(decided.metrics['applications.new.natural']).toBe(11);
    expect(codes(decided)).not.toContain('AMBIGUOUS_CELLS');
    // Glue 一, (一) and (七) together: the sums hold for 11|0 and for 1|10 alike.
    const undecided = parseOk(glueTables(text, '三、收到和处理', T2_T3[1], (k) => k === NEW || k === 2 || k === HANDLED));
    expect(undecided.metrics['applications.new.natural']).toBeNull();
    expect(undecided.metrics['applications.new.org_commercial']).toBeNull();
    expect(undecided.metrics['applications.new.total']).toBe(11);
    expect(codes(undecided)).toContain('AMBIGUOUS_CELLS');
    expect(codes(undecided)).not.toContain('T3_ROW_TOTAL');
    expect(codes(undecided)).not.toContain('T3_BALANCE');
  });

  it('uses the prose figure (共受理申请66件) when the sums of the table leave two splits', () => {
    const rows = Array.from({ length: T3_ROWS }, () => [0, 0, 0, 0, 0, 0, 0]);
    // 0,0,12,19,6,29,66 and 0,0,1,2,1,962,966 both print as 00121962966 and both add up.
    for (const k of [NEW, 2, HANDLED]) rows[k] = [0, 0, 12, 19, 6, 29, 66];
    const text = withTable(rows);
    const glued = glueTables(text, '三、收到和处理', T2_T3[1], (k) => k === NEW || k === 2 || k === HANDLED);
    expect(glued).toContain('本年新收政府信息公开申请数量00121962966');
    const none = '2020年我镇尚未收到依申请公开申请事项';
    expect(glued).toContain(none);
    // The seed's prose says no application came: it contradicts both splits and decides nothing.
    const undecided = parseOk(glued);
    expect(undecided.metrics['applications.new.total']).toBeNull();
    expect(codes(undecided)).toContain('AMBIGUOUS_CELLS');
    const r = parseOk(glued.replace(none, '2020年我镇共受理依申请公开申请66件'));
    expect(r.metrics['applications.new.total']).toBe(66);
    expect(r.metrics['applications.handled.org_other']).toBe(29);
    expect(codes(r)).not.toContain('AMBIGUOUS_CELLS');
  });

  it('never reads a value the seed does not have, and flags every cell it leaves null (property)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.boolean(), { minLength: T3_ROWS, maxLength: T3_ROWS }), (rows, glue) => {
        const text = withTable(rows);
        const original = parseOk(text);
        expect(codes(original)).not.toContain('T3_BALANCE');
        const glued = parseOk(glueTables(text, '三、收到和处理', T2_T3[1], (k) => glue[k] === true));
        expectFaithful(glued, original);
      }),
      { numRuns: 60 },
    );
  });
});
