import type { DbHandle } from '../../db/client.js';
import { createReportStore } from '../../db/report-store.js';
import { loadRoster } from '../../db/roster.js';
import type { CoreDeps } from '../bot/core/deps.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { calendarFromConfig } from '../calendar/calendar.js';

/**
 * The question core's dependencies over the database: one place, so `ask`, the HTTP entry and the
 * chat adapters answer exactly alike.
 */
export function buildCoreDeps(handle: DbHandle, config: Config, now: () => Date, log?: Logger): CoreDeps {
  return {
    store: createReportStore(handle.db),
    now,
    calendar: calendarFromConfig(config),
    // An imported roster decides who must file; without one, the organisations on file do.
    roster: () => {
      const roster = loadRoster(handle.db);
      return roster.length > 0 ? roster : undefined;
    },
    log,
  };
}
