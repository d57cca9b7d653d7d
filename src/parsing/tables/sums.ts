import { subRowsOf, type T3Row, type T3RowKey } from '../../catalog/index.js';
import type { ReportFormat } from '../types.js';
import type { SplitEquations, SplitRow } from './glued.js';
import type { Equation } from './run-together.js';
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from './row-specs.js';

/**
 * What 表三 and 表四 guarantee, as equations over the rows read (for splitting cells printed run
 * together): the same sums the checks judge (checks/table-checks.ts), here as constraints.
 */

const TOTAL = T3_COLUMNS.length - 1;
const APPLICANTS = T3_COLUMNS.slice(0, TOTAL).map((_, c) => c);

const t3 = (row: T3Row): T3RowKey => `applications.${row}`;
const RESULT_ROWS: readonly T3RowKey[] = [
  t3('granted'),
  t3('partial'),
  ...(['denied', 'unable', 'not_processed'] as const).flatMap((g) => subRowsOf(g).map(t3)),
];
const OTHER_SUB = subRowsOf('other').map(t3);

/** Σ parts − total = 0 in one row. */
const rowSum = (row: number, parts: readonly number[], total: number): Equation => [
  ...parts.map((col) => ({ row, col, coef: 1 })),
  { row, col: total, coef: -1 },
];

/**
 * 表三's equations for the rows read, in order: each row's 总计 is the sum of its applicants; per column,
 * 一 + 二 = （七）+ 四 and the results add up to （七）; and 一's 总计 equals the prose's figure, through a
 * constant row appended after the table's rows (returned in `extra`).
 */
export function t3Equations(keys: readonly T3RowKey[], format: ReportFormat, received: number | null): { equations: SplitEquations; extra: SplitRow[] } {
  const at = new Map(keys.map((k, i) => [k, i]));
  const own = keys.map((_, i) => rowSum(i, APPLICANTS, TOTAL));
  const cross: Equation[] = [];
  const [nw, co, hd, cf] = [t3('new'), t3('carried_over'), t3('handled'), t3('carried_forward')].map((k) => at.get(k));
  if (nw !== undefined && co !== undefined && hd !== undefined && cf !== undefined) {
    for (const col of T3_COLUMNS.keys()) {
      cross.push([
        { row: nw, col, coef: 1 },
        { row: co, col, coef: 1 },
        { row: hd, col, coef: -1 },
        { row: cf, col, coef: -1 },
      ]);
    }
  }
  const other = format === 'gov2021' || OTHER_SUB.some((k) => at.has(k)) ? OTHER_SUB : [t3('other')];
  const results = [...RESULT_ROWS, ...other].map((k) => at.get(k));
  if (hd !== undefined && results.every((r) => r !== undefined)) {
    for (const col of T3_COLUMNS.keys()) cross.push([...results.map((row) => ({ row: row!, col, coef: 1 })), { row: hd, col, coef: -1 }]);
  }
  const prose: Equation[] = [];
  const extra: SplitRow[] = [];
  if (received !== null && nw !== undefined && Number.isSafeInteger(received)) {
    prose.push([
      { row: nw, col: TOTAL, coef: 1 },
      { row: keys.length, col: 0, coef: -1 },
    ]);
    extra.push({ cells: [], columns: 1, split: 'no', asPrinted: [received] });
  }
  return { equations: { own, cross, prose }, extra };
}

/** 表四's one row: in each group, 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export function t4Equations(): Equation[] {
  const n = T4_COLUMNS.length;
  return T4_GROUPS.map((_, g) =>
    rowSum(
      0,
      T4_COLUMNS.slice(0, n - 1).map((_, c) => g * n + c),
      g * n + n - 1,
    ),
  );
}
