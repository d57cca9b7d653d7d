import type { OrgRecord } from '../core/store.js';
import type { SubscriptionScope } from '../subscriptions.js';

/**
 * Turns the name typed after /subscribe into an organisation or a region. With the database's
 * organisations the name must be known; without them a name's suffix decides.
 */

export type ScopeResolver = (name: string) => SubscriptionScope | null | Promise<SubscriptionScope | null>;

const REGION_SUFFIX = /(县|市|区|旗)$/;

/** 霍邱县 → region; 康庄镇, 城关街道, 县财政局 → org. */
export function guessScope(name: string): SubscriptionScope | null {
  const n = name.trim();
  if (!n) return null;
  return REGION_SUFFIX.test(n) ? { kind: 'region', name: n } : { kind: 'org', name: n };
}

/** Matches organisation names and aliases first, then region names, against the database. */
export function createScopeResolver(listOrgs: () => OrgRecord[]): ScopeResolver {
  return (name) => {
    const n = name.trim();
    if (!n) return null;
    const orgs = listOrgs();
    const org = orgs.find((o) => o.name === n || o.org === n || o.aliases.includes(n));
    if (org) return { kind: 'org', name: org.name };
    const region = orgs.find((o) => o.region === n)?.region;
    return region ? { kind: 'region', name: region } : null;
  };
}
