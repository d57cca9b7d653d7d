/**
 * The one interface between chat transports and the question core. Adapters translate platform
 * messages into Incoming and send Answer text back; they hold no logic of their own.
 */

/** Chat platforms, and the group robots (企业微信, 钉钉, 飞书) that only send. */
export type Transport = 'telegram' | 'wechat' | 'console' | 'http' | 'wecom' | 'dingtalk' | 'feishu';

export interface Incoming {
  transport: Transport;
  /** Platform chat id (Telegram chat id, WeChat room id or contact id). */
  chatId: string;
  /** Platform user id of the sender, as `<transport>:<id>` is what NIANBAO_ADMINS lists. */
  senderId: string;
  senderName?: string;
  text: string;
  isGroup: boolean;
  /** In a group: the bot was @mentioned, replied to, or given a command. Always true in private chats. */
  addressedToBot: boolean;
  /** Whether the sender administers the group (Telegram getChatMember, WeChat room owner). */
  senderIsGroupAdmin?: boolean;
  receivedAt: Date;
}

/** JSON shape of an answer (data contract §4 `ask --json`). */
export type AnswerKind =
  | 'metric'
  | 'compare'
  | 'trend'
  | 'rank'
  | 'status'
  | 'deadline'
  | 'report'
  | 'help'
  | 'clarify'
  | 'unknown';

export interface AnswerRow {
  name: string;
  year?: number;
  metric?: string;
  value?: number | null;
  status?: 'ok' | 'late' | 'missing' | 'incomplete';
  codes?: string[];
  [extra: string]: unknown;
}

export interface Answer {
  kind: AnswerKind;
  text: string;
  rows: AnswerRow[];
}

/** Where a notice goes: a chat on a transport. */
export interface ChatTarget {
  transport: Transport;
  chatId: string;
}

/** Sends text to a chat; throws on failure (the delivery log records it and retries). */
export interface Notifier {
  send(target: ChatTarget, text: string): Promise<void>;
}

/** What adapters call. Returns null when the message is not for the bot (not addressed, stale, own). */
export interface Core {
  handleMessage(incoming: Incoming): Promise<Answer | null>;
}
