import type { ConceptId } from './keys.js';

/**
 * How people name each figure in a question (docs/domain.md §5), per row of the catalog. Order is
 * precedence: earlier, more specific phrases use up the words they match, so 上年结转 never reaches
 * the year reader and 依申请公开 never reaches 主动公开. A weak cue counts only when no strong cue
 * matched anywhere in the question. 表四 first; 表三 sub-rows before their groups, groups before the
 * main rows, 新收 last (its words are the broadest); then 表二, then the prose figures.
 */

export interface Cues {
  strong: RegExp;
  weak?: RegExp;
}

const N = '(?:几|多少|多少个|几个)';

export const SYNONYMS: ReadonlyArray<readonly [ConceptId, Cues]> = [
  // 表四
  ['litigation_after_review', { strong: /复议后(?:又|再)?(?:被)?(?:起诉|诉讼|告)|经(?:过)?复议(?:后)?(?:又|再)?(?:起诉|诉讼)/ }],
  ['litigation_direct', { strong: /(?:未经|没经过?|不经过?|没有经过)复议|直接(?:被)?(?:起诉|诉讼|告)/ }],
  ['review', { strong: /行政复议|复议/ }],
  [
    'litigation',
    {
      strong:
        /行政诉讼|诉讼|起诉|被诉|被告|告上法庭|告到法院|上法院|上法庭|打官司|吃官司|官司|被人告|(?:有没有|有|没有|没)人告|告(?:了|过)?(?:镇|乡|街道)?政府|告了|告过|告他们|应诉|法院/,
    },
  ],

  // 表三
  ['applications.denied.state_secret', { strong: /国家秘密|涉密|保密/ }],
  ['applications.denied.law_prohibited', { strong: /法律.{0,6}禁止|禁止公开/ }],
  ['applications.denied.three_safety', { strong: /三安全|一稳定|危及.{0,6}安全/ }],
  ['applications.denied.third_party', { strong: /第三方/ }],
  ['applications.denied.internal_affairs', { strong: /内部事务/ }],
  ['applications.denied.process_info', { strong: /过程性/ }],
  ['applications.denied.enforcement_file', { strong: /执法案卷|案卷/ }],
  ['applications.denied.admin_query', { strong: /行政查询|查询事项|查询类/ }],
  ['applications.unable.not_held', { strong: /不掌握|信息不存在|没有(?:这|该|相关)(?:个|项|些)?信息|掌握不了/ }],
  ['applications.unable.need_creation', { strong: /另行制作|没有现成|需要(?:重新)?制作/ }],
  ['applications.unable.unclear', { strong: /不明确|补正后|说不清/ }],
  ['applications.not_processed.petition', { strong: /信访|举报|投诉/ }],
  ['applications.not_processed.repeat', { strong: /重复申请/ }],
  ['applications.not_processed.publication', { strong: /出版物/ }],
  ['applications.not_processed.mass_repeat', { strong: /大量反复|反复申请|无正当理由大量/ }],
  ['applications.not_processed.confirm_reissue', { strong: /重新出具|确认或重新/ }],
  ['applications.other.overdue_correction', { strong: /逾期不补正|不补正|没补正|未补正|不按时补正/ }],
  ['applications.other.overdue_fee', { strong: /收费通知|逾期未缴|逾期未按|未缴费|没缴费|没交费|不交费|未交费|欠费|缴纳费用|没付费|未付费|不缴费/ }],
  ['applications.denied', { strong: /不予公开|不公开|拒绝公开|不同意公开|不让公开|没(?:有)?予以公开|驳回/ }],
  ['applications.unable', { strong: /无法提供|提供不了|没法提供|不能提供/ }],
  ['applications.not_processed', { strong: /不予处理|不处理|没(?:有)?处理的|未处理/ }],
  ['applications.other', { strong: /其他处理|其它处理/ }],
  ['applications.partial', { strong: /部分公开|区分处理/ }],
  ['applications.granted', { strong: /予以公开|同意公开|准予公开|给予公开|答应公开|批准公开|全部公开|全部公开了/ }],
  [
    'applications.carried_over',
    { strong: /表三第?二项|上一?年(?:度)?结转|去年(?:度)?结转|结转自上年|从上一?年(?:度)?结转|(?:去年|上一?年)(?:没|未)(?:有)?办完|遗留/ },
  ],
  [
    'applications.carried_forward',
    { strong: /表三第?四项|结转(?:到)?下一?年(?:度)?|结转到明年|转入下一?年|(?:还|仍|尚)(?:没|未)(?:有)?办(?:完|结)|未办结|没办完|结转/ },
  ],
  [
    'applications.handled',
    { strong: /办理结果|处理结果|[(（]?七[)）]?总计|办结|已答复|答复了?(?:几|多少)|处理完/, weak: /(?:办理|处理|答复|办)了?(?:几|多少)/ },
  ],
  [
    'applications.new',
    {
      strong: new RegExp(
        [
          '依申请公开',
          '依申请',
          '表三第?一项',
          '信息公开的?申请',
          '信息公开申请',
          '公开申请',
          '申请公开(?:的)?(?:政府)?(?:信息)?',
          '申请信息公开',
          '新收',
          '(?:收到|接到|接收|受理)了?.{0,8}申请',
          `${N}人.{0,2}申请`,
          '申请人(?:数|次)',
          '申请(?:数|量|件数|总数|总量)',
          `申请了?${N}`,
          '申请(?:的|了|过)',
          '(?:有没有|有|没有|没)人申请',
          `${N}申请`,
        ].join('|'),
      ),
      weak: /申请/,
    },
  ],

  // 表二
  ['active.regulations', { strong: /规章/ }],
  ['active.normative_docs', { strong: /规范性文件|规范文件|红头文件|行政规范性/, weak: /文件/ }],
  ['active.other_services', { strong: /对外管理服务|对外服务|其他对外|管理服务事项/ }],
  ['active.licensing', { strong: /行政许可|许可|审批/ }],
  ['active.penalty', { strong: /行政处罚|处罚|罚款|罚了|罚过|罚没|罚(?:几|多少)|被罚|开罚单/ }],
  ['active.coercion', { strong: /行政强制|强制措施|强制执行|强制/ }],
  ['active.fees', { strong: /行政事业性收费|事业性收费|行政收费|收费|收了多少钱|收了多少费|收钱|收取.{0,4}费/ }],
  ['active.procurement', { strong: /政府集中采购|集中采购|政府采购|采购/ }],

  // 总体情况 prose
  [
    'prose.active_items',
    {
      strong: new RegExp(
        [
          '主动公开',
          '政务公开(?!工作)',
          `公开了?${N}条`,
          '(?:政务|政府)信息(?!公开(?:工作|申请|年))',
          `发布了?${N}条`,
          `信息(?:有)?${N}条`,
          `${N}条信息`,
          '公开(?:的)?信息',
          '发布(?:的)?信息',
          '信息发布',
          `发了${N}条`,
        ].join('|'),
      ),
      weak: new RegExp(`公开了?${N}|公开的|公开量|公开数`),
    },
  ],
];
