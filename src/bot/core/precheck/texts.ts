import type { MetricKey } from '../../../catalog/index.js';
import type { SourceType } from '../../../parsing/readers/types.js';
import type { ReportFormat, Severity } from '../../../parsing/types.js';

/** The Chinese of the pre-check reply (src/bot/core/precheck/reply.ts); the findings' own words come from parsing/checks. */

/** The figures a county reviewer looks at first, named by the catalog. */
export const KEY_FIGURES: readonly MetricKey[] = [
  'applications.new.total',
  'applications.granted.total',
  'applications.handled.total',
  'review.total',
  'litigation.total',
];

/** Problems listed in the short reply; the rest are counted and shown by 「详细」. */
export const SHORT_LIST_MAX = 5;

export const FORMAT_NAME: Record<ReportFormat, string> = {
  gov2021: '2021年版格式（国办公开办函〔2021〕30号）',
  gov2019: '2019年版格式（国办公开办函〔2019〕60号）',
  unknown: '未能识别表格格式',
};

export const SOURCE_NAME: Record<SourceType, string> = {
  pdf: 'PDF',
  docx: 'Word（.docx）',
  doc: 'Word（.doc）',
  html: '网页',
  text: '纯文本',
};

export const MARK: Record<Severity, string> = { error: '✗ 错误', warning: '! 警告', info: '· 提示' };

export const TEXT = {
  title: (org: string | null, year: number | null) => `预检结果：${org ?? '（未识别单位）'} ${year === null ? '（未识别年度）' : `${year}年度`}报告`,
  format: (format: string, source: string, pages?: number) => `格式：${format}；文件：${source}${pages ? `，${pages}页` : ''}`,
  figuresHead: '主要数字：',
  figure: (say: string, value: number | null, unit: string, where: string) =>
    `· ${say}：${value === null ? '未填写' : `${value}${unit}`}${where ? `（${where}）` : ''}`,
  noFigures: '主要数字：未能读出表三、表四的数字',
  noProblems: '检查结果：未发现需要修改的问题。',
  problemsHead: (errors: number, warnings: number) => `检查结果：错误${errors}项，警告${warnings}项`,
  more: (n: number) => `……还有${n}项，回复「详细」查看全部。`,
  fix: (hint: string) => `改法：${hint}`,
  noOrg: '✗ 找不到发布单位：标题中应写明“XX镇人民政府”等单位全称，否则无法归档',
  noYear: '✗ 找不到报告年度：标题中应写明“XXXX年度”',
  verdictOk: '结论：可以发布',
  verdictFix: '结论：请修改后再发布',
  refused: (message: string) => `无法预检这个文件：${message}。`,
  detailHead: '全部检查结果：',
  infosHead: '提示（不影响发布）：',
} as const;
