import type { ReportText } from '../report-text.js';
import type { Token } from '../tokens.js';
import { tokenize } from '../tokens.js';
import type { ReportFormat, SectionKey } from '../types.js';
import { alignCells, matchRows, type MatchedRow } from './match-rows.js';
import { T2_COLUMNS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from './row-specs.js';
import { readTableFour } from './table-four.js';

/** One numeric slot of a table after reading: the metric key and what the report printed there. */
export interface CellRead {
  key: string;
  /** The key split as row and column (constant strings from the catalog, cheap to look up). */
  row: string;
  col: string;
  section: SectionKey;
  /** number; null for blank, missing or unreadable. */
  value: number | null;
  status: 'number' | 'blank' | 'lost' | 'text';
  unit: string | null;
  line: number;
  raw: string;
}

export interface TablesRead {
  t2Rows: MatchedRow[];
  t3Rows: MatchedRow[];
  t4Found: boolean;
  t4Line: number | null;
  cells: CellRead[];
}

export interface Region {
  start: number;
  end: number;
}

function toCell(row: string, col: string, section: SectionKey, token: Token | null, fallbackLine: number): CellRead {
  const key = `${row}.${col}`;
  if (!token) return { key, row, col, section, value: null, status: 'lost', unit: null, line: fallbackLine, raw: '' };
  const c = token.cell;
  if (c.kind === 'number') {
    return { key, row, col, section, value: c.value, status: 'number', unit: c.unit, line: token.line, raw: token.text };
  }
  return { key, row, col, section, value: null, status: c.kind, unit: null, line: token.line, raw: token.text };
}

function rowCells(row: MatchedRow, columns: readonly string[], section: SectionKey): CellRead[] {
  const aligned = alignCells(row.cells, columns.length);
  return columns.map((col, i) => toCell(row.spec.key, col, section, aligned[i]!.token, row.label.line));
}

/** Columns for a 表二 row: the detected format's, or the 2019 ones for rows only that format has. */
function t2Columns(format: ReportFormat, key: string): readonly string[] | undefined {
  if (format === 'unknown') return undefined;
  return T2_COLUMNS[format][key] ?? (format === 'gov2021' ? undefined : T2_COLUMNS.gov2019[key]);
}

/** Reads 表二, 表三 and 表四 from their regions into keyed cells. */
export function readTables(
  rt: ReportText,
  format: ReportFormat,
  regions: Record<'active' | 'applications' | 'review_litigation', Region>,
): TablesRead {
  const cells: CellRead[] = [];

  const t2Rows = matchRows(tokenize(rt, regions.active.start, regions.active.end), T2_ROWS);
  for (const row of t2Rows) {
    const columns = t2Columns(format, row.spec.key);
    if (columns) cells.push(...rowCells(row, columns, 'active'));
  }

  const t3Rows = matchRows(tokenize(rt, regions.applications.start, regions.applications.end), T3_ROWS);
  for (const row of t3Rows) {
    // The 30号 (六) is a group heading over three sub-rows (its cells, if printed, are empty);
    // it is a row only where it has figures of its own.
    if (row.spec.key === 'applications.other' && !row.cells.some((c) => c.cell.kind === 'number')) continue;
    cells.push(...rowCells(row, T3_COLUMNS, 'applications'));
  }

  const t4 = readTableFour(tokenize(rt, regions.review_litigation.start, regions.review_litigation.end));
  if (t4) {
    const aligned = alignCells(t4.cells, T4_GROUPS.length * T4_COLUMNS.length);
    T4_GROUPS.forEach((group, g) =>
      T4_COLUMNS.forEach((col, c) => {
        const slot = aligned[g * T4_COLUMNS.length + c]!;
        cells.push(toCell(group, col, 'review_litigation', slot.token, t4.line));
      }),
    );
  }
  return { t2Rows, t3Rows, t4Found: t4 !== null, t4Line: t4?.line ?? null, cells };
}
