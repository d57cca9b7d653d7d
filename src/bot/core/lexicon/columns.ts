/**
 * Words that pick a column: the applicant of 表三, the outcome of 表四, the column of 表二. They are
 * read after the concepts, on what is left of the question.
 */

import type { ApplicantColumn, T4Column } from '../../../catalog/index.js';

export interface ColumnCue<C extends string = ApplicantColumn | T4Column> {
  cue: RegExp;
  columns: readonly C[];
}

const ORG_COLUMNS = ['org_commercial', 'org_research', 'org_social', 'org_legal', 'org_other'] as const;

export const APPLICANT_CUES: readonly ColumnCue<ApplicantColumn>[] = [
  { cue: /法人或(?:者)?其他组织|法人和其他组织|法人及其他组织/, columns: ORG_COLUMNS },
  // 几个人/多少个人 counts people, it does not name the applicant column.
  { cue: /自然人|(?<![几多少一两])个人|群众|老百姓|公民|居民|市民|村民|普通人|私人/, columns: ['natural'] },
  { cue: /商业企业|企业|公司|商户|商家|老板/, columns: ['org_commercial'] },
  { cue: /科研机构|科研|研究机构|研究所|研究院|高校|大学/, columns: ['org_research'] },
  { cue: /社会公益组织|公益组织|社会组织|公益|慈善/, columns: ['org_social'] },
  { cue: /法律服务机构|律师事务所|律所|律师|法律服务/, columns: ['org_legal'] },
  { cue: /其他(?:组织|单位|法人|机构)|其它(?:组织|单位|法人|机构)/, columns: ['org_other'] },
  { cue: /法人|单位申请|组织申请/, columns: ORG_COLUMNS },
];

export const T4_COLUMN_CUES: readonly ColumnCue<T4Column>[] = [
  { cue: /结果维持|维持/, columns: ['upheld'] },
  { cue: /结果纠正|纠正|撤销|败诉|确认违法/, columns: ['corrected'] },
  { cue: /其他结果|其它结果/, columns: ['other'] },
  { cue: /尚未审结|未审结|没审结|还没(?:有)?(?:审|判)(?:完|结)?|在审|审理中|未结案|没结案/, columns: ['pending'] },
];

/** Column hints for 表二; the format decides which key each hint reads (see resolve.ts). */
export type T2Hint = 'issued' | 'repealed' | 'in_force' | 'new_made' | 'new_published' | 'total_published' | 'items' | 'delta' | 'decisions' | 'amount';

export const T2_HINT_CUES: ReadonlyArray<{ cue: RegExp; hint: T2Hint }> = [
  { cue: /本年新制作(?:数量)?|新制作/, hint: 'new_made' },
  { cue: /本年新公开(?:数量)?|新公开/, hint: 'new_published' },
  { cue: /对外公开总数量?|公开总数量?|对外公开的?总数|累计公开/, hint: 'total_published' },
  { cue: /本年制发件?数?|制发|制定|出台|新发|新出|发了|出了|印发|制作/, hint: 'issued' },
  { cue: /本年废止件?数?|废止|作废|废除|取消了/, hint: 'repealed' },
  { cue: /现行有效件?数?|现行有效|有效|现行|还在用/, hint: 'in_force' },
  { cue: /本年增\/?减|增\/减|增减|增或减/, hint: 'delta' },
  { cue: /上一?年项目数?量?|项目数量|项目数|事项数|收费项目|采购项目|几个项目|多少个?项目|几项|多少项|项目/, hint: 'items' },
  { cue: /处理决定数?量?|决定数|决定/, hint: 'decisions' },
  { cue: /金额|多少钱|万元|总额|钱|费用|资金/, hint: 'amount' },
];
