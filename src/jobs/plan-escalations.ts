import { CODE_TITLE } from '../parsing/checks/messages.js';
import { completenessErrors, deadlineMemo, isLate } from './assess.js';
import { escalationToday, offsetLabel, seasonYear, windowEnd } from './calendar.js';
import { escalationOrgText, escalationRegionText, type IncompleteFiler, type LateFiler } from './messages.js';
import { groupIndex, type Outgoing } from './outgoing.js';
import { byRegion, perRegion, type PlanInput } from './plan-reminders.js';
import { orgSubject, reportFinder } from './roster.js';
import { localDate } from './time.js';

/**
 * Today's escalations after the deadline: to each county group, who is still missing, who filed late
 * and whose report is incomplete (on the first escalation day even when all is well, later only while
 * someone is missing);
 * and to each group of a missing organisation, how many days it is overdue.
 */
export function planEscalations({ now, roster, reports, subscriptions, calendar: cal }: PlanInput): Outgoing[] {
  const year = seasonYear(cal, now);
  const filed = reports.filter((r) => r.year === year);
  const notAfter = windowEnd(cal, localDate(now, cal.timeZone));
  const out: Outgoing[] = [];
  const reportOf = reportFinder(filed);
  const groups = groupIndex(subscriptions);
  const offsetOf = perRegion((region) => escalationToday(cal, year, region, now));
  const deadlineOf = deadlineMemo();

  for (const entry of roster) {
    const offset = offsetOf(entry.region);
    if (offset === null || reportOf(entry)) continue;
    const text = escalationOrgText(entry.name, year, deadlineOf(cal, year, entry.region).date, offset);
    for (const target of groups.ofOrg(entry.name)) {
      out.push({ job: 'escalate', subject: orgSubject(entry), period: `${year}/${offsetLabel(offset)}`, target, text, notAfter });
    }
  }

  for (const [region, entries] of byRegion(roster)) {
    const offset = offsetOf(region);
    const targets = groups.ofRegion(region);
    if (offset === null || targets.length === 0) continue;
    const missing = entries.filter((e) => !reportOf(e)).map((e) => e.name);
    if (missing.length === 0 && offset !== cal.escalateAfter) continue;
    const late: LateFiler[] = [];
    const incomplete: IncompleteFiler[] = [];
    for (const e of entries) {
      const r = reportOf(e);
      if (r?.signedDate && isLate(cal, { ...r, region: e.region }, deadlineOf)) late.push({ name: e.name, signedDate: r.signedDate });
      const problems = r ? [...new Set(completenessErrors(r).map((f) => CODE_TITLE[f.code]))] : [];
      if (problems.length > 0) incomplete.push({ name: e.name, problems });
    }
    const text = escalationRegionText(region, year, deadlineOf(cal, year, region).date, offset, { missing, late, incomplete });
    for (const target of targets) {
      out.push({ job: 'escalate', subject: `region:${region}`, period: `${year}/${offsetLabel(offset)}`, target, text, notAfter });
    }
  }
  return out;
}
