import type { FindingCode } from '../../../parsing/types.js';

/** Cue words of questions about the data itself and about what a finding means (issue 14). */

/** 棉洋镇属于哪个县 / 在哪个县 / 是哪个市的. */
export const REGION_OF_CUE = /属于哪(?:个|一个)?(?:县|市|区|地方|省)?|(?:在|是)哪(?:个|一个)?(?:县|市|区|省)|哪(?:个|一个)?(?:县|市|区)的|归哪/;

/** 霍邱县有几个镇 / 有哪些镇 / 下面有哪些乡镇. */
export const TOWNS_OF_CUE =
  /(?:有|共|一共|总共)?(?:几|多少)个(?:镇|乡|街道|乡镇|单位)|有哪些(?:镇|乡|街道|乡镇|单位)|哪些(?:镇|乡|街道|乡镇)(?!.*(?:没|未|逾期|迟|不完整|问题|最))/;

/** 数据库里有几份报告 / 哪些县有数据 / 收录了哪些年份. */
export const CATALOGUE_COUNT_CUE =
  /(?:几|多少)份|哪些(?:县|市|区|地方|地区)|几个(?:县|市|区|地区)|哪(?:些|几)(?:个)?年(?:份|度)?|有什么数据|有哪些数据|数据(?:有|包括)哪些/;

/**
 * What no annual report contains: who leads a town, its phone number, population… (镇长是谁). Read on
 * what is left after the names were taken out, so 康庄镇镇长 leaves 长是谁 behind.
 */
export const NOT_IN_REPORTS_CUE =
  /(?:^|[#\s])长(?:是谁|叫什么)|镇长|乡长|街道主任|党委书记|书记|县长|市长|区长|局长|领导|负责人|联系人|电话|手机|地址|邮编|人口|面积|gdp|生产总值|财政收入|网址|官网/;

/** 是什么意思 / 怎么改: a finding to be explained, not a question about the reports. */
export const EXPLAIN_CUE =
  /是什么意思|什么意思|啥意思|是什么|什么是|指什么|怎么(?:改|修改|整改|处理|办|填|解决)|如何(?:改|修改|整改|处理|解决|填)|该怎么|要怎么|为什么/;

/** Everyday words for a finding, besides its code and its title (CODE_TITLE). */
export const FINDING_WORDS: ReadonlyArray<[RegExp, FindingCode]> = [
  [/勾稽|不平衡?|平衡关系/, 'T3_BALANCE'],
  [/表[二三四]?不完整|表格?(?:缺失|残缺|截断|不全)|缺表|少了?(?:行|列)/, 'TRUNCATED_TABLE'],
  [/旧版|旧格式|旧表|老格式|格式过时/, 'OUTDATED_FORMAT'],
  [/空白|空格|没填/, 'BLANK_CELLS'],
  [/逾期|迟交|晚交|超期/, 'LATE'],
  [/统计期限|统计时间/, 'STAT_PERIOD_WRONG'],
  [/信息处理费/, 'NO_INFO_FEE_STATEMENT'],
  [/落款|没有日期|找不到日期/, 'DATE_UNKNOWN'],
  [/雷同|重复|抄袭/, 'DUPLICATE_CONTENT'],
  [/上年结转/, 'CARRY_MISMATCH'],
  [/缺少?(?:部分|章节)/, 'MISSING_SECTION'],
  [/合计不符|总计不符|加起来不对|总计不对/, 'T3_RESULT_SUM'],
];
