import { CODE_TITLE } from '../parsing/checks/messages.js';
import { escalationToday, offsetLabel } from '../calendar/schedule.js';
import { completenessErrors, isLate, publicationDate } from '../calendar/status.js';
import { escalationOrgText, escalationRegionText, type IncompleteFiler, type LateFiler } from './messages.js';
import { regionMessages, type Outgoing } from './outgoing.js';
import { behindSent } from './stages.js';
import { byRegion, planUnfiledOrgs, seasonDay, type PlanInput } from './plan-reminders.js';

/**
 * Today's escalations after the deadline: to each county group, who is still missing, who filed late
 * and whose report is incomplete (on the first escalation day even when all is well, later only while
 * someone is missing);
 * and to each group of a missing organisation, how many days it is overdue.
 */
export function planEscalations(input: PlanInput): Outgoing[] {
  const { now, roster, calendar: cal } = input;
  const day = seasonDay(input, (year, region) => escalationToday(cal, year, region, now));
  const { year, notAfter, reportOf, groups, offsetOf, deadlineOf } = day;
  const out = planUnfiledOrgs(day, input, 'escalate', (e, deadline, offset) => escalationOrgText(e.name, year, deadline, offset));

  for (const [region, entries] of byRegion(roster)) {
    const offset = offsetOf(region);
    const targets = groups.ofRegion(region);
    if (offset === null || targets.length === 0 || behindSent(input.sent, 'escalate', `region:${region}`, offset)) continue;
    const missing = entries.filter((e) => !reportOf(e)).map((e) => e.name);
    if (missing.length === 0 && offset !== cal.escalateAfter) continue;
    const late: LateFiler[] = [];
    const incomplete: IncompleteFiler[] = [];
    for (const e of entries) {
      const r = reportOf(e);
      const dated = r && { ...r, region: e.region };
      if (dated && isLate(cal, dated, deadlineOf)) late.push({ name: e.name, signedDate: publicationDate(dated)! });
      const problems = r ? [...new Set(completenessErrors(r).map((f) => CODE_TITLE[f.code]))] : [];
      if (problems.length > 0) incomplete.push({ name: e.name, problems });
    }
    const text = escalationRegionText(region, year, deadlineOf(cal, year, region).date, offset, { missing, late, incomplete });
    out.push(...regionMessages('escalate', { region, year, stage: offsetLabel(offset), notAfter }, targets, text));
  }
  return out;
}
