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
}

export const targetKey = (t: ChatTarget) => `${t.transport}:${t.chatId}`;

function uniqueTargets(subs: readonly Subscription[]): ChatTarget[] {
  const seen = new Map<string, ChatTarget>();
  for (const s of subs) if (!seen.has(targetKey(s.target))) seen.set(targetKey(s.target), s.target);
  return [...seen.values()];
}

/** Groups bound to an organisation (by its short name, as /subscribe stores it). */
export const groupsOfOrg = (subs: readonly Subscription[], name: string): ChatTarget[] =>
  uniqueTargets(subs.filter((s) => s.scope.kind === 'org' && s.scope.name === name));

/** Groups bound to a county or county-level city. */
export const groupsOfRegion = (subs: readonly Subscription[], region: string | null): ChatTarget[] =>
  region === null ? [] : uniqueTargets(subs.filter((s) => s.scope.kind === 'region' && s.scope.name === region));

/**
 * groupsOfOrg and groupsOfRegion over the same bindings for many organisations: the bindings
 * indexed by scope once, each list in the order of `subs`, so the answers are the same.
 */
export function groupIndex(subs: readonly Subscription[]): { ofOrg(name: string): ChatTarget[]; ofRegion(region: string | null): ChatTarget[] } {
  const byScope = new Map<string, Subscription[]>();
  for (const s of subs) {
    const key = `${s.scope.kind}\u0000${s.scope.name}`;
    const list = byScope.get(key);
    if (list) list.push(s);
    else byScope.set(key, [s]);
  }
  return {
    ofOrg: (name) => uniqueTargets(byScope.get(`org\u0000${name}`) ?? []),
    ofRegion: (region) => (region === null ? [] : uniqueTargets(byScope.get(`region\u0000${region}`) ?? [])),
  };
}
