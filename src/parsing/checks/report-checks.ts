import type { ReportMeta } from '../metadata.js';
import type { ProseFacts } from '../prose.js';
import type { Finding, MetricValue, ReportFormat, SectionKey } from '../types.js';
import { SECTION_KEYS } from '../types.js';
import { finding } from './finding.js';
import { SECTION_TITLE } from './messages.js';

export interface ReportCheckInput {
  meta: ReportMeta;
  format: ReportFormat;
  sections: readonly SectionKey[];
  sectionText: Partial<Record<SectionKey, string>>;
  prose: ProseFacts;
  metrics: Readonly<Record<string, MetricValue>>;
}

/** The first year whose reports must use the 30号 tables. */
export const GOV2021_FROM = 2021;

const RECTIFICATION = /(上年|上一年|去年|上年度|前一年|以往)[^。]{0,40}?(问题|整改|改进)|整改/;
const INFO_FEE = /信息处理费|处理费/;

function periodFindings(meta: ReportMeta, prose: ProseFacts): Finding[] {
  const y = meta.year;
  if (y === null) return [];
  return prose.periods
    .filter((p) => {
      const looksLikeYear = (p.from[1] === 1 && p.from[2] === 1) || (p.to[1] === 12 && p.to[2] === 31);
      return looksLikeYear && (p.from[0] !== y || p.to[0] !== y);
    })
    .slice(0, 1)
    .map((p) => finding('STAT_PERIOD_WRONG', `统计期限写成“${p.text}”，${y}年度报告应为${y}年1月1日至${y}年12月31日`, p.line));
}

/**
 * Checks on dates, format, parts and prose (spec §4 F03–F05, F15–F17, F19, F20). Lateness (F01) is
 * not the document's property but the calendar's: src/calendar/status.ts judges it from the dates
 * read here whenever it is asked, so a changed deadline changes every answer at once.
 */
export function checkReport(input: ReportCheckInput): Finding[] {
  const { meta, format, sections, sectionText, prose, metrics } = input;
  const out: Finding[] = [];
  if (meta.signedDate === null) {
    out.push(finding('DATE_UNKNOWN', '报告中找不到落款日期或发布日期，无法判断是否按时发布'));
  }
  if (meta.year !== null && meta.year >= GOV2021_FROM && format === 'gov2019') {
    out.push(finding('OUTDATED_FORMAT', `${meta.year}年度报告仍在使用2019年的旧表格（国办公开办函〔2019〕60号），应改用国办公开办函〔2021〕30号规定的新格式`));
  }
  for (const key of SECTION_KEYS) {
    if (!sections.includes(key)) out.push(finding('MISSING_SECTION', `报告缺少“${SECTION_TITLE[key]}”部分`));
  }
  const received = prose.applicationsReceived;
  const tableNew = metrics['applications.new.total'];
  if (received && typeof tableNew === 'number' && received.value !== tableNew) {
    out.push(finding('TEXT_TABLE_MISMATCH', `正文说收到政府信息公开申请${received.value}件，但表三“本年新收”总计为${tableNew}件`, received.line));
  }
  const t4Totals = ['review.total', 'litigation_direct.total', 'litigation_after_review.total'].map((k) => metrics[k] ?? 0);
  if (prose.noReviewOrLitigation && t4Totals.some((t) => t > 0)) {
    out.push(
      finding('TEXT_TABLE_MISMATCH', `正文说没有发生行政复议、行政诉讼，但表四填有${t4Totals.reduce((a, b) => a + b, 0)}件`, prose.noReviewOrLitigation.line),
    );
  }
  if (meta.year !== null && meta.year >= GOV2021_FROM) {
    const other = sectionText.other;
    if (other !== undefined && !INFO_FEE.test(other)) {
      out.push(finding('NO_INFO_FEE_STATEMENT', '“其他需要报告的事项”没有说明信息处理费的收取情况（未收取也应写明）'));
    }
    const problems = sectionText.problems;
    if (problems !== undefined && !RECTIFICATION.test(problems)) {
      out.push(finding('NO_PRIOR_YEAR_RECTIFICATION', '“存在的主要问题及改进情况”没有说明上一年度问题的整改情况'));
    }
  }
  if (!meta.yearInTitle && meta.year !== null) {
    out.push(finding('YEAR_NOT_IN_TITLE', `标题“${meta.title}”中没有写年份，年份${meta.year}是从正文推断的`, meta.titleLine));
  }
  out.push(...periodFindings(meta, prose));
  return out;
}
