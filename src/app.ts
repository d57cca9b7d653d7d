import { openDb, type DbHandle } from '../db/client.js';
import type { Stores } from '../db/stores.js';
import type { CoreDeps } from './bot/core/deps.js';
import { createCore, type QuestionCore } from './bot/core/handle.js';
import type { Notifier, Transport } from './bot/types.js';
import type { Config } from './config.js';
import { calendarFromConfig, type Calendar } from './calendar/calendar.js';
import { newOwner, type JobDeps, type JobLog } from './jobs/deps.js';
import { rosterReader, type RosterEntry } from './jobs/roster.js';
import { onReportIngested } from './jobs/run-notices.js';
import { createWatcher, type Watcher } from './watch/watcher.js';
import { silentLogger, type Logger } from './logger.js';
import { createRobotNotifiers } from './notify/index.js';

export type Notifiers = Partial<Record<Transport, Notifier>>;

/**
 * The program assembled once, the same way for `serve` and every command: config → database →
 * stores → calendar and roster → question core → notifiers → jobs.
 */
export interface App {
  readonly config: Config;
  /** The database handle (ingestPaths writes through it). */
  readonly db: DbHandle;
  /** Every store of the database, each owning its cache (db/stores.ts). */
  readonly stores: Stores;
  readonly calendar: Calendar;
  /** Who must report: the imported roster plus every organisation on file, merged again only after a change. */
  readonly roster: () => readonly RosterEntry[];
  readonly now: () => Date;
  readonly log: Logger;
  /** What the question core answers from. */
  readonly coreDeps: CoreDeps;
  readonly core: QuestionCore;
  /**
   * Where messages go, by transport. At first only the group robots (企业微信, 钉钉, 飞书: they need no
   * login): `serve` adds each chat adapter's notifier as it starts, the `remind` command adds
   * sendOnlyNotifiers. The jobs look a transport up at each send.
   */
  readonly notifiers: Notifiers;
  /** What the jobs run with: this app's stores, roster, notifiers, calendar and log, one owner per app. */
  readonly jobs: JobDeps;
  /** The county-portal watcher (data contract §6.3); its scheduled runs notice each report found at once. */
  readonly watcher: Watcher;
  close(): void;
}

export interface AppOptions {
  /** The clock ("today"); the command line fixes it with --now. */
  now?: () => Date;
  log?: Logger;
}

/** Opens the database of `config` (creating and migrating it if need be) and assembles the app over it. */
export function openApp(config: Config, options: AppOptions = {}): App {
  const db = openDb(config.dbPath);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const { stores } = db;
  const calendar = calendarFromConfig(config);
  const roster = rosterReader(() => stores.roster.sources());
  const coreDeps: CoreDeps = {
    store: stores.reports,
    now,
    calendar,
    // An imported roster decides who must file; without one, the organisations on file do.
    roster: () => (stores.roster.sources().imported.length > 0 ? roster() : undefined),
    log,
  };
  const notifiers: Notifiers = { ...createRobotNotifiers(config.robotApiRoots) };
  const jobs: JobDeps = { stores, roster, notifiers, calendar, log: log satisfies JobLog, owner: newOwner() };
  const watcher = createWatcher({ handle: db, config: config.watch, calendar, log });
  jobs.watch = {
    at: config.watch.at,
    run: (at, only) => watcher.run(at, { only, onStored: async (id) => void (await onReportIngested(jobs, id, at)) }),
  };
  return {
    config,
    db,
    stores,
    calendar,
    roster,
    now,
    log,
    coreDeps,
    core: createCore(coreDeps),
    notifiers,
    jobs,
    watcher,
    close: () => db.close(),
  };
}

/**
 * Notifiers for a process without chat adapters (the `remind` command): Telegram sends through the
 * Bot API alone, no long polling needed. WeChat needs the service's login, so it is left to `serve`.
 */
export async function sendOnlyNotifiers(config: Config, log: Logger = silentLogger): Promise<Notifiers> {
  const out: Notifiers = {};
  if (config.telegram) {
    // Imported here so that commands without Telegram never load telegraf.
    const [{ Telegram }, { createTelegramSender }] = await Promise.all([import('telegraf'), import('./bot/adapters/telegram-send.js')]);
    const api = new Telegram(config.telegram.token, { apiRoot: config.telegram.apiRoot });
    const sender = createTelegramSender({ sendMessage: (c, t, e) => api.sendMessage(c, t, e) }, log);
    out.telegram = { send: (target, text, progress) => sender.send(target.chatId, text, undefined, progress) };
  }
  return out;
}
