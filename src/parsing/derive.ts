import type { CellRead } from './tables/read-tables.js';
import { T3_COLUMNS, T3_ROWS } from './tables/row-specs.js';
import type { MetricValue, Source } from './types.js';

const GROUPS = ['denied', 'unable', 'not_processed', 'other'] as const;

/**
 * Sums the contract derives (spec §1.1, §1.2): a 表三 group (不予公开, 无法提供, 不予处理 and, in the
 * 2021 format, 其他处理) from its sub-rows, and litigation.total from the two lawsuit groups. A sum is
 * made only when every part is on file; blanks count as 0 unless all parts are blank.
 */
export function deriveMetrics(metrics: Record<string, MetricValue>, sources: Record<string, Source>): void {
  const put = (key: string, parts: string[], text: string) => {
    if (key in metrics || !parts.every((p) => p in metrics)) return;
    const values = parts.map((p) => metrics[p]!);
    metrics[key] = values.every((x) => x === null) ? null : values.reduce<number>((s, x) => s + (x ?? 0), 0);
    const first = sources[parts[0]!];
    sources[key] = { line: first?.line ?? 0, text, derived: true, section: first?.section ?? null };
  };
  for (const group of GROUPS) {
    const rows = T3_ROWS.filter((r) => r.key.startsWith(`applications.${group}.`)).map((r) => r.key);
    for (const col of T3_COLUMNS) {
      put(`applications.${group}.${col}`, rows.map((r) => `${r}.${col}`), `${rows.length}项之和`);
    }
  }
  put('litigation.total', ['litigation_direct.total', 'litigation_after_review.total'], '未经复议直接起诉总计+复议后起诉总计');
}

export function cellsToMetrics(cells: readonly CellRead[]) {
  const metrics: Record<string, MetricValue> = {};
  const sources: Record<string, Source> = {};
  for (const c of cells) {
    metrics[c.key] = c.value;
    sources[c.key] = { line: c.line, text: c.raw, section: c.section, derived: false };
  }
  return { metrics, sources };
}
