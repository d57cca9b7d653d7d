import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../app.js';
import { createPipeline } from '../bot/adapters/pipeline.js';
import { createScopeResolver } from '../bot/adapters/scope.js';
import { httpExposureProblem, type Config } from '../config.js';
import { sharedReader } from '../ingest/bounded-read.js';
import { ingestPaths } from '../ingest/ingest.js';
import { startScheduler } from '../jobs/scheduler.js';
import type { Logger } from '../logger.js';
import { runConsoleChat } from './console-chat.js';
import { createChatExporter } from './chat-export.js';
import { createFileDesk } from './precheck-desk.js';
import { closeServer, createHttpServer, listen } from './http-server.js';
import { createPagePool } from './page-pool.js';

/** The reports shipped with the repository, ingested into an empty database so a newcomer can ask at once. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/reports', import.meta.url));

export interface ServiceOptions {
  config: Config;
  log: Logger;
  /** The console chat, or null for a service without one (a daemon). */
  console: { input: Readable; output: Writable; interactive: boolean } | null;
  now?: () => Date;
  /** Real time for the chat guards (a message's age, the pace of questions); tests move it. */
  wallClock?: () => Date;
  samplesDir?: string;
  /** Run the reminder scheduler (on by default). */
  scheduler?: boolean;
}

export interface Service {
  /** Where HTTP listens; null when its port was taken (the rest of the service runs without it). */
  http: AddressInfo | null;
  /** Settles when the console input ends (a piped script finished) or stop() was called. */
  finished: Promise<void>;
  stop(): Promise<void>;
}

async function ingestSamplesIfEmpty(app: App, opts: ServiceOptions, say: (s: string) => void): Promise<void> {
  if (app.stores.reports.years().length > 0) return;
  const summary = await ingestPaths(app.db, [opts.samplesDir ?? SAMPLES_DIR]);
  const names = summary.stored.map((r) => (r.status === 'stored' ? `${r.name}${r.year}` : '')).filter(Boolean);
  say(`数据库是空的，已导入 ${summary.stored.length} 份示例年报：${names.join('、')}。`);
}

/**
 * HTTP on its configured port; a port already taken is said (with the variable that changes it) and
 * the service goes on without HTTP, so the console and the bots still start.
 */
async function listenOrSay(server: ReturnType<typeof createHttpServer>, config: Config, say: (s: string) => void, log: Logger): Promise<AddressInfo | null> {
  try {
    const http = await listen(server, config.httpHost, config.httpPort);
    log.info({ host: http.address, port: http.port }, 'http entry listening');
    return http;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    log.warn({ err, port: config.httpPort }, 'http port taken; running without HTTP');
    say(
      `HTTP 端口 ${config.httpHost}:${config.httpPort} 已被占用，本次不提供 HTTP 接口。换一个端口请设置环境变量 NIANBAO_HTTP_PORT（例如 NIANBAO_HTTP_PORT=8788，0 为自动选择），或 NIANBAO_HTTP_HOST。`,
    );
    return null;
  }
}

/**
 * `serve` / `npm start` over the app (src/app.ts): the console and HTTP entries, whichever chat
 * adapters are configured (each adds its notifier to the app's), and the reminder scheduler.
 */
export async function startService(opts: ServiceOptions): Promise<Service> {
  const { config, log } = opts;
  const now = opts.now ?? (() => new Date());
  // Checked before anything opens: the status page lists other offices' problems.
  const exposure = httpExposureProblem(config);
  if (exposure) throw new Error(exposure);
  const say = (s: string) => (opts.console ? opts.console.output.write(`${s}\n`) : log.info(s));
  const app = openApp(config, { now, log });
  const { core, notifiers, stores } = app;
  const stops: Array<() => Promise<void>> = [];
  await ingestSamplesIfEmpty(app, opts, say);

  // One pipeline for every entry: the same guards, commands, limits and answers everywhere.
  const pipeline = createPipeline({
    core,
    subscriptions: stores.subscriptions,
    seen: stores.seenUpdates,
    admins: config.admins,
    log,
    now,
    wallClock: opts.wallClock,
    // Organisations on file (full names, aliases) and on the roster (imported, not yet filed).
    resolveScope: createScopeResolver(() => [...stores.reports.listOrgs(), ...app.roster()]),
    conversations: stores.conversations,
    exporter: createChatExporter(app),
    files: createFileDesk({ db: app.db, calendar: app.calendar, admins: config.admins, jobs: app.jobs, log }),
  });

  // The status pages read and draw on their own thread, so that they never hold up the bots or the jobs.
  const pages = createPagePool(config, now, log);
  stops.push(() => pages.close());
  const server = createHttpServer({
    pipeline,
    health: () => ({ years: stores.reports.years() }),
    log,
    pages,
    access: { host: config.httpHost, token: config.httpToken, allowedHosts: config.httpAllowedHosts },
  });
  const http = await listenOrSay(server, config, say, log);
  if (http) stops.push(() => closeServer(server));

  const shared = { pipeline, log };
  // Files sent to a chat bot are read in the reader's thread: start it now, not on the first file.
  if (config.telegram || config.wechat) void sharedReader().warm();
  if (config.telegram) {
    // Imported here so a service without Telegram never loads telegraf.
    const { startTelegram } = await import('../bot/adapters/telegram.js');
    const telegram = await startTelegram({ ...shared, config, webhook: config.telegram.webhook });
    notifiers.telegram = telegram.notifier;
    stops.push(() => telegram.stop());
    log.info({ bot: telegram.botUsername }, 'telegram adapter started');
  }
  if (config.wechat) {
    // wechaty costs about a second to import and is off by default.
    const { startWechat } = await import('../bot/adapters/wechat.js');
    const wechat = await startWechat({ ...shared, config });
    notifiers.wechat = wechat.notifier;
    stops.push(() => wechat.stop());
  }
  if (opts.console) {
    const out = opts.console.output;
    notifiers.console = { send: async (target, text) => void out.write(`【通知 ${target.chatId}】${text}\n`) };
  }
  if (opts.scheduler !== false) {
    const scheduler = startScheduler({ deps: app.jobs, now });
    stops.unshift(() => scheduler.stop());
  }

  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of stops) await s().catch((err: unknown) => log.error({ err }, 'stopping a part failed'));
      app.close();
      resolveFinished();
    })());

  if (opts.console) {
    // Stopping (Ctrl-C) closes the console first, so no question reaches a closed database.
    const closeConsole = new AbortController();
    stops.unshift(async () => closeConsole.abort());
    const where = http ? `，HTTP：POST http://${http.address}:${http.port}/ask` : '';
    say(`年报助手已启动。输入问题即可（例如：康庄镇2020年依申请公开多少件；输入“帮助”看更多；Ctrl-C 退出）${where}`);
    void runConsoleChat({ pipeline, ...opts.console, signal: closeConsole.signal }).then(stop);
  }
  return { http, finished, stop };
}
