/**
 * 表四 政府信息公开行政复议、行政诉讼情况 (docs/data-contract.md §1.2): three groups of the same five columns
 * in one data row, and the lawsuit total the contract derives from two of them.
 */

export interface T4GroupDef {
  /** The heading the form prints over the group. */
  printed: string;
  /** What chat answers call the group: 行政诉讼（未经复议直接起诉）. */
  say: string;
  /** How a total reads in a sentence: 张家坡镇2021年被申请行政复议0件. */
  sayTotal: string;
}

/** The printed groups, in table order. */
export const T4_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type T4Group = (typeof T4_GROUPS)[number];

export const T4: Record<T4Group | 'litigation', T4GroupDef> = {
  review: { printed: '行政复议', say: '行政复议', sayTotal: '被申请行政复议' },
  litigation_direct: { printed: '未经复议直接起诉', say: '行政诉讼（未经复议直接起诉）', sayTotal: '未经复议直接被起诉' },
  litigation_after_review: { printed: '复议后起诉', say: '行政诉讼（复议后起诉）', sayTotal: '复议后被起诉' },
  // Not printed as a group: the sum of the two lawsuit groups' totals.
  litigation: { printed: '行政诉讼', say: '行政诉讼', sayTotal: '被提起行政诉讼' },
};

/** litigation.total = litigation_direct.total + litigation_after_review.total. */
export const LITIGATION_PARTS = ['litigation_direct', 'litigation_after_review'] as const satisfies readonly T4Group[];
