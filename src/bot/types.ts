/**
 * The one interface between the entries (Telegram, WeChat, console, HTTP) and the message pipeline.
 * Each entry translates its platform's message into Incoming (plus a MessageContext), hands it to the
 * pipeline and sends the Reply back; it holds no logic of its own.
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
  /** Sent by a bot: this one (its own message echoed back) or another; never answered, so bots cannot loop. */
  fromBot: boolean;
  /** When the platform says the message was sent. */
  receivedAt: Date;
  /** A document attached to the message (its caption is `text`): pre-checked, never filed by itself. */
  file?: IncomingFile;
  /** Text of the message this one replies to, when the platform says (finds the pre-check a /submit means). */
  replyToText?: string;
}

/** A file sent to the bot; its bytes are fetched only once the pipeline has let the message through. */
export interface IncomingFile {
  name: string;
  /** Size in bytes when the platform announces it before the download. */
  size?: number;
  /** Downloads the bytes, or says the platform will not hand out a file this large; rejects when the download fails. */
  fetch(): Promise<Uint8Array | 'too_large'>;
}

/** What only the entry can tell about a message, asked by the pipeline when it needs it. */
export interface MessageContext {
  /** The bot's username, so `/help@other_bot` is recognised as meant for another bot. */
  botUsername?: string;
  /**
   * Whether the sender administers this chat (Telegram: creator or administrator; WeChat: room owner;
   * console: always, it is the operator). Asked only when someone tries to bind; absent: nobody does.
   */
  isChatAdmin?: () => Promise<boolean>;
  /** The platform's id of this update; an update whose key was seen before is not handled again. */
  updateKey?: string;
  /** Sends a message to the chat before the reply (a file waiting for its turn: 「正在排队」). */
  note?: (text: string) => Promise<void>;
  /**
   * The conversation this message is a turn of (docs/data-contract.md §6.2); absent: the chat's own
   * (`<transport>:<chatId>`), null: it stands alone (an HTTP request without `chat`).
   */
  conversation?: string | null;
}

/** JSON shape of an answer (docs/data-contract.md §4 `ask --json`). */
export type AnswerKind = 'metric' | 'compare' | 'trend' | 'rank' | 'status' | 'deadline' | 'report' | 'help' | 'clarify' | 'unknown';

export interface AnswerRow {
  name: string;
  year?: number;
  metric?: string;
  value?: number | null;
  status?: 'ok' | 'late' | 'missing' | 'incomplete';
  codes?: string[];
  [extra: string]: unknown;
}

/** A chart an answer carries (a trend over years, a ranking): drawn as a PNG by the entries (src/bot/adapters/chart.ts). */
export interface ChartSpec {
  type: 'line' | 'bar';
  title: string;
  /** Years (line) or organisation names (bar), along the x axis. */
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** 件, 条, 万元: said on the value axis. */
  unit: string;
}

export interface Answer {
  kind: AnswerKind;
  text: string;
  rows: AnswerRow[];
  /** A picture of the answer, for trends of more than three years, rankings, or when asked to 画. */
  chart?: ChartSpec;
}

/** Where a notice goes: a chat on a transport. */
export interface ChatTarget {
  transport: Transport;
  chatId: string;
}

/**
 * What a sender that retries on its own tells the delivery log while a send is under way, so that a
 * process killed between attempts is judged right: a send whose requests never reached the platform
 * may be sent again; one whose request may have arrived may not.
 */
export interface SendProgress {
  /** A request that may reach the platform is about to go out. */
  requesting(): void;
  /** The last request never reached the platform (no connection was made). */
  notReached(): void;
}

/** Sends text to a chat; throws on failure (the delivery log records it and retries). */
export interface Notifier {
  send(target: ChatTarget, text: string, progress?: SendProgress): Promise<void>;
}

/** What the pipeline says back: an answer of the core, a command's reply, or a polite refusal. */
export interface Reply {
  kind: AnswerKind | 'command' | 'refused';
  text: string;
  rows: AnswerRow[];
  /** On a refusal for asking too fast: seconds until the sender may ask again. */
  retryAfterSeconds?: number;
  /** A chart to send after the text (an answer's). */
  chart?: ChartSpec;
  /** A file to send after the text (a county's workbook for /export). */
  file?: { name: string; bytes: Buffer };
}

/** /export and 「导出…」 in a chat: the county's workbook as a file (src/service/chat-export.ts). */
export interface ChatExporter {
  export(args: string, incoming: Incoming): Promise<Reply>;
}

/**
 * What the core keeps of a conversation between two turns (src/bot/core/conversation.ts): plain JSON,
 * opaque to the entries and the store, checked by the core when it is read back.
 */
export type ChatContext = Readonly<Record<string, unknown>>;

/** The question core as the pipeline, the CLI `ask` and the tests use it. */
export interface Core {
  /** Answers one question; never throws (an unexpected error becomes the apology). `now` fixes "today". */
  ask(question: string, now?: Date): Answer;
  /**
   * Answers one turn of a conversation: a follow-up (「去年呢」) fills what it leaves out from `previous`;
   * returns the context for the next turn. Never throws. A core without it answers every message alone.
   * `home`: the organisations the asking chat is bound to (/subscribe), shown in a ranking wherever they stand.
   */
  turn?(question: string, previous: ChatContext | null, now?: Date, home?: readonly string[]): { answer: Answer; context: ChatContext | null };
}

/**
 * Files sent for a pre-check and their submission (issue 13; src/service/precheck-desk.ts). The pipeline
 * calls it after its guards, so a file counts against the same rate limit as a question.
 */
export interface FileDesk {
  /** Reads and checks the file: key figures, problems, verdict. Never rejects. */
  receive(incoming: Incoming & { file: IncomingFile }, ctx: MessageContext, now: Date): Promise<Reply>;
  /** 「详细」: the full list of the pre-check replied to, else the chat's latest. */
  detail(incoming: Incoming): Promise<Reply>;
  /** /submit [date] [organisation]: files the pre-check replied to (else the chat's latest), for an administrator. */
  submit(incoming: Incoming, ctx: MessageContext, args: string, now: Date): Promise<Reply>;
}

/** Every entry's one way in. */
export interface Pipeline {
  /** Resolves to what to send back, or null when the message gets no reply (see guards). Never rejects. */
  handle(incoming: Incoming, ctx?: MessageContext): Promise<Reply | null>;
}
