import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';
import type { App } from '../app.js';
import { loadStatus, reportPagesOf, type StatusQuery } from '../status/data.js';
import { buildExportSheets, type ExportSheet } from './rows.js';

const cell = (value: string | number | null, header: boolean): Cell =>
  value === null ? null : header ? { value: String(value), fontWeight: 'bold' } : { value, type: typeof value === 'number' ? Number : String };

/** The sheets as an .xlsx file: bold, frozen header row. */
export async function writeWorkbook(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const out: Array<Sheet<Buffer>> = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((row, i) => row.map((v) => cell(v, i === 0))),
    columns: s.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  const result: unknown = await writeXlsxFile(out).toBuffer();
  return result as Buffer;
}

export interface ExportResult {
  year: number;
  region: string | null;
  /** Organisations on the status sheet and reports on the table sheets. */
  organisations: number;
  reports: number;
  xlsx: Buffer;
}

/**
 * The workbook of a year (and a county) from the app's database: what `export`, `GET /export.xlsx`
 * and a chat command hand out. Statuses are those of `check` (src/calendar/assess.ts).
 */
export async function exportWorkbook(app: App, query: StatusQuery): Promise<ExportResult> {
  const data = loadStatus(app, query);
  const ids = data.entries.flatMap((e) => (e.report ? [e.report.id] : []));
  const stored = reportPagesOf(app).metricsOf(ids);
  const figures = new Map([...stored].map(([id, list]) => [id, new Map(list.map((m) => [m.key, m.value]))]));
  const xlsx = await writeWorkbook(buildExportSheets(data.entries, figures));
  return { year: data.year, region: data.region, organisations: data.entries.length, reports: ids.length, xlsx };
}
