import {
  APPLICANT_COLUMNS,
  T2,
  T2_COLUMN,
  T2_ROW_KEYS,
  T3_ROW_KEYS,
  T4_COLUMNS as CATALOG_T4_COLUMNS,
  T4_GROUPS as CATALOG_T4_GROUPS,
  t3Def,
  type T2Column,
  type T2Row,
  type T2RowKey,
  type T3Row,
  type T3RowKey,
} from '../../catalog/index.js';

/**
 * The rows of 表二 and 表三 as the parser reads them, in table order, taken from the catalog: each
 * with the pattern that recognises its label in real reports. Patterns run on the label without spaces.
 */

export interface RowSpec<K extends string = T3RowKey | T2RowKey> {
  /** Metric key prefix: `applications.new`, `active.licensing`. */
  key: K;
  /** Official label, for messages and NONSTANDARD_LABEL. */
  label: string;
  pattern: RegExp;
  /** The label only counts once a row at or after this index has been read (keeps header words out). */
  after?: number;
  /** Wordings that are read but differ from the official text. */
  nonstandard?: RegExp;
}

export const T3_COLUMNS = APPLICANT_COLUMNS;

/** 表三 rows a report prints (groups that are only ever sums have no row of their own). */
const T3_READ: T3Row[] = T3_ROW_KEYS.filter((row) => t3Def(row).read !== undefined);

export const T3_ROWS: readonly RowSpec<T3RowKey>[] = T3_READ.map((row) => {
  const { printed, read } = t3Def(row);
  const after = read!.after === undefined ? -1 : T3_READ.indexOf(read!.after as T3Row);
  if (read!.after !== undefined && after === -1) throw new Error(`catalog: 表三 row ${row} reads after an unknown row ${read!.after}`);
  return {
    key: `applications.${row}`,
    label: printed,
    pattern: read!.pattern,
    ...(after === -1 ? {} : { after }),
    ...(read!.nonstandard ? { nonstandard: read!.nonstandard } : {}),
  };
});

/** 表二 rows. Labels may be glued to header text when spaces were lost, so patterns anchor at the end. */
export const T2_ROWS: readonly RowSpec<T2RowKey>[] = T2_ROW_KEYS.map((row) => ({
  key: `active.${row}`,
  label: T2[row].printed,
  pattern: T2[row].pattern,
}));

/** 表二 columns per format; a row absent from a format has no entry there. */
export const T2_COLUMNS: Record<'gov2019' | 'gov2021', Partial<Record<T2RowKey, readonly T2Column[]>>> = {
  gov2019: t2Columns('gov2019'),
  gov2021: t2Columns('gov2021'),
};

function t2Columns(format: 'gov2019' | 'gov2021'): Partial<Record<T2RowKey, readonly T2Column[]>> {
  const out: Partial<Record<T2RowKey, readonly T2Column[]>> = {};
  for (const row of T2_ROW_KEYS) {
    const columns = (T2[row].columns as Partial<Record<'gov2019' | 'gov2021', readonly T2Column[]>>)[format];
    if (columns) out[`active.${row}`] = columns;
  }
  return out;
}

/** The 表二 row of a row key. */
export const t2RowOf = (key: T2RowKey): T2Row => key.slice('active.'.length) as T2Row;

/** 表四: three groups of five columns, one data row. */
export const T4_GROUPS = CATALOG_T4_GROUPS;
export const T4_COLUMNS = CATALOG_T4_COLUMNS;

const T2_COLUMN_KEYS = Object.keys(T2_COLUMN) as T2Column[];
/** Columns whose values may be negative (本年增/减) or fractional (万元). */
export const SIGNED_COLUMNS: ReadonlySet<string> = new Set(T2_COLUMN_KEYS.filter((c) => 'signed' in T2_COLUMN[c]));
export const DECIMAL_COLUMNS: ReadonlySet<string> = new Set(T2_COLUMN_KEYS.filter((c) => 'decimal' in T2_COLUMN[c]));
