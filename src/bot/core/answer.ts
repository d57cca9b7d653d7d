import { CODE_TITLE } from '../../parsing/checks/messages.js';
import type { Finding } from '../../parsing/types.js';
import { keyInfo } from './lexicon/captions.js';
import type { MetricRecord, ReportRecord } from './store.js';

/** Pure text helpers shared by every kind of answer: numbers with units, sources, finding caveats. */

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000);
}

/** `1件`, `5.2万元`, or `报告未填写` for a blank cell. */
export function formatValue(value: number | null, key: string): string {
  if (value === null) return '报告未填写';
  return `${formatNumber(value)}${keyInfo(key).unit}`;
}

/** `（来源：康庄镇2020年度报告，表三第一项“…”的“总计”栏，第119行）`. */
export function citation(report: ReportRecord, key: string, record: MetricRecord, who = report.name): string {
  const where = keyInfo(key).caption;
  const line = record.line > 0 ? `，第${record.line}行${record.derived ? '起' : ''}` : '';
  const derived = record.derived ? '，由各分项相加得出' : '';
  return `（来源：${who}${report.year}年度报告，${where}${line}${derived}）`;
}

const TABLE_IN_MESSAGE = /表[二三四]/;

/** Short plain-Chinese name of an error finding: 表三不完整, 使用了旧版表格格式. */
export function findingTitle(f: Finding): string {
  if (f.code === 'TRUNCATED_TABLE') {
    const table = TABLE_IN_MESSAGE.exec(f.message)?.[0];
    return table ? `${table}不完整` : CODE_TITLE.TRUNCATED_TABLE;
  }
  return CODE_TITLE[f.code] ?? f.code;
}

const DOUBTFUL_FIGURES = new Set(['TRUNCATED_TABLE', 'MISSING_SECTION']);
const WRONG_FIGURES = new Set(['T3_BALANCE', 'T3_ROW_TOTAL', 'T3_RESULT_SUM', 'T4_TOTAL', 'BAD_NUMBER']);

/** The table a finding is about (表三不完整, 表三勾稽关系), or null for the report as a whole. */
function tableOf(f: Finding): string | null {
  if (f.code === 'TRUNCATED_TABLE') return TABLE_IN_MESSAGE.exec(f.message)?.[0] ?? null;
  if (f.code.startsWith('T3_')) return '表三';
  if (f.code === 'T4_TOTAL') return '表四';
  return null;
}

/**
 * `注意：该报告表三不完整，数字可能不全。` for the error findings of a report, or ''. Given the keys of the
 * figures answered, a finding about another table is left out: a 表三 warning says nothing of a 表二 figure.
 */
export function errorCaveat(report: ReportRecord, subject = '该报告', keys?: readonly string[]): string {
  const tables = keys && new Set(keys.map((k) => TABLE_IN_MESSAGE.exec(keyInfo(k).caption)?.[0] ?? ''));
  const concerns = (f: Finding) => !tables || tableOf(f) === null || tables.has(tableOf(f)!);
  const errors = report.findings.filter((f) => f.severity === 'error' && concerns(f));
  if (errors.length === 0) return '';
  const titles = [...new Set(errors.map(findingTitle))];
  const tail = errors.some((f) => DOUBTFUL_FIGURES.has(f.code)) ? '，数字可能不全' : errors.some((f) => WRONG_FIGURES.has(f.code)) ? '，数字可能有误' : '';
  return `注意：${subject}${titles.join('、')}${tail}。`;
}

export const join = (parts: Array<string | false | null | undefined>) => parts.filter(Boolean).join('');
