import { APPLICANT_COLUMN, APPLICANT_COLUMNS, T4, T4_COLUMN, type T4Group, type TableName } from '../../catalog/index.js';
import type { FindingCode, Severity } from '../types.js';

/** Severity of each finding code (docs/data-contract.md §3): an error makes a report incomplete. */
export const SEVERITY: Record<FindingCode, Severity> = {
  LATE: 'error',
  MISSING: 'error',
  DATE_UNKNOWN: 'warning',
  OUTDATED_FORMAT: 'error',
  MISSING_SECTION: 'error',
  TRUNCATED_TABLE: 'error',
  BLANK_CELLS: 'warning',
  T3_BALANCE: 'error',
  T3_ROW_TOTAL: 'error',
  T3_RESULT_SUM: 'error',
  T4_TOTAL: 'error',
  BAD_NUMBER: 'error',
  CARRY_MISMATCH: 'warning',
  STOCK_MISMATCH: 'warning',
  TEXT_TABLE_MISMATCH: 'warning',
  NO_INFO_FEE_STATEMENT: 'warning',
  NO_PRIOR_YEAR_RECTIFICATION: 'info',
  TOWN_REGULATIONS_NONZERO: 'warning',
  YEAR_NOT_IN_TITLE: 'info',
  STAT_PERIOD_WRONG: 'warning',
  NONSTANDARD_LABEL: 'info',
  DUPLICATE_CONTENT: 'warning',
  CHANGED_AFTER_PUBLICATION: 'warning',
  UNIT_ANOMALY: 'info',
  AMBIGUOUS_CELLS: 'warning',
};

/** Short Chinese names of each code, for lists in chat answers. */
export const CODE_TITLE: Record<FindingCode, string> = {
  LATE: '逾期发布',
  MISSING: '未发布年报',
  DATE_UNKNOWN: '找不到发布或落款日期',
  OUTDATED_FORMAT: '使用了旧版表格格式',
  MISSING_SECTION: '缺少规定的部分',
  TRUNCATED_TABLE: '表格缺失或不完整',
  BLANK_CELLS: '表格有空白单元格',
  T3_BALANCE: '表三勾稽关系不平',
  T3_ROW_TOTAL: '表三某行总计与分项之和不符',
  T3_RESULT_SUM: '表三办理结果合计不符',
  T4_TOTAL: '表四总计与分项之和不符',
  BAD_NUMBER: '表格数字有误',
  CARRY_MISMATCH: '上年结转与上一年报告不一致',
  STOCK_MISMATCH: '现行有效件数与上一年报告不衔接',
  TEXT_TABLE_MISMATCH: '正文数字与表格不一致',
  NO_INFO_FEE_STATEMENT: '未说明信息处理费收取情况',
  NO_PRIOR_YEAR_RECTIFICATION: '未说明上年度问题整改情况',
  TOWN_REGULATIONS_NONZERO: '乡镇填报了规章数量',
  YEAR_NOT_IN_TITLE: '标题中没有年份',
  STAT_PERIOD_WRONG: '统计期限写错',
  NONSTANDARD_LABEL: '表格项目名称与统一格式不一致',
  DUPLICATE_CONTENT: '内容与其他报告雷同',
  CHANGED_AFTER_PUBLICATION: '报告发布后被修改',
  UNIT_ANOMALY: '单位填写不规范',
  AMBIGUOUS_CELLS: '表格数字连在一起无法拆分',
};

export const SECTION_TITLE: Record<string, string> = {
  overview: '一、总体情况',
  active: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  review_litigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

export const TABLE_TITLE: Record<TableName, string> = {
  表二: '表二（主动公开政府信息情况）',
  表三: '表三（收到和处理政府信息公开申请情况）',
  表四: '表四（行政复议、行政诉讼情况）',
};

/** Column headings as the forms print them (表三's applicants, 表四's outcomes), from the catalog. */
export const COLUMN_TITLE: Record<string, string> = {
  ...Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, APPLICANT_COLUMN[c].printed])),
  ...T4_COLUMN,
};

export const T4_GROUP_TITLE: Record<T4Group, string> = {
  review: T4.review.printed,
  litigation_direct: T4.litigation_direct.printed,
  litigation_after_review: T4.litigation_after_review.printed,
};
