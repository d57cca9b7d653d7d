/**
 * Run as a child process by exactly-once.test.ts: runs the remind job on the given database at the
 * given time and kills itself with SIGKILL either right after the first claim (`claim`: before any
 * platform call) or inside the first send (`send`: the outcome of that send is unknown).
 * Usage: crash-remind.script.ts <db> <now ISO> <claim|send>
 */
import { writeSync } from 'node:fs';
import { openDb } from '../../db/client.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { rosterReader } from '../../src/jobs/roster.js';
import { runReminders } from '../../src/jobs/run-reminders.js';
import { silentLogger } from '../../src/logger.js';

const [dbPath, nowIso, mode] = process.argv.slice(2);
const handle = openDb(dbPath!);
const die = () => process.kill(process.pid, 'SIGKILL');
await runReminders(
  {
    stores: handle.stores,
    roster: rosterReader(() => handle.stores.roster.sources()),
    calendar: DEFAULT_CALENDAR,
    log: silentLogger,
    owner: 'crashing-process',
    notifiers: {
      telegram: {
        async send(target) {
          writeSync(1, `SENDING ${target.chatId}\n`);
          if (mode === 'send') die();
        },
      },
    },
    afterClaim: (out) => {
      writeSync(1, `CLAIMED ${out.target.chatId}\n`);
      if (mode === 'claim') die();
    },
  },
  new Date(nowIso!),
);
writeSync(1, 'FINISHED\n');
