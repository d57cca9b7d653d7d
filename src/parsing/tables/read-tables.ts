import { citeOf, t2Key, t3Key, t4Key, type Cite, type MetricColumn, type MetricKey, type RowKey, type T2RowKey, type T3RowKey } from '../../catalog/index.js';
import type { ReportText } from '../report-text.js';
import type { Token } from '../tokens.js';
import { tokenize } from '../tokens.js';
import type { ReportFormat, SectionKey } from '../types.js';
import { needsSplit, splitRows, type SplitCell, type SplitEquations, type SplitRow } from './glued.js';
import { alignCells, matchRows, SIGNED_RUN, type MatchedRow } from './match-rows.js';
import { t3Equations, t4Equations } from './sums.js';
import { T2_COLUMNS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t2RowOf } from './row-specs.js';
import { readTableFour } from './table-four.js';

/** One numeric slot of a table after reading: the metric key and what the report printed there. */
export interface CellRead {
  key: MetricKey;
  /** The key split as row and column (constant strings from the catalog, cheap to look up). */
  row: RowKey;
  col: MetricColumn;
  /** The printed table, row and column (catalog), for provenance and messages. */
  cite: Cite;
  section: SectionKey;
  /** number; null for blank, missing or unreadable. */
  value: number | null;
  /** `ambiguous`: printed run together with its neighbours and the table's sums do not decide it. */
  status: 'number' | 'blank' | 'lost' | 'text' | 'ambiguous';
  unit: string | null;
  line: number;
  raw: string;
}

export interface TablesRead {
  t2Rows: MatchedRow<T2RowKey>[];
  t3Rows: MatchedRow<T3RowKey>[];
  t4Found: boolean;
  t4Line: number | null;
  cells: CellRead[];
}

export interface Region {
  start: number;
  end: number;
}

interface Slot {
  key: MetricKey;
  row: RowKey;
  col: MetricColumn;
  cite: Cite;
}

function slot(key: MetricKey, row: RowKey, col: MetricColumn): Slot {
  const cite = citeOf(key);
  if (!cite) throw new Error(`catalog: no table position for ${key}`);
  return { key, row, col, cite };
}

function toCell({ key, row, col, cite }: Slot, section: SectionKey, token: Token | null, fallbackLine: number): CellRead {
  if (!token) return { key, row, col, cite, section, value: null, status: 'lost', unit: null, line: fallbackLine, raw: '' };
  const c = token.cell;
  if (c.kind === 'number') {
    return { key, row, col, cite, section, value: c.value, status: 'number', unit: c.unit, line: token.line, raw: token.text };
  }
  return { key, row, col, cite, section, value: null, status: c.kind, unit: null, line: token.line, raw: token.text };
}

function alignedCells(tokens: readonly Token[], slots: readonly Slot[], section: SectionKey, line: number): CellRead[] {
  const aligned = alignCells(tokens, slots.length);
  return slots.map((slot, i) => toCell(slot, section, aligned[i]!.token, line));
}

function fromSplit({ key, row, col, cite }: Slot, section: SectionKey, c: SplitCell): CellRead {
  return { key, row, col, cite, section, value: c.value, status: c.status, unit: null, line: c.line, raw: c.raw };
}

type RowIn = { tokens: readonly Token[]; slots: readonly Slot[]; glued: boolean; line: number };

/** The row's printed cells, without the blanks trailing past its columns. */
function trimmed(r: RowIn): Token[] {
  const cells = [...r.tokens];
  while (cells.length > r.slots.length && cells[cells.length - 1]!.cell.kind === 'blank') cells.pop();
  return cells;
}

/**
 * The cells of rows that may be run together: split where the sums decide, else read as printed.
 * Almost every report prints its cells apart: then each row is aligned once and the splitter (and
 * its equations, `equations()`) is never set up.
 */
function readRows(rows: readonly RowIn[], section: SectionKey, equations: () => { equations: SplitEquations; extra?: readonly SplitRow[] }): CellRead[][] {
  const read = rows.map((r) => alignedCells(r.tokens, r.slots, section, r.line));
  const cells = rows.map(trimmed);
  const glued = rows.map((r, i) => needsSplit(cells[i]!, r.slots.length, r.glued));
  if (glued.every((g) => g === 'no')) return read;
  const input: SplitRow[] = rows.map((r, i) => ({
    cells: cells[i]!,
    columns: r.slots.length,
    split: glued[i]!,
    asPrinted: read[i]!.some((c) => c.status === 'text') ? null : read[i]!.map((c) => c.value),
  }));
  const eqs = equations();
  const split = splitRows([...input, ...(eqs.extra ?? [])], eqs.equations);
  return rows.map((r, i) => {
    const s = split[i];
    return s ? r.slots.map((slot, c) => fromSplit(slot, section, s[c]!)) : read[i]!;
  });
}

/** Built once: the slots of every 表二 row per format, of every 表三 row and of 表四's one data row. */
const t2SlotsIn = (format: 'gov2019' | 'gov2021') =>
  new Map(T2_ROWS.map(({ key }) => [key, T2_COLUMNS[format][key]?.map((col) => slot(t2Key(t2RowOf(key), col), key, col))]));
const T2_SLOTS = { gov2019: t2SlotsIn('gov2019'), gov2021: t2SlotsIn('gov2021') };
const T3_SLOTS = new Map(
  T3_ROWS.map(({ key }) => {
    const row = key.slice('applications.'.length) as Parameters<typeof t3Key>[0];
    return [key, T3_COLUMNS.map((col) => slot(t3Key(row, col), key, col))];
  }),
);
const T4_SLOTS: Slot[] = T4_GROUPS.flatMap((group) => T4_COLUMNS.map((col) => slot(t4Key(group, col), group, col)));

/** Columns for a 表二 row: the detected format's, or the 2019 ones for rows only that format has. */
function t2Slots(format: ReportFormat, key: T2RowKey): Slot[] | undefined {
  if (format === 'unknown') return undefined;
  return T2_SLOTS[format].get(key) ?? (format === 'gov2021' ? undefined : T2_SLOTS.gov2019.get(key));
}

/** Figures stated in the prose that may decide a run-together split (never override a printed cell). */
export interface TableHints {
  applicationsReceived?: number | null;
}

const NO_EQUATIONS: SplitEquations = { own: [], cross: [], prose: [] };

/** Reads 表二, 表三 and 表四 from their regions into keyed cells. */
export function readTables(
  rt: ReportText,
  format: ReportFormat,
  regions: Record<'active' | 'applications' | 'review_litigation', Region>,
  hints: TableHints = {},
): TablesRead {
  const cells: CellRead[] = [];

  const t2Rows = matchRows(tokenize(rt, regions.active.start, regions.active.end), T2_ROWS);
  const t2Read = t2Rows.flatMap((row) => {
    const slots = t2Slots(format, row.spec.key);
    return slots ? [{ tokens: row.cells, slots, glued: row.glued === true, line: row.label.line }] : [];
  });
  // 表二 has no sums: a run-together row is read only when it has one reading (000 → 0, 0, 0).
  for (const row of readRows(t2Read, 'active', () => ({ equations: NO_EQUATIONS }))) cells.push(...row);

  const t3Rows = matchRows(tokenize(rt, regions.applications.start, regions.applications.end), T3_ROWS);
  // The 30号 (六) is a group heading over three sub-rows (its cells, if printed, are empty);
  // it is a row only where it has figures of its own.
  const t3Used = t3Rows.filter((row) => row.spec.key !== 'applications.other' || row.cells.some((c) => c.cell.kind === 'number' || SIGNED_RUN.test(c.text)));
  const t3Read = t3Used.map((row) => ({ tokens: row.cells, slots: T3_SLOTS.get(row.spec.key)!, glued: row.glued === true, line: row.label.line }));
  const t3 = () =>
    t3Equations(
      t3Used.map((r) => r.spec.key),
      format,
      hints.applicationsReceived ?? null,
    );
  for (const row of readRows(t3Read, 'applications', t3)) cells.push(...row);

  const t4 = readTableFour(tokenize(rt, regions.review_litigation.start, regions.review_litigation.end));
  if (t4) {
    const [row] = readRows([{ tokens: t4.cells, slots: T4_SLOTS, glued: false, line: t4.line }], 'review_litigation', () => ({
      equations: { ...NO_EQUATIONS, own: t4Equations() },
    }));
    cells.push(...row!);
  }
  return { t2Rows, t3Rows, t4Found: t4 !== null, t4Line: t4?.line ?? null, cells };
}
