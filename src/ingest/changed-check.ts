import { finding } from '../parsing/checks/finding.js';
import type { Finding } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';

/** Keys whose value differs between two versions (present in only one counts as different). */
export function changedMetricKeys(before: ReportFacts, after: ReportFacts): string[] {
  const keys = new Set([...Object.keys(before.metrics), ...Object.keys(after.metrics)]);
  return [...keys].filter((k) => !(k in before.metrics) || !(k in after.metrics) || before.metrics[k] !== after.metrics[k]).sort();
}

/** CHANGED_AFTER_PUBLICATION on a new version of a report already on file with other content. */
export function checkChanged(before: ReportFacts, after: ReportFacts): Finding {
  const when = before.ingestedAt ? `于${before.ingestedAt.slice(0, 10)}` : '';
  const changed = changedMetricKeys(before, after).length;
  const what = changed === 0 ? '统计数据相同，文字有改动' : `其中${changed}项统计数据不同`;
  return finding(
    'CHANGED_AFTER_PUBLICATION',
    `${after.name}${after.year}年度报告此前已${when}入库（${before.file}），这次导入的内容与之不同（${what}），` +
      `说明报告发布后被修改过；旧版本已保留，以新版本为准`,
  );
}
