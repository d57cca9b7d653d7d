import { describe, expect, it } from 'vitest';
import { MaskedText } from '../../src/bot/core/masked.js';
import { readMetrics } from '../../src/bot/core/metrics.js';
import { normalizeQuestion } from '../../src/bot/core/text.js';

const read = (q: string) => readMetrics(new MaskedText(normalizeQuestion(q)));
const concepts = (q: string) => read(q).map((m) => (m.columns.join() === 'total' ? m.concept : `${m.concept}:${m.columns.join('+')}`));

describe('figure slot: which figure', () => {
  it.each([
    ['依申请公开多少件', 'applications.new'],
    ['收到几个信息公开申请', 'applications.new'],
    ['有人申请公开吗', 'applications.new'],
    ['新收申请多少', 'applications.new'],
    ['受理了多少申请', 'applications.new'],
    ['多少人申请', 'applications.new'],
    ['予以公开多少', 'applications.granted'],
    ['同意公开了几件', 'applications.granted'],
    ['部分公开几件', 'applications.partial'],
    ['不予公开几件', 'applications.denied'],
    ['拒绝公开的', 'applications.denied'],
    ['国家秘密不公开的', 'applications.denied.state_secret'],
    ['过程性信息', 'applications.denied.process_info'],
    ['无法提供的', 'applications.unable'],
    ['不掌握相关信息的', 'applications.unable.not_held'],
    ['不予处理多少', 'applications.not_processed'],
    ['信访类的申请多少', 'applications.not_processed.petition'],
    ['重复申请', 'applications.not_processed.repeat'],
    ['逾期不补正', 'applications.other.overdue_correction'],
    ['没交费不再处理的', 'applications.other.overdue_fee'],
    ['其他处理几件', 'applications.other'],
    ['上年结转多少', 'applications.carried_over'],
    ['去年没办完的申请', 'applications.carried_over'],
    ['结转下年度', 'applications.carried_forward'],
    ['还有几件没办完', 'applications.carried_forward'],
    ['办结多少件', 'applications.handled'],
    ['答复了多少申请', 'applications.handled'],
    ['有没有被行政复议', 'review'],
    ['被复议了吗', 'review'],
    ['被告了吗', 'litigation'],
    ['有没有打官司', 'litigation'],
    ['行政诉讼几起', 'litigation'],
    ['直接起诉的', 'litigation_direct'],
    ['复议后起诉的', 'litigation_after_review'],
    ['行政许可多少件', 'active.licensing'],
    ['审批了多少', 'active.licensing'],
    ['行政处罚几起', 'active.penalty'],
    ['罚了几次', 'active.penalty'],
    ['罚款', 'active.penalty'],
    ['强制措施', 'active.coercion'],
    ['其他对外管理服务事项', 'active.other_services'],
    ['收费多少', 'active.fees'],
    ['收了多少钱', 'active.fees'],
    ['政府集中采购金额', 'active.procurement'],
    ['政府采购', 'active.procurement'],
    ['规范性文件', 'active.normative_docs'],
    ['红头文件', 'active.normative_docs'],
    ['发了几个文件', 'active.normative_docs'],
    ['规章', 'active.regulations'],
    ['主动公开了多少条信息', 'prose.active_items'],
    ['公开了多少条', 'prose.active_items'],
    ['发布了多少条政务信息', 'prose.active_items'],
    ['信息处理费', 'info_fee'],
  ])('%s → %s', (q, want) => {
    expect(concepts(q)).toEqual([want]);
  });

  it('keeps 依申请公开 and 主动公开 apart', () => {
    expect(concepts('依申请公开了多少')).toEqual(['applications.new']);
    expect(concepts('公开了多少')).toEqual(['prose.active_items']);
  });

  it('reads several figures in the order asked', () => {
    expect(concepts('行政许可、行政处罚、行政强制各多少')).toEqual(['active.licensing', 'active.penalty', 'active.coercion']);
    expect(concepts('被复议或者被起诉过吗')).toEqual(['review', 'litigation']);
    expect(concepts('申请公开数和主动公开数')).toEqual(['applications.new', 'prose.active_items']);
  });

  it('drops the general figure when a specific one is asked', () => {
    expect(concepts('办结了多少申请')).toEqual(['applications.handled']);
    expect(concepts('依申请公开多少，予以公开多少')).toEqual(['applications.new', 'applications.granted']);
    expect(concepts('主动公开的规范性文件')).toEqual(['active.normative_docs']);
  });

  it('finds no figure in questions about something else', () => {
    for (const q of ['哪些报告不完整', '什么时候截止', '帮助', '康庄镇的年报是什么时候发布的', '用的哪种格式']) {
      expect(concepts(q), q).toEqual([]);
    }
  });
});

describe('figure slot: which column', () => {
  it.each([
    ['自然人申请了几件', 'applications.new:natural'],
    ['个人申请', 'applications.new:natural'],
    ['群众申请公开多少件', 'applications.new:natural'],
    ['企业申请了几件', 'applications.new:org_commercial'],
    ['公司申请', 'applications.new:org_commercial'],
    ['科研机构', 'applications.new:org_research'],
    ['公益组织', 'applications.new:org_social'],
    ['律师事务所申请', 'applications.new:org_legal'],
    ['律所', 'applications.new:org_legal'],
    ['其他组织申请', 'applications.new:org_other'],
    ['法人或其他组织申请', 'applications.new:org_commercial+org_research+org_social+org_legal+org_other'],
    ['企业申请的予以公开几件', 'applications.granted:org_commercial'],
    ['行政复议结果维持', 'review:upheld'],
    ['复议被纠正的', 'review:corrected'],
    ['复议尚未审结', 'review:pending'],
  ])('%s → %s', (q, want) => {
    expect(concepts(q)).toEqual([want]);
  });

  it('reads 表二 column hints, also from the naming words', () => {
    expect(read('制发了几个规范性文件')[0]!.hints).toEqual(['issued']);
    expect(read('现行有效的规范性文件')[0]!.hints).toEqual(['in_force']);
    expect(read('废止了几个文件')[0]!.hints).toEqual(['repealed']);
    expect(read('规范性文件对外公开总数量')[0]!.hints).toEqual(['total_published']);
    expect(read('采购了几个项目')[0]!.hints).toEqual(['items']);
    expect(read('政府采购金额')[0]!.hints).toEqual(['amount']);
    expect(read('收了多少钱')[0]!.hints).toEqual(['amount']);
    expect(read('行政许可上一年项目数量')[0]!.hints).toEqual(['items']);
    expect(read('行政许可')[0]!.hints).toEqual([]);
  });
});
