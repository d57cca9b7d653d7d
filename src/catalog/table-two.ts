import type { T2Column, TableFormat } from './columns.js';

/**
 * 表二 主动公开政府信息情况 (docs/data-contract.md §1.3): its rows in table order, the label each form prints,
 * the pattern that finds the label in a report, and the columns each form has for it. A row absent
 * from a form has no columns there. Never map a 2019 column onto a 2021 one.
 */

export interface T2RowDef {
  /** Official label; a form may print its own (2019: 规范性文件, 2021: 行政规范性文件). */
  printed: string;
  printedIn?: Partial<Record<TableFormat, string>>;
  /** Labels may be glued to header text when spaces were lost, so patterns anchor at the end. */
  pattern: RegExp;
  /** The article of 条例 the row reports on, for citations: 第二十条第（一）项. */
  item: string;
  columns: Partial<Record<TableFormat, readonly T2Column[]>>;
  /** Column headings this row prints differently from the usual ones, and how answers then say them. */
  columnPrinted?: Partial<Record<T2Column, string>>;
  columnSay?: Partial<Record<T2Column, string>>;
}

const DOCS_2019 = ['new_made', 'new_published', 'total_published'] as const;
const DOCS_2021 = ['issued', 'repealed', 'in_force'] as const;
const ITEMS_2019 = ['prev_items', 'delta_items', 'decisions'] as const;
const DECISIONS = ['decisions'] as const;

export const T2 = {
  regulations: {
    printed: '规章',
    pattern: /规章$/,
    item: '第二十条第（一）项',
    columns: { gov2019: DOCS_2019, gov2021: DOCS_2021 },
  },
  normative_docs: {
    printed: '规范性文件',
    printedIn: { gov2019: '规范性文件', gov2021: '行政规范性文件' },
    pattern: /规范性文件$/,
    item: '第二十条第（一）项',
    columns: { gov2019: DOCS_2019, gov2021: DOCS_2021 },
  },
  licensing: {
    printed: '行政许可',
    pattern: /行政许可$/,
    item: '第二十条第（五）项',
    columns: { gov2019: ITEMS_2019, gov2021: DECISIONS },
  },
  other_services: {
    printed: '其他对外管理服务事项',
    pattern: /对外管理服务事项$/,
    item: '第二十条第（五）项',
    columns: { gov2019: ITEMS_2019 },
  },
  penalty: {
    printed: '行政处罚',
    pattern: /行政处罚$/,
    item: '第二十条第（六）项',
    columns: { gov2019: ITEMS_2019, gov2021: DECISIONS },
  },
  coercion: {
    printed: '行政强制',
    pattern: /行政强制$/,
    item: '第二十条第（六）项',
    columns: { gov2019: ITEMS_2019, gov2021: DECISIONS },
  },
  fees: {
    printed: '行政事业性收费',
    pattern: /行政事业性收费$/,
    item: '第二十条第（八）项',
    columns: { gov2019: ['prev_items', 'delta_items'], gov2021: ['amount_wan'] },
  },
  procurement: {
    printed: '政府集中采购',
    pattern: /集中采购$/,
    item: '第二十条第（九）项',
    columns: { gov2019: ['items', 'amount_wan'] },
    columnPrinted: { items: '采购项目数量', amount_wan: '采购总金额' },
    columnSay: { items: '项目数量', amount_wan: '总金额' },
  },
} as const satisfies Record<string, T2RowDef>;

export type T2Row = keyof typeof T2;
/** 表二 rows in table order. */
export const T2_ROW_KEYS = Object.keys(T2) as T2Row[];

type ColumnsOf<R extends T2Row> = {
  [F in keyof (typeof T2)[R]['columns']]: (typeof T2)[R]['columns'][F] extends readonly (infer C)[] ? C : never;
}[keyof (typeof T2)[R]['columns']];

/** `active.<row>.<column>` for every column a form has for the row. */
export type T2Key = { [R in T2Row]: `active.${R}.${ColumnsOf<R> & string}` }[T2Row];

/** The label of a row as a form prints it. */
export function t2Printed(row: T2Row, format: TableFormat): string {
  const def: T2RowDef = T2[row];
  return def.printedIn?.[format] ?? def.printed;
}
