import type { StatusRow } from '../calendar/assess.js';
import { notYetDue } from '../calendar/status.js';

/** How the page and the spreadsheet name a status; `pending` is `missing` before the deadline. */
export type ShownStatus = 'missing' | 'incomplete' | 'late' | 'pending' | 'ok';

export const shownStatus = (r: StatusRow): ShownStatus => (notYetDue(r) ? 'pending' : r.status);

export const STATUS_LABEL: Record<ShownStatus, string> = {
  missing: '未发布（已逾期）',
  incomplete: '不完整',
  late: '逾期发布',
  pending: '尚未发布，未到截止日',
  ok: '按时且完整',
};

/** Problems first: the overdue, the incomplete, the late, then those still to come, then the good. */
export const STATUS_RANK: Record<ShownStatus, number> = { missing: 0, incomplete: 1, late: 2, pending: 3, ok: 4 };

export const FORMAT_LABEL: Record<string, string> = { gov2019: '2019年版格式', gov2021: '2021年版格式', unknown: '格式不明' };

/** The sentence a row without a report shows instead of findings. */
export const missingSentence = (deadline: string, daysLeft: number): string =>
  daysLeft >= 0 ? `尚未发布年报，离截止日（${deadline}）还有 ${daysLeft} 天` : `已过截止日（${deadline}）${-daysLeft} 天，仍未发布年报`;

/** The countdown at the top of the page. */
export function countdownSentence(year: number, deadline: string, daysLeft: number): string {
  if (daysLeft > 0) return `距${year}年度年报截止（${deadline}）还有 ${daysLeft} 天`;
  if (daysLeft === 0) return `今天（${deadline}）是${year}年度年报的截止日`;
  return `${year}年度年报已于 ${deadline} 截止，已过 ${-daysLeft} 天`;
}

export const SEVERITY_LABEL: Record<string, string> = { error: '问题', warning: '提醒', info: '说明' };
