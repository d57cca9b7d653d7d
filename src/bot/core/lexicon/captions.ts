import { metricInfo } from '../../../catalog/index.js';

/**
 * How answers cite and name a figure, read from the metric catalog: the place it is printed
 * (「表三第一项」), a short name for headings, and its unit. Keys come from the store, so a string
 * that is not a key of the contract is shown as it is rather than failing the answer.
 */

export interface KeyInfo {
  /** Where the figure is printed: 表三第一项“…”总计栏. */
  caption: string;
  /** What the figure is, for headings: 新收政府信息公开申请（自然人）. */
  label: string;
  unit: string;
}

/** Caption, label and unit of a metric key of the data contract. */
export function keyInfo(key: string): KeyInfo {
  const m = metricInfo(key);
  return m ? { caption: m.caption, label: m.say, unit: m.unit } : { caption: key, label: key, unit: '' };
}

/** The column part of a key in words (自然人, 结果维持), for lists of one row's columns. */
export function columnTitle(key: string): string {
  return metricInfo(key)?.colSay ?? key.split('.').at(-1) ?? '';
}

/** The row of a key in words (行政规范性文件, 新收政府信息公开申请), heading a list of its columns. */
export function rowTitle(key: string): string {
  return metricInfo(key)?.rowSay ?? key;
}
