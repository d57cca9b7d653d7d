import { METRICS, type MetricInfo } from '../catalog/index.js';
import type { TableName } from '../catalog/keys.js';
import { CODE_TITLE } from '../parsing/checks/messages.js';
import type { StatusEntry } from '../status/data.js';
import { STATUS_LABEL, shownStatus } from '../status/labels.js';

/** A cell of the workbook: text, a number, or blank. */
export type ExportCell = string | number | null;

export interface ExportSheet {
  name: string;
  /** The first row is the header. */
  rows: ExportCell[][];
  /** Column widths in characters. */
  widths: number[];
}

export const STATUS_SHEET = '状态';
export const TABLE_SHEETS: readonly TableName[] = ['表二', '表三', '表四'];

const STATUS_HEADER = ['单位', '地区', '年度', '状态', '状态代码', '问题', '落款日期', '发布日期', '截止日期'];

function statusSheet(entries: readonly StatusEntry[]): ExportSheet {
  const rows: ExportCell[][] = [STATUS_HEADER];
  for (const { row, report } of entries) {
    rows.push([
      row.name,
      row.region,
      row.year,
      STATUS_LABEL[shownStatus(row)],
      row.status,
      row.codes.map((c) => `${CODE_TITLE[c]}（${c}）`).join('；') || null,
      row.signedDate,
      report?.published ?? null,
      row.deadline,
    ]);
  }
  return { name: STATUS_SHEET, rows, widths: [16, 10, 6, 18, 11, 36, 11, 11, 11] };
}

/** The header of a figure's column: the printed row and column, e.g. 本年新收政府信息公开申请数量·总计. */
const columnTitle = (m: MetricInfo) => `${m.row ?? m.say}·${m.col ?? ''}`;

function tableSheet(table: TableName, entries: readonly StatusEntry[], figures: ReadonlyMap<number, ReadonlyMap<string, number | null>>): ExportSheet {
  const metrics = METRICS.filter((m) => m.table === table);
  const rows: ExportCell[][] = [['单位', '地区', '年度', ...metrics.map(columnTitle)]];
  for (const { row, report } of entries) {
    if (!report) continue;
    const values = figures.get(report.id);
    // A cell printed blank (null) and a cell the report's format lacks (absent) both stay blank.
    rows.push([row.name, row.region, row.year, ...metrics.map((m) => values?.get(m.key) ?? null)]);
  }
  return { name: table, rows, widths: [16, 10, 6, ...metrics.map(() => 12)] };
}

/**
 * The workbook of `export` (docs/data-contract.md §6.2), pure: a status sheet, one row per
 * organisation, and one sheet each for 表二, 表三 and 表四, one row per report on file, one column per
 * figure of the catalog. `figures` maps a report id to its stored figures.
 */
export function buildExportSheets(entries: readonly StatusEntry[], figures: ReadonlyMap<number, ReadonlyMap<string, number | null>>): ExportSheet[] {
  return [statusSheet(entries), ...TABLE_SHEETS.map((t) => tableSheet(t, entries, figures))];
}
