/** Figures the 总体情况 text states (docs/data-contract.md §1.4), not any table. */

export interface ProseDef {
  caption: string;
  say: string;
  unit: '条' | '件';
  /**
   * How offices write the figure, as regex sources run on the prose (full-width forms already made
   * ASCII); `{n}` is the number (Arabic or Chinese numerals). The earliest match in the text wins.
   */
  wordings: readonly string[];
  /** Sentences that say the figure is nought (未收到…申请), when the figure has them. */
  none?: string;
}

export const PROSE = {
  'prose.active_items': {
    caption: '第一部分“总体情况”正文',
    say: '主动公开政府信息',
    unit: '条',
    wordings: [
      // 共公开政务信息170条, 通过政府网站…公开各类政府信息215条次; not 政务动态 (news items).
      '(?:公开|发布)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共|累计|总计)?{n}\\s*(?:条|篇|项)',
      // 本年度主动公开政府信息57条, 全年主动公开政务信息406条, 累计主动公开政府信息1374条.
      '(?:主动公开|公开|发布)(?:了)?(?:政府|政务)?信息(?:共|累计|总计)?[^,;。\\d]{0,2}?{n}\\s*(?:条|篇)',
    ],
  },
  'prose.applications_received': {
    caption: '第一部分“总体情况”正文',
    say: '正文所述收到的申请',
    unit: '件',
    wordings: [
      // 收到政府信息公开申请3件, 共受理依申请公开事项3件.
      '(?:收到|受理)[^,;。\\d]{0,20}?申请[^,;。\\d]{0,4}?{n}\\s*(?:件|个|份|宗)',
      '收到{n}\\s*(?:件|个|份|宗)[^,;。]{0,16}?申请',
      '(?:受理|收到)[^,;。\\d]{0,10}?{n}\\s*(?:件|个|份|宗)[^,;。]{0,10}?申请',
      // 依申请公开请求6件, 全年依申请公开申请共2件 (not 答复/办结…: those are handled, not received).
      '(?<!答复|办结|办理|回复|处理)依申请公开(?:的)?(?:请求|申请|事项)(?:共|总计|合计)?[^,;。\\d]{0,2}?{n}\\s*(?:件|个|份|宗)',
    ],
    none: '(?:未|没有|尚未|无)(?:收到|受理|接到)[^;。]{0,30}?申请|(?:未|没有)(?:发生|产生)[^;。]{0,6}?依申请公开|无依申请公开',
  },
} as const satisfies Record<string, ProseDef>;

export type ProseKey = keyof typeof PROSE;
