/**
 * Where each figure sits in a report and how to say it: the row captions people recognise
 * (「表三第一项」), column names, units, and a short name of the figure for headings.
 */

const T3_ROW: Record<string, { caption: string; label: string }> = {
  new: { caption: '表三第一项“本年新收政府信息公开申请数量”', label: '新收政府信息公开申请' },
  carried_over: { caption: '表三第二项“上年结转政府信息公开申请数量”', label: '上年结转的申请' },
  granted: { caption: '表三第三项（一）“予以公开”', label: '予以公开的申请' },
  partial: { caption: '表三第三项（二）“部分公开”', label: '部分公开的申请' },
  denied: { caption: '表三第三项（三）“不予公开”（8个分项之和）', label: '不予公开的申请' },
  'denied.state_secret': { caption: '表三第三项（三）1“属于国家秘密”', label: '因属于国家秘密不予公开' },
  'denied.law_prohibited': { caption: '表三第三项（三）2“其他法律行政法规禁止公开”', label: '因法律法规禁止不予公开' },
  'denied.three_safety': { caption: '表三第三项（三）3“危及‘三安全一稳定’”', label: '因危及三安全一稳定不予公开' },
  'denied.third_party': { caption: '表三第三项（三）4“保护第三方合法权益”', label: '为保护第三方合法权益不予公开' },
  'denied.internal_affairs': { caption: '表三第三项（三）5“属于三类内部事务信息”', label: '因属于内部事务信息不予公开' },
  'denied.process_info': { caption: '表三第三项（三）6“属于四类过程性信息”', label: '因属于过程性信息不予公开' },
  'denied.enforcement_file': { caption: '表三第三项（三）7“属于行政执法案卷”', label: '因属于行政执法案卷不予公开' },
  'denied.admin_query': { caption: '表三第三项（三）8“属于行政查询事项”', label: '因属于行政查询事项不予公开' },
  unable: { caption: '表三第三项（四）“无法提供”（3个分项之和）', label: '无法提供的申请' },
  'unable.not_held': { caption: '表三第三项（四）1“本机关不掌握相关政府信息”', label: '因不掌握相关信息无法提供' },
  'unable.need_creation': { caption: '表三第三项（四）2“没有现成信息需要另行制作”', label: '因需另行制作无法提供' },
  'unable.unclear': { caption: '表三第三项（四）3“补正后申请内容仍不明确”', label: '因补正后仍不明确无法提供' },
  not_processed: { caption: '表三第三项（五）“不予处理”（5个分项之和）', label: '不予处理的申请' },
  'not_processed.petition': { caption: '表三第三项（五）1“信访举报投诉类申请”', label: '信访举报投诉类申请' },
  'not_processed.repeat': { caption: '表三第三项（五）2“重复申请”', label: '重复申请' },
  'not_processed.publication': { caption: '表三第三项（五）3“要求提供公开出版物”', label: '要求提供公开出版物的申请' },
  'not_processed.mass_repeat': { caption: '表三第三项（五）4“无正当理由大量反复申请”', label: '无正当理由大量反复申请' },
  'not_processed.confirm_reissue': { caption: '表三第三项（五）5“要求行政机关确认或重新出具已获取信息”', label: '要求确认或重新出具信息的申请' },
  other: { caption: '表三第三项（六）“其他处理”', label: '其他处理的申请' },
  'other.overdue_correction': { caption: '表三第三项（六）1“申请人无正当理由逾期不补正”', label: '逾期不补正不再处理的申请' },
  'other.overdue_fee': { caption: '表三第三项（六）2“申请人逾期未按收费通知要求缴纳费用”', label: '逾期未缴费不再处理的申请' },
  'other.misc': { caption: '表三第三项（六）3“其他”', label: '其他处理（其他）的申请' },
  handled: { caption: '表三第三项（七）“总计”', label: '办理完结的申请' },
  carried_forward: { caption: '表三第四项“结转下年度继续办理”', label: '结转下年度继续办理的申请' },
};

export const APPLICANT_TITLE: Record<string, string> = {
  natural: '自然人',
  org_commercial: '商业企业',
  org_research: '科研机构',
  org_social: '社会公益组织',
  org_legal: '法律服务机构',
  org_other: '其他组织',
  total: '总计',
};

const T4_GROUP: Record<string, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
  litigation: '行政诉讼',
};
/** How a total reads in a sentence: 张家坡镇2021年被申请行政复议0件. */
const T4_TOTAL_LABEL: Record<string, string> = {
  review: '被申请行政复议',
  litigation_direct: '未经复议直接被起诉',
  litigation_after_review: '复议后被起诉',
  litigation: '被提起行政诉讼',
};
const T4_COLUMN: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

const T2_ROW: Record<string, { item: string; label: string }> = {
  regulations: { item: '第二十条第（一）项', label: '规章' },
  normative_docs: { item: '第二十条第（一）项', label: '行政规范性文件' },
  licensing: { item: '第二十条第（五）项', label: '行政许可' },
  other_services: { item: '第二十条第（五）项', label: '其他对外管理服务事项' },
  penalty: { item: '第二十条第（六）项', label: '行政处罚' },
  coercion: { item: '第二十条第（六）项', label: '行政强制' },
  fees: { item: '第二十条第（八）项', label: '行政事业性收费' },
  procurement: { item: '第二十条第（九）项', label: '政府集中采购' },
};
const T2_COLUMN: Record<string, string> = {
  new_made: '本年新制作数量',
  new_published: '本年新公开数量',
  total_published: '对外公开总数量',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  prev_items: '上一年项目数量',
  delta_items: '本年增/减',
  decisions: '处理决定数量',
  amount_wan: '本年收费金额（万元）',
  items: '采购项目数量',
};

const OLD_DOC_COLUMNS = new Set(['new_made', 'new_published', 'total_published']);

export interface KeyInfo {
  /** Where the figure is printed: 表三第一项“…”总计栏. */
  caption: string;
  /** What the figure is, for headings: 新收政府信息公开申请（自然人）. */
  label: string;
  unit: string;
}

/** Caption, label and unit of a metric key of the data contract. */
export function keyInfo(key: string): KeyInfo {
  const parts = key.split('.');
  const group = parts[0]!;
  const column = parts[parts.length - 1]!;
  const row = parts.slice(1, -1).join('.');
  if (group === 'applications') {
    const r = T3_ROW[row] ?? { caption: `表三“${row}”`, label: row };
    const col = APPLICANT_TITLE[column] ?? column;
    return {
      caption: row === 'handled' && column === 'total' ? `${r.caption}栏` : `${r.caption}的“${col}”栏`,
      label: column === 'total' ? r.label : `${r.label}（${col}）`,
      unit: '件',
    };
  }
  if (group in T4_GROUP) {
    const g = T4_GROUP[group]!;
    const col = T4_COLUMN[column] ?? column;
    const caption = group === 'litigation' ? '表四“行政诉讼”两部分的总计之和' : `表四“${g}”的“${col}”栏`;
    return { caption, label: column === 'total' ? T4_TOTAL_LABEL[group]! : `${g}${col}`, unit: '件' };
  }
  if (group === 'active') {
    const r = T2_ROW[row] ?? { item: '', label: row };
    // The 2019 format prints 规范性文件 where the 2021 one prints 行政规范性文件.
    const rowLabel = row === 'normative_docs' && OLD_DOC_COLUMNS.has(column) ? '规范性文件' : r.label;
    const procurement = column === 'items' ? '采购项目数量' : '采购总金额';
    const col = row === 'procurement' ? procurement : T2_COLUMN[column] ?? column;
    const unit = column === 'amount_wan' ? '万元' : /items$/.test(column) ? '项' : '件';
    const colLabel =
      column === 'decisions' ? '处理决定' : row === 'procurement' ? procurement.replace(/^采购/, '') : column === 'amount_wan' ? '金额' : col;
    return { caption: `表二${r.item}“${rowLabel}”的“${col}”栏`, label: `${rowLabel}${colLabel}`, unit };
  }
  if (key === 'prose.active_items') {
    return { caption: '第一部分“总体情况”正文', label: '主动公开政府信息', unit: '条' };
  }
  if (key === 'prose.applications_received') {
    return { caption: '第一部分“总体情况”正文', label: '正文所述收到的申请', unit: '件' };
  }
  return { caption: key, label: key, unit: '' };
}

/** The column part of a key in words (自然人, 结果维持), for lists of one row's columns. */
export function columnTitle(key: string): string {
  const column = key.split('.').at(-1) ?? '';
  return APPLICANT_TITLE[column] ?? T4_COLUMN[column] ?? T2_COLUMN[column] ?? column;
}
