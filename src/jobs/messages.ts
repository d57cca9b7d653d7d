import { chineseDate } from '../calendar/time.js';

/**
 * The Chinese texts of reminders and escalations. Kept together so that wording changes in one
 * place and the tests read like the messages people receive.
 */

/** What to do, in one line, for a town that has not filed. */
export const HOW_TO = '怎么做：按国办公开办函〔2021〕30号规定的格式写齐六个部分和表二至表四，在本单位政府网站发布，并把报告文件交年报助手检查。';

const reportTitle = (year: number) => `${year}年度政府信息公开工作年度报告`;

function countdown(offset: number): string {
  if (offset === 0) return '今天就是截止日';
  if (offset === -1) return '明天截止';
  return `距截止还有${-offset}天`;
}

export function reminderText(name: string, year: number, deadline: string, offset: number): string {
  return [`【年报提醒】${name}：${reportTitle(year)}应在${chineseDate(deadline)}23:59前发布，${countdown(offset)}，目前尚未收到。`, HOW_TO].join('\n');
}

export function digestText(region: string, year: number, deadline: string, offset: number, pending: readonly string[], total: number): string {
  return [
    `【年报提醒】${region}：${year}年度年报${chineseDate(deadline)}截止，${countdown(offset)}。`,
    `尚未发布的单位（${pending.length}/${total}）：${pending.join('、')}。`,
  ].join('\n');
}

export function escalationOrgText(name: string, year: number, deadline: string, daysOver: number): string {
  return [
    `【年报催报】${name}：${reportTitle(year)}已于${chineseDate(deadline)}截止，现已逾期${daysOver}天，仍未收到。`,
    '请尽快在本单位政府网站发布，并把报告文件交年报助手检查。',
  ].join('\n');
}

export interface LateFiler {
  name: string;
  signedDate: string;
}

export interface IncompleteFiler {
  name: string;
  /** Chinese titles of its problems. */
  problems: readonly string[];
}

export function escalationRegionText(
  region: string,
  year: number,
  deadline: string,
  daysOver: number,
  status: { missing: readonly string[]; late: readonly LateFiler[]; incomplete: readonly IncompleteFiler[] },
): string {
  const { missing, late, incomplete } = status;
  const lines = [`【年报催报】${region}：${year}年度年报已于${chineseDate(deadline)}截止（已过${daysOver}天）。`];
  if (missing.length > 0) lines.push(`未发布（${missing.length}）：${missing.join('、')}`);
  if (late.length > 0) lines.push(`逾期发布（${late.length}）：${late.map((l) => `${l.name}（落款${chineseDate(l.signedDate)}）`).join('、')}`);
  if (incomplete.length > 0) lines.push(`报告不完整（${incomplete.length}）：${incomplete.map((i) => `${i.name}（${i.problems.join('、')}）`).join('、')}`);
  if (missing.length > 0) lines.push('请督促未发布的单位尽快发布。');
  if (incomplete.length > 0) lines.push('请督促报告不完整的单位改正后重新发布。');
  if (missing.length + late.length + incomplete.length === 0) lines.push('所有单位均已按时发布，检查未发现需要改正的问题。');
  return lines.join('\n');
}
