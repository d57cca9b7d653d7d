/**
 * Chat commands shared by every transport: the table Telegram's setMyCommands shows, the /help text,
 * and parsing of a message's text into what the user wants.
 */

export const COMMANDS = [
  { command: 'start', description: '开始使用年报助手' },
  { command: 'help', description: '查看命令和提问示例' },
  { command: 'ask', description: '提问，例如 /ask 康庄镇2020年依申请公开多少件' },
  { command: 'deadline', description: '今年的年报什么时候截止' },
  { command: 'status', description: '哪些报告不完整或逾期' },
  { command: 'subscribe', description: '把本群绑定到一个镇或县（群管理员）' },
  { command: 'unsubscribe', description: '解除本群的绑定（群管理员）' },
  { command: 'check', description: '发送年报文件时写在说明里：发布前预检（私聊直接发文件即可）' },
  { command: 'submit', description: '回复预检结果：正式报送这份年报，可写发布日期 /submit 2027-01-20（管理员）' },
  { command: 'export', description: '导出一个县的年报数据表格，例如 /export 霍邱县 2024' },
] as const;

export type CommandName = (typeof COMMANDS)[number]['command'];

/** Commands that stand for a fixed question to the core. */
export const FIXED_QUESTIONS = {
  deadline: '今年的年报什么时候截止',
  status: '哪些报告不完整',
} as const satisfies Partial<Record<CommandName, string>>;

export const EXAMPLE_QUESTIONS = ['康庄镇2020年依申请公开多少件', '今年哪些镇还没交年报', '2021年各镇主动公开数量排名'] as const;

/** Chinese words people type in WeChat, where slash commands are unusual. Whole first word only. */
const CHINESE_ALIASES: Readonly<Record<string, CommandName | 'detail'>> = {
  帮助: 'help',
  订阅: 'subscribe',
  绑定: 'subscribe',
  取消订阅: 'unsubscribe',
  解绑: 'unsubscribe',
  解除绑定: 'unsubscribe',
  预检: 'check',
  提交: 'submit',
  报送: 'submit',
  详细: 'detail',
  导出: 'export',
};

export type Intent =
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'question'; text: string; viaCommand: boolean }
  | { kind: 'subscribe'; name: string }
  | { kind: 'unsubscribe'; name: string }
  /** /check without a file: how to send one. */
  | { kind: 'check' }
  | { kind: 'submit'; args: string }
  /** 「详细」: the full list of a pre-check. */
  | { kind: 'detail' }
  /** /export [县] [年], 「导出霍邱县2024年的年报数据」: the county's workbook. */
  | { kind: 'export'; args: string }
  | { kind: 'unknownCommand'; name: string; explicit: boolean }
  /** `/cmd@OtherBot`: meant for another bot in the same group. */
  | { kind: 'otherBot' };

const SLASH = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/;

/** Parses message text (mentions already removed) into an intent. */
export function parseIntent(text: string, botUsername?: string): Intent {
  const trimmed = text.trim();
  const slash = SLASH.exec(trimmed);
  if (slash) {
    const [, rawName = '', target, rest = ''] = slash;
    if (target && botUsername && target.toLowerCase() !== botUsername.toLowerCase()) return { kind: 'otherBot' };
    return commandIntent(rawName.toLowerCase(), rest.trim(), Boolean(target));
  }
  // 「导出霍邱县2024年的年报数据」 is written without a space after 导出.
  const exported = /^导出\s*(.+)$/.exec(trimmed);
  if (exported) return { kind: 'export', args: exported[1]! };
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const alias = CHINESE_ALIASES[first];
  if (alias) return commandIntent(alias, rest.join(' '), true);
  return { kind: 'question', text: trimmed, viaCommand: false };
}

function commandIntent(name: string, args: string, explicit: boolean): Intent {
  switch (name) {
    case 'start':
      return { kind: 'start' };
    case 'help':
      return { kind: 'help' };
    case 'ask':
      return { kind: 'question', text: args, viaCommand: true };
    case 'deadline':
    case 'status':
      return { kind: 'question', text: FIXED_QUESTIONS[name], viaCommand: true };
    case 'subscribe':
      return { kind: 'subscribe', name: args };
    case 'unsubscribe':
      return { kind: 'unsubscribe', name: args };
    case 'check':
      return { kind: 'check' };
    case 'submit':
      return { kind: 'submit', args };
    case 'export':
      return { kind: 'export', args };
    case 'detail':
      return { kind: 'detail' };
    default:
      return { kind: 'unknownCommand', name, explicit };
  }
}

export function helpText(): string {
  const lines = COMMANDS.map((c) => `/${c.command} — ${c.description}`);
  const examples = EXAMPLE_QUESTIONS.map((q) => `· ${q}`);
  return ['可以直接提问，也可以用这些命令：', ...lines, '', '提问示例：', ...examples].join('\n');
}

export function startText(): string {
  return `您好，我是年报助手，可以回答政府信息公开工作年度报告的数据问题，并提醒还没按时发布年报的单位。\n\n${helpText()}`;
}
