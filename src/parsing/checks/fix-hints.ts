import type { FindingCode } from '../types.js';

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
