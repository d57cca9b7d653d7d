import type { ReportStore } from './store.js';

/** Minimal logger shape (pino-compatible). */
export interface CoreLog {
  error(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}

/** An organisation expected to file a report for a year (the roster, from another module). */
export interface RosterEntry {
  name: string;
  region: string | null;
}

export interface CoreDeps {
  store: ReportStore;
  now: () => Date;
  /** Deadline (ISO date, inclusive) of the report for `year` in `region` (config overrides included). */
  deadline: (year: number, region: string | null) => string;
  /** Time zone of "today" and of deadlines; default Asia/Shanghai. */
  timeZone?: string;
  /** Who must file for a year. Without it, every organisation on file counts as expected. */
  roster?: (year: number) => readonly RosterEntry[] | undefined;
  log?: CoreLog;
  /** Names the bot is @mentioned by, stripped from questions. */
  botNames?: readonly string[];
  /** Sender ids of the bot itself on each transport (`telegram:123`); its own messages are ignored. */
  selfIds?: readonly string[];
  /** Messages older than this when they arrive are replays after a reconnect; default 10 minutes. */
  staleAfterMs?: number;
  /** Time limit of one answer; default 5 seconds. */
  timeoutMs?: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
