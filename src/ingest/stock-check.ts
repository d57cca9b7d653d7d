import { T2, T2_ROW_KEYS, t2Key, t2Printed, type MetricKey, type T2Column, type T2Row } from '../catalog/index.js';
import { finding } from '../parsing/checks/finding.js';
import type { Finding } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';

/** The 表二 rows of a form that have all of these columns, with the label that form prints. */
const rowsWith = (format: 'gov2019' | 'gov2021', columns: readonly T2Column[]): Array<[T2Row, string]> =>
  T2_ROW_KEYS.filter((row) => {
    const has: readonly T2Column[] = (T2[row].columns as Partial<Record<typeof format, readonly T2Column[]>>)[format] ?? [];
    return columns.every((c) => has.includes(c));
  }).map((row) => [row, t2Printed(row, format)]);

const DOC_ROWS = rowsWith('gov2021', ['in_force', 'issued', 'repealed']);
const ITEM_ROWS = rowsWith('gov2019', ['prev_items', 'delta_items']);

const num = (f: ReportFacts, key: MetricKey): number | null => {
  const v = f.metrics[key];
  return typeof v === 'number' ? v : null;
};

/**
 * R7 (2021 format): 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
 * R8 (2019 format): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1).
 * Only between two reports of the same format: a 2019 对外公开总数量 is not a 现行有效件数.
 */
export function checkStock(prev: ReportFacts, cur: ReportFacts): Finding[] {
  if (prev.year !== cur.year - 1 || prev.format !== cur.format) return [];
  const out: Finding[] = [];
  if (cur.format === 'gov2021') {
    for (const [row, title] of DOC_ROWS) {
      const inForce = num(cur, t2Key(row, 'in_force'));
      const before = num(prev, t2Key(row, 'in_force'));
      const issued = num(cur, t2Key(row, 'issued'));
      const repealed = num(cur, t2Key(row, 'repealed'));
      if (inForce === null || before === null || issued === null || repealed === null) continue;
      const expected = before + issued - repealed;
      if (inForce === expected) continue;
      out.push(
        finding(
          'STOCK_MISMATCH',
          `表二“${title}”的现行有效件数填的是${inForce}件，但按本单位${prev.year}年度报告（${prev.file}）的现行有效${before}件，` +
            `加本年制发${issued}件、减本年废止${repealed}件，应为${expected}件`,
          cur.lines[t2Key(row, 'in_force')],
        ),
      );
    }
  } else if (cur.format === 'gov2019') {
    for (const [row, title] of ITEM_ROWS) {
      const now = num(cur, t2Key(row, 'prev_items'));
      const before = num(prev, t2Key(row, 'prev_items'));
      const delta = num(prev, t2Key(row, 'delta_items'));
      if (now === null || before === null || delta === null) continue;
      const expected = before + delta;
      if (now === expected) continue;
      out.push(
        finding(
          'STOCK_MISMATCH',
          `表二“${title}”的上一年项目数量填的是${now}，但本单位${prev.year}年度报告（${prev.file}）中该项上一年项目数量为${before}、` +
            `本年增/减为${delta}，应为${expected}`,
          cur.lines[t2Key(row, 'prev_items')],
        ),
      );
    }
  }
  return out;
}
