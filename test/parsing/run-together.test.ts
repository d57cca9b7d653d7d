import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowCandidates, solveRunTogether, type Equation, type RunRow } from '../../src/parsing/tables/run-together.js';

/** 总计 (column 6) = Σ of the six applicant columns, for one row. */
const rowTotal = (row: number): Equation => [...[0, 1, 2, 3, 4, 5].map((col) => ({ row, col, coef: 1 })), { row, col: 6, coef: -1 }];

const glue = (cells: readonly number[]) => cells.map(String).join('');

describe('rowCandidates', () => {
  it('cuts a run of digits into the row’s cells, without leading zeros', () => {
    // 1|2|03 has a leading zero: not a reading.
    expect(rowCandidates({ pieces: ['1203'], columns: 3 })).toEqual([
      [1, 20, 3],
      [12, 0, 3],
    ]);
  });

  it('starts a new cell at a sign inside a piece (15+210 in a 本年增/减 column)', () => {
    const c = rowCandidates({ pieces: ['15+210'], columns: 3 });
    expect(c).toContainEqual([15, 2, 10]);
    expect(c).toContainEqual([15, 21, 0]);
    expect(c.every((r) => r.length === 3)).toBe(true);
  });

  it('keeps blank pieces as blank cells and refuses text', () => {
    expect(rowCandidates({ pieces: ['', '12'], columns: 3 })).toEqual([[null, 1, 2]]);
    expect(rowCandidates({ pieces: ['约3'], columns: 1 })).toEqual([]);
    expect(rowCandidates({ pieces: ['1', '2', '3'], columns: 2 })).toEqual([]);
  });

  it('is bounded on a 300-digit piece', () => {
    expect(rowCandidates({ pieces: ['9'.repeat(300)], columns: 7 })).toEqual([]);
    expect(rowCandidates({ pieces: ['1'.repeat(40)], columns: 7 }).length).toBeLessThanOrEqual(5000);
  });
});

describe('solveRunTogether', () => {
  it('splits 461000047 as 46, 1, 0, 0, 0, 0, 47 by the row total alone', () => {
    const r = solveRunTogether([{ pieces: ['461000047'], columns: 7 }], [rowTotal(0)]);
    expect(r.cells[0]).toEqual([46, 1, 0, 0, 0, 0, 47]);
    expect(r.ambiguous).toEqual([false]);
    expect(r.solutions).toBe(1);
  });

  it('leaves cells null and flags the row when two splits fit', () => {
    // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both print as 110000011.
    const r = solveRunTogether([{ pieces: ['110000011'], columns: 7 }], [rowTotal(0)]);
    expect(r.solutions).toBeGreaterThan(1);
    expect(r.ambiguous).toEqual([true]);
    expect(r.cells[0]![0]).toBeNull();
    expect(r.cells[0]![1]).toBeNull();
    // Cells every split agrees on are read.
    expect(r.cells[0]!.slice(2)).toEqual([0, 0, 0, 0, 11]);
  });

  it('uses sums across rows to decide a row its own total cannot', () => {
    // Row 0 = row 1 + row 2 in every column (一 = (一)+(二) style); row 1 is ambiguous alone.
    const rows: RunRow[] = [
      { pieces: ['11', '0', '0', '0', '0', '0', '11'], columns: 7 },
      { pieces: ['110000011'], columns: 7 },
      { pieces: ['0', '0', '0', '0', '0', '0', '0'], columns: 7 },
    ];
    const columnSums: Equation[] = [0, 1, 2, 3, 4, 5, 6].map((col) => [
      { row: 0, col, coef: 1 },
      { row: 1, col, coef: -1 },
      { row: 2, col, coef: -1 },
    ]);
    const r = solveRunTogether(rows, [rowTotal(0), rowTotal(1), rowTotal(2), ...columnSums]);
    expect(r.cells[1]).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(r.ambiguous).toEqual([false, false, false]);
  });

  it('reads nothing from a run that fits no split', () => {
    const r = solveRunTogether([{ pieces: ['99999'], columns: 7 }], [rowTotal(0)]);
    expect(r.solutions).toBe(0);
    expect(r.cells[0]).toEqual([null, null, null, null, null, null, null]);
    expect(r.ambiguous).toEqual([true]);
  });

  const applicantRow = fc.array(fc.nat({ max: 120 }), { minLength: 6, maxLength: 6 }).map((six) => [...six, six.reduce((a, b) => a + b, 0)]);

  it('never returns a split that breaks a sum, and decided cells are the printed ones (property)', () => {
    fc.assert(
      fc.property(fc.array(applicantRow, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (table, glued) => {
        const rows: RunRow[] = table.map((cells, i) => ({ pieces: glued[i] ? [glue(cells)] : cells.map(String), columns: 7 }));
        const eqs = table.map((_, i) => rowTotal(i));
        const r = solveRunTogether(rows, eqs);
        expect(r.solutions).toBeGreaterThanOrEqual(1);
        table.forEach((truth, i) => {
          r.cells[i]!.forEach((v, c) => {
            if (v !== null) expect(v).toBe(truth[c]);
          });
          if (!r.ambiguous[i]) expect(r.cells[i]).toEqual(truth);
          // A fully decided row satisfies its own total.
          if (r.cells[i]!.every((v) => v !== null)) expect(r.cells[i]!.slice(0, 6).reduce((a, b) => a! + b!, 0)).toBe(r.cells[i]![6]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('flags a row whenever another split than the printed one also fits (property)', () => {
    fc.assert(
      fc.property(applicantRow, (truth) => {
        const pieces = [glue(truth)];
        const fitting = rowCandidates({ pieces, columns: 7 }, (c) => c.slice(0, 6).reduce((a, b) => a! + b!, 0) === c[6]);
        const r = solveRunTogether([{ pieces, columns: 7 }], [rowTotal(0)]);
        expect(r.ambiguous[0]).toBe(fitting.length > 1);
        expect(r.solutions).toBe(Math.min(fitting.length, 64));
      }),
      { numRuns: 300 },
    );
  });
});
