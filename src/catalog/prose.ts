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
  /**
   * The same statement with a round figure (主动公开政府信息300余条, 500多条, 约300条). When one comes
   * first, the text states no exact figure: nothing is stored, rather than a later partial count
   * (其中…信息11条) taken for the total.
   */
  approximate?: readonly string[];
}

export const PROSE = {
  'prose.active_items': {
    caption: '第一部分“总体情况”正文',
    say: '主动公开政府信息',
    unit: '条',
    wordings: [
      // 共公开政务信息170条, 通过政府网站…公开各类政府信息215条次; not 政务动态 (news items).
      '(?:公开|发布)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共|累计|总计)?{n}\\s*(?:条|篇|项)',
      // 本年度主动公开政府信息57条, 全年主动公开政务信息406条, 累计主动公开政府信息1374条,
      // 主动公开信息共计70条, 主动公开政府信息数量46条, 主动公开信息数为195条.
      '(?:主动公开|公开|发布)(?:了)?(?:政府|政务)?信息(?:共|累计|总计)?[^,;。\\d]{0,2}?{n}\\s*(?:条|篇)',
      // 政务信息公开主动公开总数146条.
      '主动公开(?:政府信息|信息)?(?:总数|总量)(?:为|共|达)?{n}\\s*(?:条|篇)',
    ],
    approximate: [
      // 主动公开政府信息300余条, 发布各类信息100余条, 公示信息300余条, 共主动公开…信息共50余.
      '(?:公开|发布|公示)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共|累计|总计|共计)?[^,;。\\d]{0,2}?{n}\\s*(?:余|多)',
      '(?:公开|发布|公示)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共|累计|总计|共计)?(?:约|近|超过){n}',
      '(?:公开|发布|公示)(?:了)?(?:各类)?(?:政府|政务)?信息(?:共|累计|总计|共计)?[^,;。\\d]{0,2}?{n}\\s*(?:条|篇)左右',
    ],
  },
  'prose.applications_received': {
    caption: '第一部分“总体情况”正文',
    say: '正文所述收到的申请',
    unit: '件',
    wordings: [
      // 收到政府信息公开申请3件, 共受理依申请公开事项3件, 共接收政府信息公开申请2件, 全年新收政府信息公开申请数量3件,
      // 收到政府信息依申请公开办理事项1件.
      '(?:收到|受理|接收|接到|新收)[^,;。\\d]{0,20}?申请[^,;。\\d]{0,6}?{n}\\s*(?:件|个|份|宗)',
      // 收到政务信息依申请公开业务0条, 收到依申请公开政府信息事项1条 (条 only after a word for applications:
      // 公开信息12条 is items published).
      '(?:收到|受理|接收)[^,;。\\d]{0,20}?依申请公开(?:政府|政务)?(?:信息)?(?:业务|事项|件)(?:共|共计)?{n}\\s*条',
      // 收到4条依申请公开信息要求.
      '收到{n}\\s*(?:件|个|份|宗|条)[^,;。]{0,16}?申请',
      '(?:受理|收到|接收)[^,;。\\d]{0,10}?{n}\\s*(?:件|个|份|宗)[^,;。]{0,10}?申请',
      // 受理依申请公开政府信息数量共计2条.
      '(?:收到|受理|接收)依申请公开(?:的)?(?:政府|政务)?信息(?:数量)?(?:共计|共|总计|合计)?{n}\\s*(?:件|个|条)',
      // 依申请公开请求6件, 全年依申请公开申请共2件 (not 答复/办结…: those are handled, not received).
      '(?<!答复|办结|办理|回复|处理)依申请公开(?:的)?(?:请求|申请|事项)(?:共|总计|合计)?[^,;。\\d]{0,2}?{n}\\s*(?:件|个|份|宗)',
    ],
    // 未收到…申请, 没有接到…的申请, 无依申请公开, 无依法申请公开件.
    none: '(?:未|没有|尚未|无)(?:收到|受理|接到|接收)[^;。]{0,30}?申请|(?:未|没有)(?:发生|产生)[^;。]{0,6}?依申请公开|无依(?:法)?申请公开',
  },
} as const satisfies Record<string, ProseDef>;

export type ProseKey = keyof typeof PROSE;
