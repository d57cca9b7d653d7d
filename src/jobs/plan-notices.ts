import type { Subscription } from '../bot/subscriptions.js';
import type { ChatTarget } from '../bot/types.js';
import { CODE_TITLE } from '../parsing/checks/messages.js';
import type { AssessedReport } from '../calendar/assess.js';
import type { Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import { isQuiet } from '../calendar/schedule.js';
import { completenessErrors, lateness } from '../calendar/status.js';
import { chineseDate } from '../calendar/time.js';
import { FIX_HINT } from './fix-hints.js';
import { groupIndex, nameCounts, targetKey, type Outgoing } from './outgoing.js';
import { orgSubject } from './roster.js';

export interface NoticeReport extends AssessedReport {
  /** ISO instant the report came in. */
  ingestedAt: string;
}

/** A notice about a report that came in is worth sending for this long; after that it is dropped. */
export const NOTICE_LIFETIME_DAYS = 3;
/** Beyond this many problems a notice says how many more there are instead of listing them. */
const MAX_LISTED = 8;

const reportTitle = (r: NoticeReport) => `${r.name}${r.year}年度政府信息公开工作年度报告`;
const signed = (r: NoticeReport) => (r.signedDate ? `（落款${chineseDate(r.signedDate)}）` : '（未找到落款日期）');

/** The plain-Chinese notice for a report: its problems and what to fix, or a short confirmation. */
export function noticeText(cal: Calendar, report: NoticeReport): string {
  const { late, deadline, date } = lateness(cal, report);
  const errors = completenessErrors(report);
  if (!late && errors.length === 0) return confirmationText(report);
  const problems: string[] = [];
  const hinted = new Set<string>();
  const hintFor = (code: keyof typeof FIX_HINT) => {
    const hint = FIX_HINT[code];
    if (!hint || hinted.has(code)) return '';
    hinted.add(code);
    return `\n   怎么改：${hint}`;
  };
  if (late) {
    // The date judged is the website's when the report states one (the portal, /submit), else the signature's.
    const which = report.published ? '网站发布日期' : '落款日期';
    problems.push(`逾期发布：截止日期是${chineseDate(deadline)}，报告${which}是${chineseDate(date!)}。${hintFor('LATE')}`);
  }
  for (const f of errors) {
    problems.push(`${CODE_TITLE[f.code]}${f.line ? `（第${f.line}行）` : ''}：${f.message}${hintFor(f.code)}`);
  }
  const listed = problems.slice(0, MAX_LISTED).map((p, i) => `${i + 1}. ${p}`);
  if (problems.length > MAX_LISTED) listed.push(`……另有${problems.length - MAX_LISTED}项问题未列出。`);
  return [
    `【年报检查】${reportTitle(report)}${signed(report)}已收到，发现以下问题：`,
    ...listed,
    ...(errors.length > 0 ? ['请改正后重新发布，并把新版本交年报助手检查。'] : []),
  ].join('\n');
}

function confirmationText(report: NoticeReport): string {
  const warnings = [...new Set(report.findings.filter((f) => f.severity === 'warning' && f.code !== 'DATE_UNKNOWN').map((f) => CODE_TITLE[f.code]))];
  const when = report.signedDate ? '按时发布，' : '';
  const lines = [`【年报检查】已收到${reportTitle(report)}${signed(report)}，${when}检查未发现需要改正的问题。`];
  if (!report.signedDate) lines.push('报告中找不到落款日期，无法确认是否按时发布，请在文末写明成文日期。');
  if (warnings.length > 0) lines.push(`另有${warnings.length}项提示供改进参考：${warnings.join('、')}。`);
  return lines.join('\n');
}

/** The groups told about a report: its organisation's and its region's, each once. */
export function noticeTargets(groups: ReturnType<typeof groupIndex>, report: Pick<NoticeReport, 'name' | 'region'>): ChatTarget[] {
  const seen = new Set<string>();
  return [...groups.ofOrg(report), ...groups.ofRegion(report.region)].filter((t) => {
    const k = targetKey(t);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/**
 * Notices for reports of the current season that came in during the last NOTICE_LIFETIME_DAYS.
 * Each report version gets its own notice (a corrected report gets a fresh answer); the delivery log
 * makes re-planning harmless. Nothing in the quiet hours: those wait for the morning.
 */
export function planNotices(input: {
  now: Date;
  reports: readonly NoticeReport[];
  subscriptions: readonly Subscription[];
  calendar: Calendar;
  /** Who must report: whether a binding made without a county still names one organisation. */
  roster?: ReadonlyArray<{ name: string; region: string | null }>;
}): Outgoing[] {
  const { now, reports, subscriptions, calendar: cal } = input;
  const groups = groupIndex(subscriptions, input.roster && nameCounts(input.roster));
  if (isQuiet(cal, now)) return [];
  const year = seasonYear(cal, now);
  const out: Outgoing[] = [];
  for (const report of reports) {
    const at = Date.parse(report.ingestedAt);
    const notAfter = new Date(at + NOTICE_LIFETIME_DAYS * 86_400_000);
    if (report.year !== year || at > now.getTime() || notAfter.getTime() <= now.getTime()) continue;
    const text = noticeText(cal, report);
    for (const target of noticeTargets(groups, report)) {
      const about = { kind: 'org' as const, name: report.name, region: report.region };
      out.push({ job: 'notice', subject: orgSubject(report), period: `${report.year}/report-${report.id}`, target, text, notAfter, about });
    }
  }
  return out;
}
