import { APPLICANT_COLUMN, APPLICANT_COLUMNS, T2_COLUMN, T4_COLUMN, T4_COLUMNS, type TableFormat, type T2Column } from './columns.js';
import { t2Key, t3Key, t4Key, type ConceptId, type MetricKey, type TableName } from './keys.js';
import { PROSE, type ProseKey } from './prose.js';
import { T2, T2_ROW_KEYS, t2Printed, type T2Row, type T2RowDef } from './table-two.js';
import { T3_ROW_KEYS, t3Def, type Presence, type T3Row } from './table-three.js';
import { T4, T4_GROUPS, type T4Group } from './table-four.js';

/**
 * One entry per metric key, built from the tables' rows and columns: where the figure is printed
 * (table, row and column as the form labels them), which forms have it and whether it is read or
 * summed there, and how chat answers cite it, name it and count it.
 */
export interface MetricInfo {
  key: MetricKey;
  /** The row (or prose figure) a question names to get this key. */
  concept: ConceptId;
  table: TableName | 'prose';
  /** Printed labels of the row and column; null for prose figures. */
  row: string | null;
  col: string | null;
  /** The forms that have the figure: printed ('read') or summed from other figures ('derived'). */
  formats: Partial<Record<TableFormat, Presence>>;
  /** Derived in every form that has it. */
  derived: boolean;
  /** Where answers say it is printed: 表三第一项“本年新收政府信息公开申请数量”的“总计”栏. */
  caption: string;
  /** What answers call it: 新收政府信息公开申请（自然人）. */
  say: string;
  /** The row alone in answers' words, heading a list of its columns: 行政规范性文件, 新收政府信息公开申请. */
  rowSay: string;
  /** The column alone in answers' words, for lists of one row's columns: 自然人, 结果维持. */
  colSay: string;
  unit: string;
}

const READ_BOTH = { gov2019: 'read', gov2021: 'read' } as const;

function t3Entries(row: T3Row): MetricInfo[] {
  const def = t3Def(row);
  return APPLICANT_COLUMNS.map((column) => {
    const col = APPLICANT_COLUMN[column];
    return {
      key: t3Key(row, column),
      concept: `applications.${row}`,
      table: '表三',
      row: def.name,
      col: col.printed,
      formats: def.formats,
      derived: Object.values(def.formats).every((p) => p === 'derived'),
      caption: row === 'handled' && column === 'total' ? `${def.caption}栏` : `${def.caption}的“${col.say}”栏`,
      say: column === 'total' ? def.say : `${def.say}（${col.say}）`,
      rowSay: def.say,
      colSay: col.say,
      unit: '件',
    };
  });
}

function t2Entries(row: T2Row): MetricInfo[] {
  const def: T2RowDef = T2[row];
  const byColumn = new Map<T2Column, TableFormat[]>();
  for (const [format, columns] of Object.entries(def.columns) as Array<[TableFormat, readonly T2Column[]]>) {
    for (const c of columns) byColumn.set(c, [...(byColumn.get(c) ?? []), format]);
  }
  return [...byColumn].map(([column, formats]) => {
    const rowLabel = t2Printed(row, formats[0]!);
    const c = T2_COLUMN[column] as { printed: string; say?: string; unit: string };
    const printed = def.columnPrinted?.[column] ?? c.printed;
    return {
      key: t2Key(row, column),
      concept: `active.${row}`,
      table: '表二',
      row: rowLabel,
      col: printed,
      formats: Object.fromEntries(formats.map((f) => [f, 'read'])),
      derived: false,
      caption: `表二${def.item}“${rowLabel}”的“${printed}”栏`,
      say: `${rowLabel}${def.columnSay?.[column] ?? c.say ?? printed}`,
      rowSay: rowLabel,
      colSay: printed,
      unit: c.unit,
    };
  });
}

function t4Entries(group: T4Group): MetricInfo[] {
  const g = T4[group];
  return T4_COLUMNS.map((column) => ({
    key: t4Key(group, column),
    concept: group,
    table: '表四',
    row: g.printed,
    col: T4_COLUMN[column],
    formats: READ_BOTH,
    derived: false,
    caption: `表四“${g.say}”的“${T4_COLUMN[column]}”栏`,
    say: column === 'total' ? g.sayTotal : `${g.say}${T4_COLUMN[column]}`,
    rowSay: g.sayTotal,
    colSay: T4_COLUMN[column],
    unit: '件',
  }));
}

const litigationTotal: MetricInfo = {
  key: 'litigation.total',
  concept: 'litigation',
  table: '表四',
  row: T4.litigation.printed,
  col: T4_COLUMN.total,
  formats: { gov2019: 'derived', gov2021: 'derived' },
  derived: true,
  caption: '表四“行政诉讼”两部分的总计之和',
  say: T4.litigation.sayTotal,
  rowSay: T4.litigation.sayTotal,
  colSay: T4_COLUMN.total,
  unit: '件',
};

const proseEntries = (Object.keys(PROSE) as ProseKey[]).map((key): MetricInfo => ({
  key,
  concept: key,
  table: 'prose',
  row: null,
  col: null,
  formats: READ_BOTH,
  derived: false,
  caption: PROSE[key].caption,
  say: PROSE[key].say,
  rowSay: PROSE[key].say,
  colSay: '',
  unit: PROSE[key].unit,
}));

/** Every metric of the contract, 表三 then 表四, 表二 and the prose, in table order. */
export const METRICS: readonly MetricInfo[] = [
  ...T3_ROW_KEYS.flatMap(t3Entries),
  ...T4_GROUPS.flatMap(t4Entries),
  litigationTotal,
  ...T2_ROW_KEYS.flatMap(t2Entries),
  ...proseEntries,
];

const BY_KEY: ReadonlyMap<string, MetricInfo> = new Map(METRICS.map((m) => [m.key, m]));

export const ALL_METRIC_KEYS: readonly MetricKey[] = METRICS.map((m) => m.key);

export const isMetricKey = (key: string): key is MetricKey => BY_KEY.has(key);

/** The catalog entry of a key; undefined for a string that is not a key of the contract. */
export const metricInfo = (key: string): MetricInfo | undefined => BY_KEY.get(key);

/** Where a table figure is printed, for provenance: 表三, 本年新收政府信息公开申请数量, 总计. */
export interface Cite {
  table: TableName;
  row: string;
  col: string;
}

const CITES: ReadonlyMap<string, Cite> = new Map(
  METRICS.flatMap((m) => (m.table === 'prose' ? [] : [[m.key, { table: m.table, row: m.row!, col: m.col! }] as const])),
);

/** The printed table, row and column of a table figure; undefined for prose figures. */
export const citeOf = (key: MetricKey): Cite | undefined => CITES.get(key);

/** The keys of one row or prose figure, in column order. */
export const keysOf = (concept: ConceptId): MetricKey[] => METRICS.filter((m) => m.concept === concept).map((m) => m.key);

/** The key of a row (or prose figure) and a column, when the catalog has it: `applications.new` + `natural`. */
export const keyOf = (concept: ConceptId, column: string): MetricKey | undefined => BY_KEY.get(`${concept}.${column}`)?.key;
