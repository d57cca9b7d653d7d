import { FileBox } from 'file-box';
import { types, WechatyBuilder, type Message, type OfficialPuppetNpmName, type Wechaty } from 'wechaty';
import type { Config } from '../../config.js';
import type { Logger } from 'pino';
import type { Incoming, MessageContext, Notifier, Pipeline } from '../types.js';
import { splitText } from './split-text.js';
import { printLoginQr } from './wechat-qr.js';

/**
 * WeChat through wechaty. Kept in its own module because importing wechaty costs about a second and
 * pulls in a large tree; nothing else in the bot imports it. Dropped puppets are reset by the puppet's
 * own watchdog and a logged-out account is offered a new QR code; while logged out the notifier throws,
 * so the delivery log keeps the reminders and sends them after the next login.
 */

/** WeChat accepts longer texts, but long ones get folded in the chat; keep answers readable. */
const WECHAT_TEXT_LIMIT = 2000;
/**
 * A WeChat file message cannot @mention anyone: in a room, a file is for the bot when its sender
 * @mentioned the bot in that room this recently (「@年报助手 预检」, then the file).
 */
export const FILE_AFTER_MENTION_MS = 10 * 60_000;

export interface WechatOptions {
  config: Pick<Config, 'wechat'>;
  pipeline: Pipeline;
  log: Logger;
  /** A ready puppet (tests pass PuppetMock); otherwise built from config.wechat. */
  puppet?: Wechaty['puppet'];
  /** Wechaty memory card name; puppets that support it then keep the login across restarts. */
  sessionName?: string;
  printQr?: (qrcode: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface WechatHandle {
  notifier: Notifier;
  bot: Wechaty;
  stop(): Promise<void>;
}

// Unref'd: a pending retry must not keep a stopping process alive.
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export async function startWechat(opts: WechatOptions): Promise<WechatHandle> {
  const { log, pipeline } = opts;
  const bot = buildBot(opts);
  const mentionedAt = new Map<string, number>();

  async function onMessage(msg: Message): Promise<void> {
    const translated = await toIncoming(msg, mentionedAt);
    if (!translated) return;
    const { incoming, ctx } = translated;
    const room = msg.room();
    const talker = msg.talker();
    const say = async (text: string) => {
      for (const [i, part] of splitText(text, WECHAT_TEXT_LIMIT).entries()) {
        if (room) await (i === 0 ? room.say(part, talker) : room.say(part));
        else await talker.say(part);
      }
    };
    const reply = await pipeline.handle(incoming, { ...ctx, note: say });
    if (!reply) return;
    await say(reply.text);
    if (reply.file) await (room ?? talker).say(FileBox.fromBuffer(reply.file.bytes, reply.file.name));
    if (reply.chart) {
      const { renderChartPng } = await import('./chart.js');
      const image = FileBox.fromBuffer(renderChartPng(reply.chart), 'chart.png');
      await (room ?? talker).say(image);
    }
  }

  bot.on('message', (msg) => {
    onMessage(msg).catch((err: unknown) => log.error({ err, messageId: msg.id, text: msg.text() }, 'wechat message failed'));
  });
  bot.on('scan', (qrcode, status) => {
    if (qrcode && status !== types.ScanStatus.Scanned && status !== types.ScanStatus.Confirmed) (opts.printQr ?? printLoginQr)(qrcode);
  });
  bot.on('login', (user) => log.info({ user: user.name() }, 'wechat logged in'));
  bot.on('logout', (user, reason) => log.warn({ user: user.name(), reason }, 'wechat logged out; scan the new QR code to log in again'));
  bot.on('error', (err) => log.error({ err }, 'wechat error'));

  let stopping = false;
  const sleep = opts.sleep ?? realSleep;
  // wechaty reports a puppet that fails to start only as an 'error' event, so look at the puppet itself.
  async function tryStart(): Promise<boolean> {
    try {
      await bot.start();
      if (bot.puppet.state.inactive() !== true) return true;
      await bot.stop();
    } catch (err) {
      log.error({ err }, 'wechat start failed');
    }
    return false;
  }
  // A puppet service that is down at boot must not keep the rest of the service from starting.
  async function retryStart(): Promise<void> {
    for (let attempt = 1; !stopping; attempt++) {
      const waitMs = Math.min(60_000, 1000 * 2 ** (attempt - 1));
      log.warn({ attempt, waitMs }, 'wechat puppet not started, retrying');
      await sleep(waitMs);
      if (stopping || (await tryStart())) return;
    }
  }
  if (!(await tryStart())) void retryStart();

  const notifier: Notifier = {
    async send(target, text) {
      if (target.transport !== 'wechat') throw new Error(`not a WeChat chat: ${target.transport}:${target.chatId}`);
      if (!bot.isLoggedIn) throw new Error('WeChat is not logged in; the notice will be retried after login');
      for (const part of splitText(text, WECHAT_TEXT_LIMIT)) await bot.puppet.messageSendText(target.chatId, part);
    },
  };
  return {
    notifier,
    bot,
    async stop() {
      stopping = true;
      await bot.stop();
    },
  };
}

function buildBot(opts: WechatOptions): Wechaty {
  const name = opts.sessionName ? { name: opts.sessionName } : {};
  if (opts.puppet) return WechatyBuilder.build({ ...name, puppet: opts.puppet });
  const settings = opts.config.wechat;
  if (!settings) throw new Error('WeChat is not configured (WECHATY_PUPPET)');
  return WechatyBuilder.build({
    ...name,
    // wechaty checks the name and loads the package; an unknown or missing puppet fails here at start-up.
    puppet: settings.puppet as OfficialPuppetNpmName,
    puppetOptions: settings.token ? { token: settings.token } : {},
  });
}

/**
 * A text or file message → the pipeline's input; anything else (images, system messages) is not
 * translated. `mentionedAt` remembers who last @mentioned the bot in each room, for files (above).
 */
async function toIncoming(msg: Message, mentionedAt: Map<string, number>): Promise<{ incoming: Incoming; ctx: MessageContext } | null> {
  const isFile = msg.type() === types.Message.Attachment;
  if (msg.type() !== types.Message.Text && !isFile) return null;
  const room = msg.room();
  const talker = msg.talker();
  const key = room ? `${room.id}:${talker.id}` : '';
  let mentioned = true;
  if (room && isFile) mentioned = Date.now() - (mentionedAt.get(key) ?? Number.NEGATIVE_INFINITY) <= FILE_AFTER_MENTION_MS;
  else if (room) mentioned = await msg.mentionSelf();
  if (room && !isFile && mentioned) {
    if (mentionedAt.size >= 10_000) mentionedAt.clear();
    mentionedAt.set(key, Date.now());
  }
  const incoming: Incoming = {
    transport: 'wechat',
    chatId: room?.id ?? talker.id,
    senderId: talker.id,
    senderName: talker.name(),
    text: isFile ? '' : room && mentioned ? await msg.mentionText() : msg.text(),
    isGroup: Boolean(room),
    addressedToBot: mentioned,
    fromBot: msg.self(),
    receivedAt: msg.date(),
  };
  if (isFile && mentioned) {
    // A FileBox is a handle: its bytes are downloaded only when the pipeline reads them.
    const box = await msg.toFileBox();
    incoming.file = { name: box.name || 'file', fetch: () => box.toBuffer() };
  }
  const isChatAdmin = room ? async () => (await room.owner())?.id === talker.id : undefined;
  return { incoming, ctx: { updateKey: `wechat:${msg.id}`, isChatAdmin } };
}
