/** Figures the 总体情况 text states (docs/data-contract.md §1.4), not any table. */

export interface ProseDef {
  caption: string;
  say: string;
  unit: '条' | '件';
}

export const PROSE = {
  'prose.active_items': { caption: '第一部分“总体情况”正文', say: '主动公开政府信息', unit: '条' },
  'prose.applications_received': { caption: '第一部分“总体情况”正文', say: '正文所述收到的申请', unit: '件' },
} as const satisfies Record<string, ProseDef>;

export type ProseKey = keyof typeof PROSE;
