import { LITIGATION_PARTS, T3_GROUPS, citeOf, subRowsOf, t3Key, t4Key, type MetricKey } from '../catalog/index.js';
import type { CellRead } from './tables/read-tables.js';
import { T3_COLUMNS } from './tables/row-specs.js';
import type { MetricMap, Source, SourceMap } from './types.js';

interface Derivation {
  key: MetricKey;
  parts: readonly MetricKey[];
  text: string;
}

/** Every derived key with its parts, computed once: the catalog does not change at run time. */
const DERIVATIONS: readonly Derivation[] = [
  ...T3_GROUPS.flatMap((group) => {
    const rows = subRowsOf(group);
    return T3_COLUMNS.map((col) => ({
      key: t3Key(group, col),
      parts: rows.map((r) => t3Key(r, col)),
      text: `${rows.length}项之和`,
    }));
  }),
  { key: 'litigation.total', parts: LITIGATION_PARTS.map((g) => t4Key(g, 'total')), text: '未经复议直接起诉总计+复议后起诉总计' },
];

/** The table position of a key, for provenance (none for prose figures). */
function cite(key: MetricKey): Pick<Source, 'table' | 'row' | 'col'> {
  const c = citeOf(key);
  return c ? { table: c.table, row: c.row, col: c.col } : {};
}

/**
 * Sums the contract derives (docs/data-contract.md §1.1, §1.2): a 表三 group (不予公开, 无法提供, 不予处理 and, in the
 * 2021 format, 其他处理) from its sub-rows, and litigation.total from the two lawsuit groups. A sum is
 * made only when every part is on file; blanks count as 0 unless all parts are blank.
 */
export function deriveMetrics(metrics: MetricMap, sources: SourceMap, undecided: ReadonlySet<MetricKey> = new Set()): void {
  for (const { key, parts, text } of DERIVATIONS) {
    if (key in metrics || !parts.every((p) => p in metrics)) continue;
    // A part printed run together and left undecided (AMBIGUOUS_CELLS) makes the sum unknown, not smaller.
    let sum: number | null = parts.some((p) => undecided.has(p)) ? null : 0;
    let anyValue = false;
    for (const p of parts) {
      const x = metrics[p];
      if (x !== null && x !== undefined && sum !== null) {
        sum += x;
        anyValue = true;
      }
    }
    metrics[key] = anyValue ? sum : null;
    const first = sources[parts[0]!];
    sources[key] = { line: first?.line ?? 0, text, derived: true, section: first?.section ?? null, ...cite(key) };
  }
}

export function cellsToMetrics(cells: readonly CellRead[]) {
  const metrics: MetricMap = {};
  const sources: SourceMap = {};
  for (const c of cells) {
    metrics[c.key] = c.value;
    sources[c.key] = { line: c.line, text: c.raw, section: c.section, derived: false, table: c.cite.table, row: c.cite.row, col: c.cite.col };
  }
  return { metrics, sources };
}
