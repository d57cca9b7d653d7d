/**
 * Run as a child process by season-robots.test.ts: the remind job with the real robot notifiers,
 * talking to the parent's fake robots. The parent kills it (SIGKILL) while a message is on its way.
 * Its calendar comes from the environment (NIANBAO_DEADLINES) as the parent's does; its robot clock runs from the simulated `now`, as the parent's fake robots' clock does.
 * Usage: crash-robots.script.ts <db> <now ISO> <api roots JSON>
 */
import { writeSync } from 'node:fs';
import { pino } from 'pino';
import { openDb } from '../../db/client.js';
import { loadConfig } from '../../src/config.js';
import { calendarFromConfig } from '../../src/calendar/calendar.js';
import { rosterReader } from '../../src/jobs/roster.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { createRobotNotifiers, type RobotApiRoots } from '../../src/notify/index.js';

const [dbPath, nowIso, roots] = process.argv.slice(2);
const now = new Date(nowIso!);
const started = Date.now();
const handle = openDb(dbPath!);
const loaded = loadConfig();
if (!loaded.ok) throw new Error(loaded.message);
// Log lines go to stdout, for the parent to search for secrets.
const log = pino({ level: 'info' }, { write: (s: string) => void writeSync(1, s) });
await runReminders(
  {
    stores: handle.stores,
    roster: rosterReader(() => handle.stores.roster.sources()),
    calendar: calendarFromConfig(loaded.config),
    log,
    owner: 'crashing-process',
    notifiers: createRobotNotifiers(JSON.parse(roots!) as RobotApiRoots, { clock: () => now.getTime() + (Date.now() - started) }),
  },
  now,
);
writeSync(1, 'FINISHED\n');
