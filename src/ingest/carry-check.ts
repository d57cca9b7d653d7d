import { APPLICANT_COLUMNS, T3, t3Key } from '../catalog/index.js';
import { finding } from '../parsing/checks/finding.js';
import { COLUMN_TITLE } from '../parsing/checks/messages.js';
import type { Finding } from '../parsing/types.js';
import type { ReportFacts } from './facts.js';

/**
 * R6: 表三 二、上年结转 of year Y equals 四、结转下年度继续办理 of Y−1, column by column. A blank or
 * missing cell on either side is not compared (BLANK_CELLS / TRUNCATED_TABLE already say so).
 */
export function checkCarry(prev: ReportFacts, cur: ReportFacts): Finding[] {
  if (prev.year !== cur.year - 1) return [];
  const out: Finding[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const overKey = t3Key('carried_over', col);
    const forwardKey = t3Key('carried_forward', col);
    const over = cur.metrics[overKey];
    const forward = prev.metrics[forwardKey];
    if (typeof over !== 'number' || typeof forward !== 'number' || over === forward) continue;
    const colTitle = COLUMN_TITLE[col] ?? col;
    out.push(
      finding(
        'CARRY_MISMATCH',
        `表三“${T3.carried_over.printed}”的“${colTitle}”填的是${over}件，` +
          `但本单位${prev.year}年度报告（${prev.file}）“${T3.carried_forward.printed}”的“${colTitle}”是${forward}件，两者应当相等`,
        cur.lines[overKey],
      ),
    );
  }
  return out;
}
