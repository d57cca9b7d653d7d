import {
  subRowsOf,
  t2Printed,
  t3Def,
  T2,
  type MetricColumn,
  type RowKey,
  type T2RowKey,
  type T3Row,
  type T3RowKey,
  type TableName,
} from '../../catalog/index.js';
import type { CellRead, TablesRead } from '../tables/read-tables.js';
import { DECIMAL_COLUMNS, SIGNED_COLUMNS, T2_COLUMNS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t2RowOf } from '../tables/row-specs.js';
import { compact } from '../normalize.js';
import type { Finding, OrgKind, ReportFormat } from '../types.js';
import { finding } from './finding.js';
import { COLUMN_TITLE, T4_GROUP_TITLE, TABLE_TITLE } from './messages.js';

/** Cells by row key, then column: built once, so checks look up constant strings, never built keys. */
type Values = ReadonlyMap<RowKey, ReadonlyMap<MetricColumn, CellRead>>;

function toGrid(cells: readonly CellRead[]): Values {
  const grid = new Map<RowKey, Map<MetricColumn, CellRead>>();
  for (const c of cells) {
    let cols = grid.get(c.row);
    if (!cols) grid.set(c.row, (cols = new Map()));
    cols.set(c.col, c);
  }
  return grid;
}

const t3 = (row: T3Row): T3RowKey => `applications.${row}`;
const subRows = (group: 'denied' | 'unable' | 'not_processed' | 'other') => subRowsOf(group).map(t3);
const OTHER_2021 = subRows('other');
const FIXED_T3: T3RowKey[] = [
  t3('new'),
  t3('carried_over'),
  t3('granted'),
  t3('partial'),
  ...subRows('denied'),
  ...subRows('unable'),
  ...subRows('not_processed'),
];

const BALANCE_ROWS: ReadonlySet<RowKey> = new Set([t3('new'), t3('carried_over'), t3('handled'), t3('carried_forward')]);

const has = (v: Values, row: RowKey) => v.get(row)?.has('total') ?? false;
/** Blank counts as 0 here: the sums are judged as they would stand if the blanks meant 0 (spec §3). */
const num = (v: Values, row: RowKey, col: MetricColumn) => v.get(row)?.get(col)?.value ?? 0;
const lineOf = (v: Values, row: RowKey, col: MetricColumn) => v.get(row)?.get(col)?.line;
/** A cell printed run together that the sums could not split: a sum over it cannot be judged. */
const unsure = (v: Values, rows: readonly RowKey[], cols: readonly MetricColumn[]) =>
  rows.some((r) => cols.some((c) => v.get(r)?.get(c)?.status === 'ambiguous'));

const T3_LABEL = new Map(T3_ROWS.map((r) => [r.key, r.label]));
const labelOf = (rowKey: T3RowKey): string => T3_LABEL.get(rowKey) ?? t3Def(rowKey.slice('applications.'.length) as T3Row).printed;

/** 表三 rows the report's format requires; (六) is one row (60号) or three (30号). */
function t3Expected(v: Values, format: ReportFormat): T3RowKey[] {
  const other2021 = format === 'gov2021' || OTHER_2021.some((k) => has(v, k));
  return [...FIXED_T3, ...(other2021 ? OTHER_2021 : [t3('other')]), t3('handled'), t3('carried_forward')];
}

/** 表二 rows each form requires. */
const T2_ROWS_OF: Record<'gov2019' | 'gov2021', readonly T2RowKey[]> = {
  gov2019: Object.keys(T2_COLUMNS.gov2019) as T2RowKey[],
  gov2021: Object.keys(T2_COLUMNS.gov2021) as T2RowKey[],
};

function checkCompleteness(v: Values, tables: TablesRead, format: ReportFormat, out: Finding[]) {
  if (tables.t3Rows.length === 0) {
    out.push(finding('TRUNCATED_TABLE', `找不到${TABLE_TITLE['表三']}，无法核对依申请公开数据`));
  } else {
    const missing = t3Expected(v, format).filter((row) => !has(v, row));
    if (missing.length > 0) {
      const last = tables.t3Rows[tables.t3Rows.length - 1]!;
      const names = missing.slice(0, 4).map(labelOf).join('、');
      out.push(
        finding(
          'TRUNCATED_TABLE',
          `${TABLE_TITLE['表三']}不完整，缺少${missing.length}行（${names}${missing.length > 4 ? '等' : ''}），表格可能被截断，勾稽关系无法核对`,
          last.label.line,
        ),
      );
    }
  }
  if (!tables.t4Found) out.push(finding('TRUNCATED_TABLE', `找不到${TABLE_TITLE['表四']}的数据行`));
  if (tables.t2Rows.length === 0) {
    out.push(finding('TRUNCATED_TABLE', `找不到${TABLE_TITLE['表二']}`));
  } else if (format !== 'unknown') {
    const expected = T2_ROWS_OF[format];
    const found = new Set(tables.t2Rows.map((r) => r.spec.key));
    const missing = expected.filter((k) => !found.has(k));
    if (missing.length > 0) {
      const labels = missing.map((k) => t2Printed(t2RowOf(k), format));
      out.push(finding('TRUNCATED_TABLE', `${TABLE_TITLE['表二']}缺少${missing.length}行（${labels.join('、')}）`, tables.t2Rows[0]!.label.line));
    }
  }
}

function checkT3Sums(v: Values, format: ReportFormat, out: Finding[]) {
  const rows = t3Expected(v, format);
  if ([...BALANCE_ROWS].every((r) => has(v, r))) {
    for (const col of T3_COLUMNS) {
      if (unsure(v, [...BALANCE_ROWS], [col])) continue;
      const left = num(v, t3('new'), col) + num(v, t3('carried_over'), col);
      const right = num(v, t3('handled'), col) + num(v, t3('carried_forward'), col);
      if (left !== right) {
        out.push(
          finding(
            'T3_BALANCE',
            `表三“${COLUMN_TITLE[col]}”列不平：新收${num(v, t3('new'), col)}+上年结转${num(v, t3('carried_over'), col)}=${left}，但办结总计${num(v, t3('handled'), col)}+结转下年度${num(v, t3('carried_forward'), col)}=${right}`,
            lineOf(v, t3('handled'), col),
          ),
        );
      }
    }
  }
  for (const row of rows) {
    if (!has(v, row) || unsure(v, [row], T3_COLUMNS)) continue;
    const parts = T3_COLUMNS.slice(0, 6).reduce((s, c) => s + num(v, row, c), 0);
    const total = num(v, row, 'total');
    if (parts !== total) {
      out.push(finding('T3_ROW_TOTAL', `表三“${labelOf(row)}”一行：各类申请人合计${parts}，但总计填的是${total}`, lineOf(v, row, 'total')));
    }
  }
  const results = rows.filter((r) => !BALANCE_ROWS.has(r));
  if (has(v, t3('handled')) && results.every((r) => has(v, r))) {
    for (const col of T3_COLUMNS) {
      if (unsure(v, [...results, t3('handled')], [col])) continue;
      const sum = results.reduce((s, r) => s + num(v, r, col), 0);
      const total = num(v, t3('handled'), col);
      if (sum !== total) {
        out.push(
          finding(
            'T3_RESULT_SUM',
            `表三“${COLUMN_TITLE[col]}”列：（一）至（六）各项办理结果之和为${sum}，但（七）总计为${total}`,
            lineOf(v, t3('handled'), col),
          ),
        );
      }
    }
  }
}

function checkT4Sums(v: Values, out: Finding[]) {
  for (const g of T4_GROUPS) {
    if (!has(v, g) || unsure(v, [g], T4_COLUMNS)) continue;
    const parts = T4_COLUMNS.slice(0, 4).reduce((s, c) => s + num(v, g, c), 0);
    const total = num(v, g, 'total');
    if (parts !== total) {
      out.push(finding('T4_TOTAL', `表四“${T4_GROUP_TITLE[g]}”：维持、纠正、其他、尚未审结之和为${parts}，但总计为${total}`, lineOf(v, g, 'total')));
    }
  }
}

function checkCells(cells: readonly CellRead[], out: Finding[]) {
  const blanks = new Map<TableName, CellRead[]>();
  const units: CellRead[] = [];
  const ambiguous = new Map<TableName, CellRead[]>();
  for (const c of cells) {
    const col = c.col;
    if (c.status === 'ambiguous') {
      ambiguous.set(c.cite.table, [...(ambiguous.get(c.cite.table) ?? []), c]);
    } else if (c.status === 'blank' || c.status === 'lost') {
      const t = c.cite.table;
      const list = blanks.get(t);
      if (list) list.push(c);
      else blanks.set(t, [c]);
    } else if (c.status === 'text') {
      const shown = c.raw.length > 24 ? `${c.raw.slice(0, 12)}…（共${c.raw.length}个字符）` : c.raw;
      const what = /^[+-]?[\d,.]+$/.test(c.raw) ? '数字位数过多，不可能是件数或金额' : '不是数字，应填写阿拉伯数字';
      out.push(finding('BAD_NUMBER', `${TABLE_TITLE[c.cite.table]}中“${shown}”${what}`, c.line));
    } else if (c.value !== null) {
      if (c.value < 0 && !SIGNED_COLUMNS.has(col)) {
        out.push(finding('BAD_NUMBER', `${TABLE_TITLE[c.cite.table]}中出现负数“${c.raw}”，件数不能为负`, c.line));
      } else if (!Number.isInteger(c.value) && !DECIMAL_COLUMNS.has(col)) {
        out.push(finding('BAD_NUMBER', `${TABLE_TITLE[c.cite.table]}中“${c.raw}”是小数，件数应为整数`, c.line));
      }
      if (c.unit) units.push(c);
    }
  }
  // One finding per kind of unit problem: a table with 件 in every cell is one thing to fix.
  const money = units.filter((c) => DECIMAL_COLUMNS.has(c.col) && c.unit !== '万元');
  const other = units.filter((c) => !money.includes(c));
  if (money.length > 0) {
    out.push(finding('UNIT_ANOMALY', `金额“${money[0]!.raw}”的单位不是万元，统一格式要求以万元填报`, money[0]!.line));
  }
  if (other.length > 0) {
    const more = other.length > 1 ? `等${other.length}个单元格` : '';
    out.push(finding('UNIT_ANOMALY', `单元格“${other[0]!.raw}”${more}里写了单位，统一格式的单位写在表头，单元格只填数字`, other[0]!.line));
  }
  for (const [t, list] of ambiguous) {
    out.push(
      finding(
        'AMBIGUOUS_CELLS',
        `${TABLE_TITLE[t]}第${list[0]!.line}行的数字连在一起（“${list[0]!.raw}”），按表格的合计关系有不止一种拆法，${list.length}个单元格无法确定，未予读取；请核对原表`,
        list[0]!.line,
      ),
    );
  }
  for (const [t, list] of blanks) {
    out.push(finding('BLANK_CELLS', `${TABLE_TITLE[t]}有${list.length}个单元格未填写（没有发生的应填0），第一个在第${list[0]!.line}行`, list[0]!.line));
  }
}

/** A label the 2021 form renamed (规范性文件 → 行政规范性文件) is nonstandard in a 2021 report. */
function renamedIn2021(key: T2RowKey, label: string, format: ReportFormat): string | null {
  const row = t2RowOf(key);
  const official = t2Printed(row, 'gov2021');
  return format === 'gov2021' && official !== T2[row].printed && !label.includes(official) ? official : null;
}

function checkLabels(tables: TablesRead, format: ReportFormat, out: Finding[]) {
  const nonstandard = (label: string, official: string, line: number) =>
    out.push(finding('NONSTANDARD_LABEL', `“${label}”与统一格式的名称“${official}”不一致`, line));
  for (const row of tables.t2Rows) {
    const label = compact(row.label.text);
    const official = renamedIn2021(row.spec.key, label, format);
    if (official) nonstandard(label, official, row.label.line);
  }
  for (const row of tables.t3Rows) {
    const label = compact(row.label.text);
    if (row.spec.nonstandard?.test(label)) nonstandard(label, row.spec.label, row.label.line);
  }
}

function checkTownRegulations(v: Values, kind: OrgKind | null, out: Finding[]) {
  if (kind !== 'town' && kind !== 'township' && kind !== 'subdistrict') return;
  const nonzero = [...(v.get('active.regulations')?.values() ?? [])].find((c) => (c.value ?? 0) !== 0);
  if (nonzero) {
    const [regulations, docs] = [T2.regulations.printed, T2.normative_docs.printed];
    out.push(
      finding(
        'TOWN_REGULATIONS_NONZERO',
        `乡镇（街道）没有制定${regulations}的权限，但表二“${regulations}”一行填了${nonzero.raw}，请核实是否应填在“${docs}”`,
        nonzero.line,
      ),
    );
  }
}

/** All checks that the tables of one report can settle on their own (docs/domain.md §3 R1–R5, R11, R12). */
export function checkTables(tables: TablesRead, format: ReportFormat, kind: OrgKind | null): Finding[] {
  const v = toGrid(tables.cells);
  const out: Finding[] = [];
  checkCompleteness(v, tables, format, out);
  checkT3Sums(v, format, out);
  checkT4Sums(v, out);
  checkCells(tables.cells, out);
  checkLabels(tables, format, out);
  checkTownRegulations(v, kind, out);
  return out;
}
