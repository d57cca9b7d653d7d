import type { CellRead } from './tables/read-tables.js';
import { T3_COLUMNS, T3_ROWS } from './tables/row-specs.js';
import type { MetricValue, Source } from './types.js';

interface Derivation {
  key: string;
  parts: readonly string[];
  text: string;
}

/** Every derived key with its parts, computed once: the catalog does not change at run time. */
const DERIVATIONS: readonly Derivation[] = [
  ...(['denied', 'unable', 'not_processed', 'other'] as const).flatMap((group) => {
    const rows = T3_ROWS.filter((r) => r.key.startsWith(`applications.${group}.`)).map((r) => r.key);
    return T3_COLUMNS.map((col) => ({
      key: `applications.${group}.${col}`,
      parts: rows.map((r) => `${r}.${col}`),
      text: `${rows.length}项之和`,
    }));
  }),
  { key: 'litigation.total', parts: ['litigation_direct.total', 'litigation_after_review.total'], text: '未经复议直接起诉总计+复议后起诉总计' },
];

/**
 * Sums the contract derives (docs/data-contract.md §1.1, §1.2): a 表三 group (不予公开, 无法提供, 不予处理 and, in the
 * 2021 format, 其他处理) from its sub-rows, and litigation.total from the two lawsuit groups. A sum is
 * made only when every part is on file; blanks count as 0 unless all parts are blank.
 */
export function deriveMetrics(metrics: Record<string, MetricValue>, sources: Record<string, Source>): void {
  for (const { key, parts, text } of DERIVATIONS) {
    if (key in metrics || !parts.every((p) => p in metrics)) continue;
    let sum = 0;
    let anyValue = false;
    for (const p of parts) {
      const x = metrics[p];
      if (x !== null && x !== undefined) {
        sum += x;
        anyValue = true;
      }
    }
    metrics[key] = anyValue ? sum : null;
    const first = sources[parts[0]!];
    sources[key] = { line: first?.line ?? 0, text, derived: true, section: first?.section ?? null };
  }
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
