import type { Subscription } from '../bot/subscriptions.js';
import type { ChatTarget } from '../bot/types.js';

export const JOB_NAMES = ['remind', 'escalate', 'notice'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * One message a planner wants delivered. (job, subject, period, target) is its delivery key: the
 * same key is sent at most once however often the planner runs.
 */
export interface Outgoing {
  job: JobName;
  /** `org:<region>/<name>` or `region:<name>`. */
  subject: string;
  /** `2026/D-7`, `2026/D+8`, `2026/report-12`. */
  period: string;
  target: ChatTarget;
  text: string;
  /** After this instant the message no longer makes sense: it is dropped instead of retried. */
  notAfter: Date;
  /** Whom it is about: an organisation with its county, or a county (what `remind --dry-run --json` shows). */
  about?: { kind: 'org'; name: string; region: string | null } | { kind: 'region'; name: string };
}

/** A county's message of a season day (the digest, the escalation): one for each group bound to the county. */
export function regionMessages(
  job: JobName,
  day: { region: string; year: number; stage: string; notAfter: Date },
  targets: readonly ChatTarget[],
  text: string,
): Outgoing[] {
  const { region, year, stage, notAfter } = day;
  return targets.map((target) => ({
    job,
    subject: `region:${region}`,
    period: `${year}/${stage}`,
    target,
    text,
    notAfter,
    about: { kind: 'region', name: region },
  }));
}

export const targetKey = (t: ChatTarget) => `${t.transport}:${t.chatId}`;

function uniqueTargets(subs: readonly Subscription[]): ChatTarget[] {
  const seen = new Map<string, ChatTarget>();
  for (const s of subs) if (!seen.has(targetKey(s.target))) seen.set(targetKey(s.target), s.target);
  return [...seen.values()];
}

interface Org {
  name: string;
  region: string | null;
}

/**
 * How many organisations on the roster carry each short name. A binding without a county (made
 * before counties were recorded) is to the organisation of that name only while there is one.
 */
export function nameCounts(roster: readonly Org[]): (name: string) => number {
  const counts = new Map<string, number>();
  for (const e of roster) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  return (name) => counts.get(name) ?? 0;
}

const orgKey = (name: string, region: string | null) => `org\u0000${name}\u0000${region ?? ''}`;
const regionKey = (region: string) => `region\u0000${region}`;

/**
 * The groups of many organisations and regions over the same bindings, indexed once. An organisation
 * binding is to one organisation, name and county: the group of 沂源县张家坡镇 hears nothing of 博山区's.
 * A binding without a county holds for an organisation of that name without a county, or for the only
 * one of that name on the roster (`count`; without it, for every organisation of the name).
 */
export function groupIndex(
  subs: readonly Subscription[],
  count?: (name: string) => number,
): { ofOrg(org: Org): ChatTarget[]; ofRegion(region: string | null): ChatTarget[] } {
  const byScope = new Map<string, Subscription[]>();
  for (const s of subs) {
    const key = s.scope.kind === 'org' ? orgKey(s.scope.name, s.scope.region ?? null) : regionKey(s.scope.name);
    const list = byScope.get(key);
    if (list) list.push(s);
    else byScope.set(key, [s]);
  }
  return {
    ofOrg(org) {
      const own = byScope.get(orgKey(org.name, org.region)) ?? [];
      if (org.region === null) return uniqueTargets(own);
      const loose = !count || count(org.name) === 1 ? (byScope.get(orgKey(org.name, null)) ?? []) : [];
      return uniqueTargets([...own, ...loose]);
    },
    ofRegion: (region) => (region === null ? [] : uniqueTargets(byScope.get(regionKey(region)) ?? [])),
  };
}
