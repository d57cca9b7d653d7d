import { randomUUID } from 'node:crypto';
import type { Stores } from '../../db/stores.js';
import type { Notifier, Transport } from '../bot/types.js';
import type { Calendar } from '../calendar/calendar.js';
import type { Outgoing } from './outgoing.js';
import type { RosterEntry } from './roster.js';

/** pino-compatible: what the jobs log through. */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a job runner needs; runners take it plus `now`, and read no clock of their own. */
export interface JobDeps {
  /** The database: reports, bindings, the delivery log, job runs. */
  stores: Stores;
  /** Who must report (src/app.ts: the roster merged from stores.roster). */
  roster: () => readonly RosterEntry[];
  /** Transports without a notifier are left alone (not claimed): another process may send them. */
  notifiers: Partial<Record<Transport, Notifier>>;
  calendar: Calendar;
  log: JobLog;
  /** Identifies this process in the delivery log; one per process. */
  owner: string;
  /**
   * The county-portal watcher (src/watch/), when the app has one: the scheduler runs it every hour
   * at the minute of `at`, reading every source when due and only the failing ones otherwise.
   */
  watch?: { at: string; run(now: Date, only: 'all' | 'failing'): Promise<unknown> };
  /** Test seam: called after a message is claimed and before it is sent. */
  afterClaim?: (out: Outgoing) => void;
}

export const newOwner = (): string => randomUUID();
