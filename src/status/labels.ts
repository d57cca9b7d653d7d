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
