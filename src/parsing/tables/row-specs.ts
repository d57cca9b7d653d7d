/**
 * The rows of 表二 and 表三 as the national formats print them (国办公开办函〔2019〕60号 and
 * 〔2021〕30号), in table order, each with the patterns that recognise its label in real reports
 * (numbering, 本机关/本单位, broken or spaced labels). Patterns run on the label without spaces.
 */

export interface RowSpec {
  /** Metric key prefix: `applications.new`, `active.licensing`. */
  key: string;
  /** Official label, for messages and NONSTANDARD_LABEL. */
  label: string;
  pattern: RegExp;
  /** The label only counts once a row at or after this index has been read (keeps header words out). */
  after?: number;
  /** Wordings that are read but differ from the official text. */
  nonstandard?: RegExp;
}

export const T3_COLUMNS = [
  'natural',
  'org_commercial',
  'org_research',
  'org_social',
  'org_legal',
  'org_other',
  'total',
] as const;

const t3 = (key: string, label: string, pattern: RegExp, extra: Partial<RowSpec> = {}): RowSpec => ({
  key: `applications.${key}`,
  label,
  pattern,
  ...extra,
});

/** 表三 rows. Index positions matter for `after`. */
export const T3_ROWS: readonly RowSpec[] = [
  t3('new', '一、本年新收政府信息公开申请数量', /本年(度)?新收/),
  t3('carried_over', '二、上年结转政府信息公开申请数量', /上年(度)?结转/),
  t3('granted', '(一)予以公开', /予以公开/),
  t3('partial', '(二)部分公开', /部分公开/),
  t3('denied.state_secret', '1.属于国家秘密', /国家秘密/),
  // Real reports misprint it (其他法律行政止公开): 其他法律 is enough to know the row.
  t3('denied.law_prohibited', '2.其他法律行政法规禁止公开', /禁止公开|其他法律/, { nonstandard: /^(?!.*禁止公开)/ }),
  t3('denied.three_safety', '3.危及"三安全一稳定"', /三安全|一稳定|危及/),
  t3('denied.third_party', '4.保护第三方合法权益', /第三方/),
  t3('denied.internal_affairs', '5.属于三类内部事务信息', /内部事务/),
  t3('denied.process_info', '6.属于四类过程性信息', /过程性/),
  t3('denied.enforcement_file', '7.属于行政执法案卷', /执法案卷/),
  t3('denied.admin_query', '8.属于行政查询事项', /行政查询/),
  t3('unable.not_held', '1.本机关不掌握相关政府信息', /不掌握/, { nonstandard: /本单位|本部门|本镇/ }),
  t3('unable.need_creation', '2.没有现成信息需要另行制作', /另行制作|没有现成/),
  t3('unable.unclear', '3.补正后申请内容仍不明确', /不明确/),
  t3('not_processed.petition', '1.信访举报投诉类申请', /信访|举报投诉/),
  t3('not_processed.repeat', '2.重复申请', /重复申请/),
  t3('not_processed.publication', '3.要求提供公开出版物', /出版物/),
  t3('not_processed.mass_repeat', '4.无正当理由大量反复申请', /大量反复|反复申请/),
  t3('not_processed.confirm_reissue', '5.要求行政机关确认或重新出具已获取信息', /重新出具|确认或/),
  t3('other', '(六)其他处理', /其他处理/),
  t3('other.overdue_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', /逾期不补正|不补正/),
  t3('other.overdue_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', /收费通知|缴纳费用|逾期未按/),
  t3('other.misc', '3.其他', /^(?:\d[.、]?)?其他$/, { after: 22 }),
  t3('handled', '(七)总计', /^(?:\(七\)|七、)?总计$/, { after: 12 }),
  t3('carried_forward', '四、结转下年度继续办理', /结转下(一)?年/),
];

/** 表二 rows. Labels may be glued to header text when spaces were lost, so patterns anchor at the end. */
export const T2_ROWS: readonly RowSpec[] = [
  { key: 'active.regulations', label: '规章', pattern: /规章$/ },
  {
    key: 'active.normative_docs',
    label: '规范性文件',
    pattern: /规范性文件$/,
  },
  { key: 'active.licensing', label: '行政许可', pattern: /行政许可$/ },
  { key: 'active.other_services', label: '其他对外管理服务事项', pattern: /对外管理服务事项$/ },
  { key: 'active.penalty', label: '行政处罚', pattern: /行政处罚$/ },
  { key: 'active.coercion', label: '行政强制', pattern: /行政强制$/ },
  { key: 'active.fees', label: '行政事业性收费', pattern: /行政事业性收费$/ },
  { key: 'active.procurement', label: '政府集中采购', pattern: /集中采购$/ },
];

/** 表二 columns per format; a row absent from a format has no entry there. */
export const T2_COLUMNS: Record<'gov2019' | 'gov2021', Record<string, readonly string[]>> = {
  gov2019: {
    'active.regulations': ['new_made', 'new_published', 'total_published'],
    'active.normative_docs': ['new_made', 'new_published', 'total_published'],
    'active.licensing': ['prev_items', 'delta_items', 'decisions'],
    'active.other_services': ['prev_items', 'delta_items', 'decisions'],
    'active.penalty': ['prev_items', 'delta_items', 'decisions'],
    'active.coercion': ['prev_items', 'delta_items', 'decisions'],
    'active.fees': ['prev_items', 'delta_items'],
    'active.procurement': ['items', 'amount_wan'],
  },
  gov2021: {
    'active.regulations': ['issued', 'repealed', 'in_force'],
    'active.normative_docs': ['issued', 'repealed', 'in_force'],
    'active.licensing': ['decisions'],
    'active.penalty': ['decisions'],
    'active.coercion': ['decisions'],
    'active.fees': ['amount_wan'],
  },
};

/** 表四: three groups of five columns, one data row. */
export const T4_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Columns whose values may be negative (本年增/减) or fractional (万元). */
export const SIGNED_COLUMNS = new Set(['delta_items']);
export const DECIMAL_COLUMNS = new Set(['amount_wan']);
