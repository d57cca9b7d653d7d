import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../db/client.js';
import { assessYear } from '../../src/calendar/assess.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { zonedInstant } from '../../src/calendar/time.js';
import { loadPlanInput } from '../../src/jobs/plan-input.js';
import { planEscalations } from '../../src/jobs/plan-escalations.js';
import { planReminders } from '../../src/jobs/plan-reminders.js';
import { parseRosterCsv } from '../../src/jobs/roster-csv.js';
import { rosterReader, sortByRegionAndName } from '../../src/jobs/roster.js';
import { round } from '../stats.js';
import type { Job } from './common.js';

export interface PlanResult {
  roster: number;
  subscriptions: number;
  /** Reminders (D-7) + escalations (D+1) + check, each reading what it needs from the database. */
  seconds: number;
  /** The same without the reads: the planners and the check themselves. */
  planning_s: number;
  parts: { remind_s: number; escalate_s: number; check_s: number; load_s: number };
  messages: { remind: number; escalate: number };
  statuses: Record<string, number>;
  /** Setting up (not timed in `seconds`): roster import and group bindings. */
  import_s: number;
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, (performance.now() - t0) / 1000];
};

/**
 * The reminder and check jobs for a national roster: the roster CSV of the corpus is imported (each
 * county bound to a group, a third of the towns too), then the remind job's plan for D-7, the
 * escalate job's plan for D+1 and `check` for the season's year are computed and timed, each with
 * the reads from the database it does in the service.
 */
export function runPlan(job: Extract<Job, { phase: 'plan' }>): PlanResult {
  const handle = openDb(job.db);
  const { stores } = handle;
  const roster = rosterReader(() => stores.roster.sources());
  try {
    const cal = DEFAULT_CALENDAR;
    const remindAt = zonedInstant(`${job.year + 1}-01-24`, 9 * 60, cal.timeZone);
    const escalateAt = zonedInstant(`${job.year + 1}-02-01`, 9 * 60, cal.timeZone);

    const [setup, importS] = time(() => {
      const parsed = parseRosterCsv(readFileSync(join(job.dir, 'roster.csv'), 'utf8'));
      if (parsed.errors.length > 0) throw new Error(parsed.errors.slice(0, 3).join('; '));
      stores.roster.import(parsed.rows, remindAt);
      const subs = stores.subscriptions;
      let bound = 0;
      handle.sqlite.transaction(() => {
        for (const r of parsed.rows)
          for (const c of r.contacts) if (subs.subscribe(c, { kind: 'org', name: r.name }, 'roster:import', remindAt) === 'added') bound++;
        const regions = new Set(parsed.rows.map((r) => r.region).filter((x): x is string => x !== null));
        let i = 0;
        for (const region of regions) {
          if (subs.subscribe({ transport: 'wechat', chatId: `county-room-${i++}` }, { kind: 'region', name: region }, 'bench', remindAt) === 'added') bound++;
        }
      })();
      return { roster: parsed.rows.length, subscriptions: bound };
    });

    const [remindInput, loadRemind] = time(() => loadPlanInput({ stores, roster }, cal, remindAt));
    const [reminders, planRemindS] = time(() => planReminders(remindInput));
    const [escalateInput, loadEscalate] = time(() => loadPlanInput({ stores, roster }, cal, escalateAt));
    const [escalations, planEscalateS] = time(() => planEscalations(escalateInput));
    const [checkInput, loadCheck] = time(() => ({ roster: roster(), reports: stores.reports.reportsForYear(job.year) }));
    const [rows, assessS] = time(() => sortByRegionAndName(assessYear({ year: job.year, ...checkInput, calendar: cal, now: escalateAt })));
    const checkS = loadCheck + assessS;
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    return {
      roster: setup.roster,
      subscriptions: setup.subscriptions,
      seconds: loadRemind + planRemindS + loadEscalate + planEscalateS + checkS,
      planning_s: planRemindS + planEscalateS + assessS,
      parts: {
        remind_s: round(loadRemind + planRemindS, 3),
        escalate_s: round(loadEscalate + planEscalateS, 3),
        check_s: round(checkS, 3),
        load_s: round(loadRemind + loadEscalate + loadCheck, 3),
      },
      messages: { remind: reminders.length, escalate: escalations.length },
      statuses,
      import_s: round(importS, 2),
    };
  } finally {
    handle.close();
  }
}
