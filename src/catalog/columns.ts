/**
 * The columns of the three tables: their keys (docs/data-contract.md §1), the headings the national forms
 * print over them, and the words chat answers use where those differ.
 */

/** The two national forms: 国办公开办函〔2019〕60号 and 〔2021〕30号. */
export type TableFormat = 'gov2019' | 'gov2021';
export const TABLE_FORMATS: readonly TableFormat[] = ['gov2019', 'gov2021'];

/** 表三: one column per kind of applicant, then the total. */
export const APPLICANT_COLUMNS = ['natural', 'org_commercial', 'org_research', 'org_social', 'org_legal', 'org_other', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export const APPLICANT_COLUMN: Record<ApplicantColumn, { printed: string; say: string }> = {
  natural: { printed: '自然人', say: '自然人' },
  org_commercial: { printed: '商业企业', say: '商业企业' },
  org_research: { printed: '科研机构', say: '科研机构' },
  org_social: { printed: '社会公益组织', say: '社会公益组织' },
  org_legal: { printed: '法律服务机构', say: '法律服务机构' },
  // Printed under 法人或其他组织, so 其他 alone reads as 其他组织 outside the table.
  org_other: { printed: '其他', say: '其他组织' },
  total: { printed: '总计', say: '总计' },
};

/** 表四: the same five columns under each of its three groups. */
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Column = (typeof T4_COLUMNS)[number];

export const T4_COLUMN: Record<T4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** 表二 columns, each with its heading, the unit of its figures, and what values it admits. */
export interface T2ColumnDef {
  printed: string;
  /** How answers name the column after the row (行政许可处理决定), when not as printed. */
  say?: string;
  unit: '件' | '项' | '万元';
  /** 本年增/减 may be negative. */
  signed?: true;
  /** Money in 万元 may have decimals. */
  decimal?: true;
}

export const T2_COLUMN = {
  new_made: { printed: '本年新制作数量', unit: '件' },
  new_published: { printed: '本年新公开数量', unit: '件' },
  total_published: { printed: '对外公开总数量', unit: '件' },
  issued: { printed: '本年制发件数', unit: '件' },
  repealed: { printed: '本年废止件数', unit: '件' },
  in_force: { printed: '现行有效件数', unit: '件' },
  prev_items: { printed: '上一年项目数量', unit: '项' },
  delta_items: { printed: '本年增/减', unit: '项', signed: true },
  decisions: { printed: '处理决定数量', say: '处理决定', unit: '件' },
  amount_wan: { printed: '本年收费金额（万元）', say: '金额', unit: '万元', decimal: true },
  items: { printed: '采购项目数量', unit: '项' },
} as const satisfies Record<string, T2ColumnDef>;
export type T2Column = keyof typeof T2_COLUMN;

/** Every column key of any table. */
export type MetricColumn = ApplicantColumn | T4Column | T2Column;
