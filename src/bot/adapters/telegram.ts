import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Config } from '../../config.js';
import type { Notifier, Pipeline } from '../types.js';
import { createChatQueues } from './chat-queue.js';
import { COMMANDS } from './commands.js';
import { telegramFile } from './telegram-file.js';
import { toIncoming } from './telegram-message.js';
import { callWithRetry, createTelegramSender, type RetryOptions } from './telegram-send.js';

export interface TelegramWebhook {
  /** Public https domain Telegram posts to, e.g. bot.example.gov.cn. */
  domain: string;
  path?: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. */
  secretToken: string;
  port: number;
  host?: string;
}

export interface TelegramOptions {
  config: Pick<Config, 'telegram'>;
  pipeline: Pipeline;
  log: Logger;
  retry?: RetryOptions;
  /** Long polling unless given. */
  webhook?: TelegramWebhook;
}

export interface TelegramHandle {
  notifier: Notifier;
  botUsername: string;
  /** The port the webhook server listens on (useful with port 0). */
  webhookPort?: number;
  stop(): Promise<void>;
}

/** Connects to the Bot API, registers the commands and starts receiving; resolves once running. */
export async function startTelegram(opts: TelegramOptions): Promise<TelegramHandle> {
  const settings = opts.config.telegram;
  if (!settings) throw new Error('Telegram is not configured (TELEGRAM_BOT_TOKEN)');
  const { log, pipeline } = opts;
  // Answers may wait out a long retry_after; telegraf's 90 s default would report a false timeout.
  const bot = new Telegraf(settings.token, { telegram: { apiRoot: settings.apiRoot }, handlerTimeout: 10 * 60_000 });
  const me = await callWithRetry(() => bot.telegram.getMe(), log, opts.retry);
  bot.botInfo = me;
  const identity = { id: me.id, username: me.username };
  const sender = createTelegramSender({ sendMessage: (c, t, e) => bot.telegram.sendMessage(c, t, e) }, log, opts.retry);

  async function isChatAdmin(chatId: string, userId: string): Promise<boolean> {
    const member = await callWithRetry(() => bot.telegram.getChatMember(chatId, Number(userId)), log, opts.retry);
    return member.status === 'creator' || member.status === 'administrator';
  }

  // Replies are queued per chat and not awaited here: telegraf reads the next updates only when the
  // handlers of the last batch return, so a group waiting out a 429 must not hold the others up.
  const queues = createChatQueues((err, chatId) => log.error({ err, chatId }, 'telegram reply not sent'));

  async function handle(msg: Parameters<typeof toIncoming>[0], updateId: number): Promise<void> {
    const view = toIncoming(msg, identity);
    if (!view) return;
    const { incoming } = view;
    if ('document' in msg) incoming.file = telegramFile(bot.telegram, msg.document);
    const replyTo = incoming.isGroup ? view.messageId : undefined;
    const reply = await pipeline.handle(incoming, {
      botUsername: me.username,
      updateKey: `telegram:${me.id}:${updateId}`,
      isChatAdmin: incoming.isGroup ? () => isChatAdmin(incoming.chatId, incoming.senderId) : undefined,
      // Through the chat's queue, so that 「正在排队」 goes out before the reply and never after it.
      note: async (text) => queues.enqueue(incoming.chatId, () => sender.send(incoming.chatId, text, replyTo)),
    });
    if (!reply) return;
    queues.enqueue(incoming.chatId, () => sender.send(incoming.chatId, reply.text, replyTo));
    const file = reply.file;
    if (file) {
      queues.enqueue(incoming.chatId, async () => {
        await callWithRetry(() => bot.telegram.sendDocument(incoming.chatId, { source: file.bytes, filename: file.name }), log, opts.retry);
      });
    }
    const chart = reply.chart;
    if (chart) {
      queues.enqueue(incoming.chatId, async () => {
        // Loaded on the first chart only: echarts and resvg are large.
        const { renderChartPng } = await import('./chart.js');
        const png = renderChartPng(chart);
        await callWithRetry(() => bot.telegram.sendPhoto(incoming.chatId, { source: png, filename: 'chart.png' }, { caption: chart.title }), log, opts.retry);
      });
    }
  }

  bot.on(message('text'), (ctx) => handle(ctx.message, ctx.update.update_id));
  // Polling waits for every handler of a batch before fetching the next: a file being read must not
  // hold up answers to other chats, so documents are handled on their own and awaited only at stop().
  const inFlight = new Set<Promise<void>>();
  bot.on(message('document'), (ctx) => {
    const updateId = ctx.update.update_id;
    const job = handle(ctx.message, updateId)
      .catch((err: unknown) => log.error({ err, updateId, chatId: ctx.chat.id }, 'telegram document failed'))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  const settle = async () => void (await Promise.all([...inFlight]));
  bot.catch((err, ctx) => {
    log.error({ err, updateId: ctx.update.update_id, chatId: ctx.chat?.id, text: ctx.text }, 'telegram update failed');
  });

  try {
    await callWithRetry(() => bot.telegram.setMyCommands(COMMANDS.map((c) => ({ ...c }))), log, opts.retry);
  } catch (err) {
    log.warn({ err }, 'setMyCommands failed; commands still work but Telegram will not suggest them');
  }

  const notifier: Notifier = {
    async send(target, text, progress) {
      if (target.transport !== 'telegram') throw new Error(`not a Telegram chat: ${target.transport}:${target.chatId}`);
      await sender.send(target.chatId, text, undefined, progress);
    },
  };

  if (opts.webhook) {
    const hook = await listenWebhook(bot, opts.webhook, log);
    return {
      notifier,
      botUsername: me.username,
      webhookPort: hook.webhookPort,
      stop: () =>
        hook
          .stop()
          .then(settle)
          .then(() => drained(queues.idle())),
    };
  }

  let ended = false;
  const running = bot
    .launch({ allowedUpdates: ['message'] })
    .catch((err: unknown) => log.error({ err }, 'telegram polling stopped'))
    .finally(() => (ended = true));
  log.info({ bot: me.username, apiRoot: settings.apiRoot ?? 'https://api.telegram.org' }, 'telegram polling');
  return {
    notifier,
    botUsername: me.username,
    async stop() {
      // launch() creates its poller only after deleteWebhook returns; until then bot.stop() throws "not running".
      while (!ended) {
        try {
          bot.stop('shutdown');
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      await running;
      await settle();
      await drained(queues.idle());
    },
  };
}

/** Replies still queued at shutdown get a moment to go out; a chat paused by a long 429 is not waited for. */
function drained(idle: Promise<void>, graceMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs).unref()));
  return Promise.race([idle, grace]).finally(() => clearTimeout(timer));
}

async function listenWebhook(bot: Telegraf, hook: TelegramWebhook, log: Logger): Promise<{ webhookPort: number; stop(): Promise<void> }> {
  const callback = await bot.createWebhook({ domain: hook.domain, path: hook.path, secret_token: hook.secretToken, allowed_updates: ['message'] });
  const server: Server = createServer((req, res) => void callback(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(hook.port, hook.host ?? '127.0.0.1', resolve));
  const webhookPort = (server.address() as AddressInfo).port;
  log.info({ domain: hook.domain, port: webhookPort }, 'telegram webhook');
  return {
    webhookPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
