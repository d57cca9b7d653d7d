import type { Calendar } from '../../calendar/calendar.js';
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
  /** The parser's OrgKind, when the roster says (else read from the name). */
  kind?: string | null;
}

export interface CoreDeps {
  store: ReportStore;
  now: () => Date;
  /**
   * Deadlines per region and year (NIANBAO_DEADLINES included) and the time zone of "today" and of
   * deadlines: the one calendar the jobs and `check` use too. Default: DEFAULT_CALENDAR.
   */
  calendar?: Calendar;
  /** Who must file for a year. Without it, every organisation on file counts as expected. */
  roster?: (year: number) => readonly RosterEntry[] | undefined;
  log?: CoreLog;
  /** Names the bot is @mentioned by, stripped from questions. */
  botNames?: readonly string[];
}
