import type { SubscriptionScope } from '../subscriptions.js';

/**
 * Turns the name typed after /subscribe into an organisation or a region. With the database's
 * organisations the name must be known, and a name several counties share (张家坡镇, 城关镇) is
 * asked back: the county decides which group hears what. Without them a name's suffix decides.
 */

/** Several organisations carry the name: the counties to choose from. */
export interface AmbiguousScope {
  kind: 'ambiguous';
  name: string;
  regions: string[];
}

export type ScopeAnswer = SubscriptionScope | AmbiguousScope | null;
export type ScopeResolver = (name: string) => ScopeAnswer | Promise<ScopeAnswer>;

/** An organisation as the resolver knows it: from reports on file (with full name and aliases) or the roster. */
export interface KnownOrg {
  name: string;
  region: string | null;
  org?: string;
  aliases?: readonly string[];
}

const REGION_SUFFIX = /(县|市|区|旗)$/;

/** 霍邱县 → region; 康庄镇, 城关街道, 县财政局 → org. */
export function guessScope(name: string): SubscriptionScope | null {
  const n = name.trim();
  if (!n) return null;
  return REGION_SUFFIX.test(n) ? { kind: 'region', name: n } : { kind: 'org', name: n };
}

const called = (o: KnownOrg, n: string) => o.name === n || o.org === n || (o.aliases?.includes(n) ?? false);

/** 张家坡镇（沂源县） or 张家坡镇(沂源县) → the name and the county written after it. */
const BRACKETED = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/;

/**
 * Matches organisation names and aliases first (written alone, after their county — 沂源县张家坡镇,
 * 沂源县 张家坡镇 — or with the county in brackets), then region names.
 */
export function createScopeResolver(listOrgs: () => readonly KnownOrg[]): ScopeResolver {
  return (name) => {
    const n = name.trim();
    if (!n) return null;
    const orgs = listOrgs();
    const regions = [...new Set(orgs.map((o) => o.region).filter((r): r is string => r !== null))];
    const bracketed = BRACKETED.exec(n);
    const written: Array<{ region: string | null; rest: string }> = bracketed
      ? [{ region: bracketed[2]!, rest: bracketed[1]! }]
      : [
          { region: null, rest: n },
          ...regions.filter((r) => n.startsWith(r) && n.length > r.length).map((r) => ({ region: r, rest: n.slice(r.length).trim() })),
        ];
    for (const w of written) {
      const found = orgs.filter((o) => called(o, w.rest) && (w.region === null || o.region === w.region));
      const distinct = [...new Map(found.map((o) => [`${o.region ?? ''}/${o.name}`, o])).values()];
      // A county-less record of a name that one county has is that county's (a report that did not say).
      const known = distinct.filter((o) => o.region !== null);
      const candidates = known.length > 0 && known.every((o) => o.name === known[0]!.name) ? known : distinct;
      if (candidates.length === 1) return { kind: 'org', name: candidates[0]!.name, region: candidates[0]!.region };
      if (candidates.length > 1)
        return { kind: 'ambiguous', name: candidates[0]!.name, regions: known.map((o) => o.region!).sort((a, b) => a.localeCompare(b, 'zh')) };
    }
    return regions.includes(n) ? { kind: 'region', name: n } : null;
  };
}
