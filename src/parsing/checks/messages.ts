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

/** What each finding means, in plain words (the bot's answer to 「TRUNCATED_TABLE是什么意思」). */
export const CODE_EXPLAINED: Record<FindingCode, string> = {
  LATE: '报告的发布（落款）日期晚于截止日期（每年1月31日，各地可另行规定），属于逾期发布',
  MISSING: '截止日期已过，还没有收到这个单位这一年度的报告',
  DATE_UNKNOWN: '报告里找不到落款日期或发布日期，无法判断是否按时发布',
  OUTDATED_FORMAT: '2021年及以后的年度报告应使用国办公开办函〔2021〕30号的新表格，这份报告用的是2019年的旧表格',
  MISSING_SECTION: '统一格式规定的六个部分（总体情况、主动公开、依申请公开、复议诉讼、存在的问题及改进、其他事项）缺了一部分',
  TRUNCATED_TABLE: '表二、表三或表四缺了行或列（常见于表格被截断、分页丢失或删了没有发生的行），表里的数字可能不全',
  BLANK_CELLS: '统计表有单元格没有填写；没有发生的事项应填0',
  T3_BALANCE: '表三里“本年新收”加“上年结转”应等于“办理结果总计”加“结转下年度继续办理”，这份报告两边不相等',
  T3_ROW_TOTAL: '表三某一行的“总计”与六类申请人的数字之和不相等',
  T3_RESULT_SUM: '表三“（七）总计”与（一）至（六）各项办理结果之和不相等',
  T4_TOTAL: '表四某一组的“总计”与结果维持、结果纠正、其他结果、尚未审结之和不相等',
  BAD_NUMBER: '统计表里有不是非负整数的数字（负数、小数或文字）',
  CARRY_MISMATCH: '表三“上年结转”与上一年度报告的“结转下年度继续办理”不一致',
  STOCK_MISMATCH: '表二“现行有效件数”与上一年度报告衔接不上',
  TEXT_TABLE_MISMATCH: '正文里写的数字与统计表里的数字不一致',
  NO_INFO_FEE_STATEMENT: '报告没有说明本年度收取信息处理费的情况（没有收取也应写明）',
  NO_PRIOR_YEAR_RECTIFICATION: '“存在的主要问题及改进情况”没有说明上一年度问题的整改情况',
  TOWN_REGULATIONS_NONZERO: '乡镇没有规章制定权，表二“规章”一行却填了数字',
  YEAR_NOT_IN_TITLE: '报告标题里没有写年度',
  STAT_PERIOD_WRONG: '报告写的统计期限与报告年度（1月1日至12月31日）不一致',
  NONSTANDARD_LABEL: '统计表的项目名称与统一格式的写法不一致',
  DUPLICATE_CONTENT: '报告内容与其他单位或其他年度的报告大段相同',
  CHANGED_AFTER_PUBLICATION: '同一份报告在发布后又被修改，收录的新版本与原版本不同',
  UNIT_ANOMALY: '数字的计量单位填写不规范（例如金额没有按万元填写）',
  AMBIGUOUS_CELLS: '统计表里一行的数字连在一起（例如“461000047”），按表格的合计关系不止一种拆法，这些格子没有读取，请把每个数字分开填在各自的格子里',
};

/**
 * What a town officer does about each error finding, in the words of the national template
 * (国办公开办函〔2021〕30号《政府信息公开工作年度报告格式》). Warnings get no hint: they do not make a
 * report incomplete.
 */
export const FIX_HINT: Partial<Record<FindingCode, string>> = {
  LATE: '日期已无法补救；请确认报告已在政府网站公开，下一年度请在截止日前发布。',
  OUTDATED_FORMAT: '改用国办公开办函〔2021〕30号规定的新表格（表二、表三、表四），重新发布。',
  MISSING_SECTION: '补齐统一格式的六个部分：总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项。',
  TRUNCATED_TABLE: '补全表二、表三、表四的所有行和列，没有发生的事项填0，不要删行。',
  T3_BALANCE: '核对表三：“本年新收”加“上年结转”应等于“办理结果总计”加“结转下年度继续办理”。',
  T3_ROW_TOTAL: '核对表三：每一行的“总计”应等于六类申请人数字之和。',
  T3_RESULT_SUM: '核对表三：“（七）总计”应等于（一）至（六）各项之和。',
  T4_TOTAL: '核对表四：每一组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
  BAD_NUMBER: '表格中的件数只填不小于0的整数，没有发生的填0，不要填文字。',
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
