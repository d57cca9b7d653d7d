import { scopeLabel, type SubscriptionScope } from '../subscriptions.js';

/** What the pipeline itself says (answers come from the core; the apology is the core's APOLOGY). */
export const MESSAGES = {
  askEmpty: '请在 /ask 后面写上问题，例如：/ask 康庄镇2020年依申请公开多少件',
  tooLong: (max: number) => `问题太长了（最多 ${max} 个字），请精简后再问。`,
  rateLimited: (s: number) => `提问有点快了，请 ${s} 秒后再问。`,
  unknownCommand: (name: string) => `不认识命令 /${name}，发送 /help 查看可用的命令。`,
  notAdmin: '抱歉，只有本群的管理员（或系统配置的管理员）才能绑定或解除绑定，本群的设置没有改变。',
  adminUnknown: '暂时无法确认您的管理员身份，请稍后再试，本群的设置没有改变。',
  notAChat: '这里不是聊天群，提醒发不到这里，所以不能绑定。请群管理员在要接收提醒的群里发送 /subscribe 镇名或县名，或用 roster import 的联系群一列绑定。',
  subscribeUsage: '请写上要绑定的镇名或县名，例如：/subscribe 康庄镇 或 /subscribe 霍邱县',
  scopeUnknown: (name: string) => `没有找到「${name}」，请写完整的镇名或县名。`,
  whichCounty: (name: string, regions: readonly string[]) =>
    regions.length > 1
      ? `哪个县的${name}？有${regions.length}个：${regions.map((r) => `${r}${name}`).join('、')}。请连县名一起写，例如：/subscribe ${regions[0]}${name}`
      : `有不止一个${name}，请写完整名称。`,
  subscribed: (s: SubscriptionScope) =>
    s.kind === 'org' ? `已绑定：本群将收到 ${scopeLabel(s)} 的催报提醒和通知。` : `已绑定：本群将收到 ${s.name} 所有乡镇的提醒和逾期升级通知。`,
  alreadySubscribed: (s: SubscriptionScope) => `本群已经绑定了 ${scopeLabel(s)}，无需重复绑定。`,
  unsubscribed: (name: string) => `已解除本群与 ${name} 的绑定。`,
  unsubscribedAll: (n: number) => (n > 0 ? `已解除本群的全部 ${n} 个绑定。` : '本群目前没有任何绑定。'),
  notSubscribed: (name: string) => `本群没有绑定 ${name}。`,
  checkUsage: '请把年报文件（Word、PDF、网页或纯文本，不超过 20 MB）直接发给我；在群里发送时请在文件说明里写 /check 或 @我。我会回复预检结果，不会入库。',
  filesOff: '本服务没有开启年报文件预检。',
  exportOff: '本服务没有开启数据导出。',
} as const;
