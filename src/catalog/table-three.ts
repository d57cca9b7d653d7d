import type { TableFormat } from './columns.js';

/**
 * 表三 收到和处理政府信息公开申请情况 (docs/data-contract.md §1.1): every row in table order, with the label
 * the forms print, the same label without its number (for citations), where chat answers say it sits
 * and what they call it, and the pattern that finds the label in a report (run on the label without
 * spaces; numbering, 本机关/本单位, broken or spaced labels). A group (不予公开, 无法提供, 不予处理,
 * and in the 2021 form 其他处理) is the sum of its sub-rows.
 */

export type Presence = 'read' | 'derived';

export interface T3RowDef {
  /** Official label, for findings. */
  printed: string;
  /** The printed label without its number: 本年新收政府信息公开申请数量, 属于国家秘密. */
  name: string;
  /** Where chat answers say the figure is printed. */
  caption: string;
  /** What chat answers call the figure. */
  say: string;
  /** How the row is found in a report; absent for a group that is only ever a sum. */
  read?: {
    pattern: RegExp;
    /** The label only counts once this row (or a later one) has been read: keeps header words out. */
    after?: string;
    /** Wordings that are read but differ from the official text. */
    nonstandard?: RegExp;
  };
  /** The group a sub-row belongs to. */
  group?: string;
  /** The forms that have the row, and whether it is printed or summed there. */
  formats: Partial<Record<TableFormat, Presence>>;
}

const BOTH = { gov2019: 'read', gov2021: 'read' } as const;
const SUM = { gov2019: 'derived', gov2021: 'derived' } as const;
const ONLY_2021 = { gov2021: 'read' } as const;

export const T3 = {
  new: {
    printed: '一、本年新收政府信息公开申请数量',
    name: '本年新收政府信息公开申请数量',
    caption: '表三第一项“本年新收政府信息公开申请数量”',
    say: '新收政府信息公开申请',
    read: { pattern: /本年(度)?新收/ },
    formats: BOTH,
  },
  carried_over: {
    printed: '二、上年结转政府信息公开申请数量',
    name: '上年结转政府信息公开申请数量',
    caption: '表三第二项“上年结转政府信息公开申请数量”',
    say: '上年结转的申请',
    read: { pattern: /上年(度)?结转/ },
    formats: BOTH,
  },
  granted: {
    printed: '(一)予以公开',
    name: '予以公开',
    caption: '表三第三项（一）“予以公开”',
    say: '予以公开的申请',
    read: { pattern: /予以公开/ },
    formats: BOTH,
  },
  partial: {
    printed: '(二)部分公开',
    name: '部分公开',
    caption: '表三第三项（二）“部分公开”',
    say: '部分公开的申请',
    read: { pattern: /部分公开/ },
    formats: BOTH,
  },
  denied: { printed: '(三)不予公开', name: '不予公开', caption: '表三第三项（三）“不予公开”（8个分项之和）', say: '不予公开的申请', formats: SUM },
  'denied.state_secret': sub('denied', '1.属于国家秘密', '表三第三项（三）1“属于国家秘密”', '因属于国家秘密不予公开', /国家秘密/),
  // Real reports misprint it (其他法律行政止公开): 其他法律 is enough to know the row.
  'denied.law_prohibited': sub(
    'denied',
    '2.其他法律行政法规禁止公开',
    '表三第三项（三）2“其他法律行政法规禁止公开”',
    '因法律法规禁止不予公开',
    /禁止公开|其他法律/,
    {
      nonstandard: /^(?!.*禁止公开)/,
    },
  ),
  'denied.three_safety': sub('denied', '3.危及"三安全一稳定"', '表三第三项（三）3“危及‘三安全一稳定’”', '因危及三安全一稳定不予公开', /三安全|一稳定|危及/),
  'denied.third_party': sub('denied', '4.保护第三方合法权益', '表三第三项（三）4“保护第三方合法权益”', '为保护第三方合法权益不予公开', /第三方/),
  'denied.internal_affairs': sub('denied', '5.属于三类内部事务信息', '表三第三项（三）5“属于三类内部事务信息”', '因属于内部事务信息不予公开', /内部事务/),
  'denied.process_info': sub('denied', '6.属于四类过程性信息', '表三第三项（三）6“属于四类过程性信息”', '因属于过程性信息不予公开', /过程性/),
  'denied.enforcement_file': sub('denied', '7.属于行政执法案卷', '表三第三项（三）7“属于行政执法案卷”', '因属于行政执法案卷不予公开', /执法案卷/),
  'denied.admin_query': sub('denied', '8.属于行政查询事项', '表三第三项（三）8“属于行政查询事项”', '因属于行政查询事项不予公开', /行政查询/),
  unable: { printed: '(四)无法提供', name: '无法提供', caption: '表三第三项（四）“无法提供”（3个分项之和）', say: '无法提供的申请', formats: SUM },
  'unable.not_held': sub('unable', '1.本机关不掌握相关政府信息', '表三第三项（四）1“本机关不掌握相关政府信息”', '因不掌握相关信息无法提供', /不掌握/, {
    nonstandard: /本单位|本部门|本镇/,
  }),
  'unable.need_creation': sub(
    'unable',
    '2.没有现成信息需要另行制作',
    '表三第三项（四）2“没有现成信息需要另行制作”',
    '因需另行制作无法提供',
    /另行制作|没有现成/,
  ),
  'unable.unclear': sub('unable', '3.补正后申请内容仍不明确', '表三第三项（四）3“补正后申请内容仍不明确”', '因补正后仍不明确无法提供', /不明确/),
  not_processed: { printed: '(五)不予处理', name: '不予处理', caption: '表三第三项（五）“不予处理”（5个分项之和）', say: '不予处理的申请', formats: SUM },
  'not_processed.petition': sub('not_processed', '1.信访举报投诉类申请', '表三第三项（五）1“信访举报投诉类申请”', '信访举报投诉类申请', /信访|举报投诉/),
  'not_processed.repeat': sub('not_processed', '2.重复申请', '表三第三项（五）2“重复申请”', '重复申请', /重复申请/),
  'not_processed.publication': sub('not_processed', '3.要求提供公开出版物', '表三第三项（五）3“要求提供公开出版物”', '要求提供公开出版物的申请', /出版物/),
  'not_processed.mass_repeat': sub(
    'not_processed',
    '4.无正当理由大量反复申请',
    '表三第三项（五）4“无正当理由大量反复申请”',
    '无正当理由大量反复申请',
    /大量反复|反复申请/,
  ),
  'not_processed.confirm_reissue': sub(
    'not_processed',
    '5.要求行政机关确认或重新出具已获取信息',
    '表三第三项（五）5“要求行政机关确认或重新出具已获取信息”',
    '要求确认或重新出具信息的申请',
    /重新出具|确认或/,
  ),
  // One printed row in the 2019 form; a heading over three sub-rows (their sum) in the 2021 one.
  other: {
    printed: '(六)其他处理',
    name: '其他处理',
    caption: '表三第三项（六）“其他处理”',
    say: '其他处理的申请',
    read: { pattern: /其他处理/ },
    formats: { gov2019: 'read', gov2021: 'derived' },
  },
  'other.overdue_correction': {
    ...sub(
      'other',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '表三第三项（六）1“申请人无正当理由逾期不补正”',
      '逾期不补正不再处理的申请',
      /逾期不补正|不补正/,
    ),
    formats: ONLY_2021,
  },
  'other.overdue_fee': {
    ...sub(
      'other',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '表三第三项（六）2“申请人逾期未按收费通知要求缴纳费用”',
      '逾期未缴费不再处理的申请',
      /收费通知|缴纳费用|逾期未按/,
    ),
    formats: ONLY_2021,
  },
  'other.misc': {
    ...sub('other', '3.其他', '表三第三项（六）3“其他”', '其他处理（其他）的申请', /^(?:\d[.、]?)?其他$/, { after: 'other.overdue_fee' }),
    formats: ONLY_2021,
  },
  handled: {
    printed: '(七)总计',
    name: '总计',
    caption: '表三第三项（七）“总计”',
    say: '办理完结的申请',
    read: { pattern: /^(?:\(七\)|七、)?总计$/, after: 'unable.not_held' },
    formats: BOTH,
  },
  carried_forward: {
    printed: '四、结转下年度继续办理',
    name: '结转下年度继续办理',
    caption: '表三第四项“结转下年度继续办理”',
    say: '结转下年度继续办理的申请',
    read: { pattern: /结转下(一)?年/ },
    formats: BOTH,
  },
} as const satisfies Record<string, T3RowDef>;

/** A sub-row: printed as `1.属于国家秘密` under its group, named without the number. */
function sub(group: string, printed: string, caption: string, say: string, pattern: RegExp, extra: { after?: string; nonstandard?: RegExp } = {}) {
  return { printed, name: printed.replace(/^\d\./, ''), caption, say, read: { pattern, ...extra }, group, formats: BOTH };
}

export type T3Row = keyof typeof T3;
/** 表三 rows in table order, groups before their sub-rows. */
export const T3_ROW_KEYS = Object.keys(T3) as T3Row[];

/** The groups whose figures are sums of their sub-rows. */
export const T3_GROUPS = ['denied', 'unable', 'not_processed', 'other'] as const satisfies readonly T3Row[];
export type T3Group = (typeof T3_GROUPS)[number];

export const t3Def = (row: T3Row): T3RowDef => T3[row];

/** The sub-rows of a group, in table order. */
export const subRowsOf = (group: T3Group): T3Row[] => T3_ROW_KEYS.filter((r) => t3Def(r).group === group);

/** The rows a report prints in every one of `formats` (not derived there), in table order. */
export const t3RowsPrintedIn = (...formats: TableFormat[]): T3Row[] => T3_ROW_KEYS.filter((r) => formats.every((f) => t3Def(r).formats[f] === 'read'));
