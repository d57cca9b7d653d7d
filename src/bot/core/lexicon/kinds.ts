/**
 * Cue words of each kind of question (issue 4), read on what is left after names, figures and years
 * have been taken out of the question.
 */

const NUM = '[\\d一二两三四五六七八九十]';

export const HELP_CUE =
  /^(?:帮助|帮忙|help|h|\?|菜单|功能|说明|使用说明|用法|怎么用|如何使用|命令|指令|start|你好|您好|hi|hello|在吗|在不在|哈喽|嗨)$|帮助|怎么用|如何使用|怎么问|能问(?:些)?(?:什么|啥)|可以问(?:些)?(?:什么|啥)|能做(?:些)?什么|你能干(?:什么|啥)|你会(?:做)?(?:什么|啥)|使用说明|有(?:什么|哪些)功能|你是谁|支持(?:哪些|什么)问题/;

export const THANKS_CUE = /^(?:谢谢|多谢|感谢|谢了|谢啦|thanks|thankyou|thx|好的|好|收到|明白了|知道了|ok|嗯|嗯嗯)+(?:你|您|啦|了|哈|呀)?$/;

/** How-to and what-is questions: about the rules, not about any report's figures. */
export const HOW_TO_CUE = /怎么(?!样)|如何|流程|程序|步骤|什么是|是什么意思|啥意思|什么意思|定义|含义|哪些情形/;

export const HELP_COMMANDS = new Set(['help', 'start', 'h', 'menu', 'bangzhu']);

/** 截止 and the future tense of 交/报: not 什么时候发布的 (past), which asks about one report. */
export const DEADLINE_CUE = new RegExp(
  [
    '截止',
    '截至日期',
    '期限',
    '还有几天',
    '还剩几天',
    '剩几天',
    '还有多少天',
    '剩多少天',
    '倒计时',
    'deadline',
    '最晚',
    '最迟',
    '最后一天',
    '(?:之前|以前)(?:要|得|必须|需要|应该|应当)?(?:交|报|提交|报送|上报|发布|公开|完成)',
    '(?:应该|要|得|必须|需要|应当)(?:在)?(?:什么时候|何时|哪天|几号|啥时候|几月几号)',
    '(?:什么时候|何时|哪天|几号|啥时候|几月几号)(?:之前|以前|前)?(?:要|得|必须|需要|应该|应当)?(?:交|报送|提交|上报)(?![了的过])',
    '(?:什么时候|何时|哪天|几号|啥时候)(?:之前|以前|前)(?:发布|公开)?',
    '(?:几月份?|哪个月)(?:之前|以前|前|底)?(?:要|得)?(?:交|报|发布|完成)',
    '还有多久',
    '报送时间',
    '提交时间',
  ].join('|'),
);

export const STATUS_MISSING_CUE =
  /(?:还)?(?:没|未|没有)(?:有)?(?:交|报|提交|报送|上报|发布|发|公开|上传)|缺报|漏报|漏交|缺交|谁还没|哪些(?:镇|乡|单位|街道)?(?:还)?没|(?:没|未)收到|(?:交|报|发|收)齐|都(?:交|报|发布?|提交)(?:了|上来)|齐了(?:吗|没)/;
export const STATUS_LATE_CUE = /逾期|迟交|晚交|超期|超时|迟报|晚报|晚了|延误|过期|拖延|(?:没|未|不)按时|按时|准时|及时/;
/** 谁 / 哪些镇 / 哪几个单位: asked about organisations now, not about the reports on file. */
export const ORG_SUBJECT_CUE = /谁|哪(?:些|个|几个)(?:镇|乡|街道|单位|部门|地方)/;
export const STATUS_INCOMPLETE_CUE = /不完整|不齐全|不全|残缺|截断|缺(?:了|少)?(?:什么|哪些|部分|表|内容|项)|完整/;
export const STATUS_PROBLEM_CUE =
  /问题|质量|打分|评分|评估|错误|差错|出错|错漏|毛病|不合格|合格|不规范|规范吗|合规|检查|审核|核查|体检|异常|隐患|不对|对不对|有误|瑕疵|整改|不达标|达标/;

export const REPORT_DATE_CUE = new RegExp(
  [
    '(?:什么时候|何时|哪天|几号|啥时候|哪一天|几月几[号日])(?:发布|公布|发|出|印发|发出|挂网|上网|公开|交|报|提交|上报|报送|落款|成文|签发)(?:的|了)?',
    '(?:发布|公布|落款|成文|印发|上网|挂网|签发|提交|报送)(?:时间|日期)',
    '(?:发布|公布|发|交|报)(?:了)?(?:吗|没有|没)',
    '有没有(?:发布|公布|交|报)',
    '日期',
  ].join('|'),
);
export const REPORT_FORMAT_CUE = /格式|版本|新表|旧表|新版|旧版|30号|60号|哪种表|哪套表|哪个表|模板|样式|新格式|旧格式/;
export const REPORT_ORIGINAL_CUE =
  /原文|全文|原件|文件名|下载|链接|网址|报告内容|看看报告|看一下报告|看下报告|报告全文|出处|哪份报告|来源|(?:在|去|到)?(?:哪|哪里|哪儿)(?:能)?(?:看|找|查|下载)/;

/** What is on file at all: 收录了哪些报告, 有几份报告. */
export const CATALOGUE_CUE = /收录|有哪些(?:报告|年报|单位|镇)|有几份|多少份|哪些单位|数据库|库里/;

export const RANK_CUE = new RegExp(
  [
    '最多',
    '最少',
    '最高',
    '最低',
    '最大',
    '最小',
    '最好',
    '最差',
    '排名',
    '排行',
    '排序',
    '排一下',
    '排个',
    `前${NUM}{1,2}(?:名|位|个)?`,
    '倒数',
    '第一名',
    '第几',
    'top\\s*\\d*',
    '名列',
    '领先',
    '垫底',
    '从高到低',
    '从低到高',
    '从多到少',
    '从少到多',
    '哪个(?:镇|乡|单位|街道|地方)',
    '哪些(?:镇|乡|单位|街道|地方)',
    '哪家',
    '谁家',
    '^谁|谁(?:最|的|多|少)',
  ].join('|'),
);
export const RANK_ASC_CUE = /最少|最低|最小|最差|倒数|垫底|从低到高|从少到多/;
export const RANK_SUPERLATIVE_CUE = /最|排名|排行|排序|排一下|排个|前[\d一二两三四五六七八九十]|倒数|第一名|第几|top|名列|领先|垫底|到低|到少|到多|到高/;

export const TREND_CUE = new RegExp(
  [
    '历年',
    '每年',
    '各年',
    '每一年',
    '逐年',
    '变化',
    '趋势',
    '走势',
    '历史',
    '这几年',
    '近几年',
    '最近几年',
    '这些年',
    '往年',
    '增长',
    '增加了',
    '减少了',
    '下降',
    '上升',
    '同比',
    '环比',
    '比去年',
    '比上年',
    '比前年',
    '和去年比',
    '跟去年比',
    '与去年比',
    '较上年',
    '较去年',
    '多了还是少了',
    '涨了',
    '降了',
  ].join('|'),
);

export const COMPARE_CUE = /比较|对比|相比|比一比|比一下|哪个多|哪个少|谁多|谁少|谁高|谁低|分别|各(?:是|有|自)?(?:多少|几)|各自|差多少|差距|相差/;

/** Questions whose answer starts with 有 or 没有; 都公开了吗 asks something else. */
/** 合计多少: add the figures of several organisations up. */
export const SUM_CUE = /合计|总共|一共|加起来|总数|总和|共计|加在一起/;

export const YES_NO_CUE = /有没有|有无|是否|吗|了没|过没|没有吧|有吧|对吧|(?:没有|没)\s*[?？]*$/;
export const NOT_YES_NO_CUE = /都|全部|全都|是不是全/;

/** 谁用的旧格式: only the reports whose format does not fit their year. */
export const WRONG_FORMAT_CUE = /旧|错|不对|不符|老|过时|不规范|没用新/;

/** Words that mark the question as about the whole county or region: 临清市各镇, 全县. */
export const ALL_ORGS_CUE =
  /各(?:个)?(?:镇|乡|街道|单位|乡镇)|所有(?:的)?(?:镇|乡|街道|单位|乡镇)|全部(?:的)?(?:镇|乡|街道|单位|乡镇)|每个(?:镇|乡|街道|单位|乡镇)|全县|全市|全区|大家/;
