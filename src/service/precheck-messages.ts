/** What the pre-check desk says itself (the pre-check's own words: src/bot/core/precheck/texts.ts). */
export const DESK = {
  queued: (ahead: number) => `正在排队：前面还有 ${ahead} 个文件在检查，轮到后马上回复。`,
  tooBig: (mb: string, max: number) => `文件太大（${mb} MB），机器人只能接收 ${max} MB 以内的文件；请压缩图片或删去附件后重新导出再发送。`,
  tooBigUnknown: (max: number) => `文件超过 ${max} MB，机器人无法接收；请压缩图片或删去附件后重新导出再发送。`,
  downloadFailed: '文件没有下载成功，请稍后重新发送一次。',
  footer: (id: number, ok: boolean) =>
    `（预检编号 #${id}：回复本条「详细」查看全部问题${ok ? '；确认无误后，管理员回复本条 /submit 正式报送' : '；修改后请重新发送文件'}。预检不会入库。）`,
  again: (at: string) => `这个文件之前已经预检过（${at}），结果如下：`,
  noRecord: '本群还没有预检过的年报文件。请先把年报文件发给我（群里请在说明里写 /check 或 @我）。',
  refusedFile: '这个文件没能读取，不能报送；请重新导出后再发送预检。',
  notAdmin: '抱歉，只有绑定该单位的群的管理员（或系统配置的管理员）才能正式报送，这份报告没有入库。',
  adminUnknown: '暂时无法确认您的管理员身份，请稍后再试，这份报告没有入库。',
  otherOrg: (name: string) => `这份报告是「${name}」的，不是本群绑定的单位。如确需代为报送，请写明单位：/submit ${name}`,
  badDate: (s: string) => `「${s}」不是有效的发布日期，请写成 /submit 2027-01-20 的形式。`,
  cannotFile: (reason: string) => `这份报告无法报送：${reason}。`,
  alreadySubmitted: (at: string) => `这份报告已于 ${at} 报送过，无需重复报送。`,
  alreadyOnFile: '库里已经有内容完全相同的报告，无需重复报送。',
  submitted: (name: string, year: number, published: string, replaced: boolean) =>
    `已报送：${name}${year}年度报告${replaced ? '（替换了之前的版本）' : ''}，发布日期 ${published}。绑定的群会收到通知。`,
  failed: '报送时出错，这份报告没有入库，请稍后再试。',
} as const;
