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
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
