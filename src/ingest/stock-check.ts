import { finding } from '../parsing/checks/finding.js';
import type { Finding } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';

const DOC_ROWS: Record<string, string> = { regulations: '规章', normative_docs: '行政规范性文件' };

const ITEM_ROWS: Record<string, string> = {
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
};

const num = (f: ReportFacts, key: string): number | null => {
  const v = f.metrics[key];
  return typeof v === 'number' ? v : null;
};

/**
 * R7 (2021 format): 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
 * R8 (2019 format): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1).
 * Only between two reports of the same format: a 2019 对外公开总数量 is not a 现行有效件数.
 */
export function checkStock(prev: ReportFacts, cur: ReportFacts): Finding[] {
  if (prev.year !== cur.year - 1 || prev.format !== cur.format) return [];
  const out: Finding[] = [];
  if (cur.format === 'gov2021') {
    for (const [row, title] of Object.entries(DOC_ROWS)) {
      const inForce = num(cur, `active.${row}.in_force`);
      const before = num(prev, `active.${row}.in_force`);
      const issued = num(cur, `active.${row}.issued`);
      const repealed = num(cur, `active.${row}.repealed`);
      if (inForce === null || before === null || issued === null || repealed === null) continue;
      const expected = before + issued - repealed;
      if (inForce === expected) continue;
      out.push(
        finding(
          'STOCK_MISMATCH',
          `表二“${title}”的现行有效件数填的是${inForce}件，但按本单位${prev.year}年度报告（${prev.file}）的现行有效${before}件，` +
            `加本年制发${issued}件、减本年废止${repealed}件，应为${expected}件`,
          cur.lines[`active.${row}.in_force`],
        ),
      );
    }
  } else if (cur.format === 'gov2019') {
    for (const [row, title] of Object.entries(ITEM_ROWS)) {
      const now = num(cur, `active.${row}.prev_items`);
      const before = num(prev, `active.${row}.prev_items`);
      const delta = num(prev, `active.${row}.delta_items`);
      if (now === null || before === null || delta === null) continue;
      const expected = before + delta;
      if (now === expected) continue;
      out.push(
        finding(
          'STOCK_MISMATCH',
          `表二“${title}”的上一年项目数量填的是${now}，但本单位${prev.year}年度报告（${prev.file}）中该项上一年项目数量为${before}、` +
            `本年增/减为${delta}，应为${expected}`,
          cur.lines[`active.${row}.prev_items`],
        ),
      );
    }
  }
  return out;
}
