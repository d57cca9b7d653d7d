/**
 * Which organisation on file a report belongs to. Pure: the caller loads the candidates (every
 * organisation with the report's short name) and carries out the decision.
 */

export interface OrgIdentity {
  /** Full name as printed: 沂源县张家坡镇人民政府. */
  org: string;
  /** Short name: 张家坡镇. */
  name: string;
  region: string | null;
  kind: string | null;
}

export interface OrgCandidate {
  id: number;
  name: string;
  region: string | null;
}

export type OrgMatch =
  | { kind: 'existing'; id: number }
  /** The one organisation of that name had no region yet; this report states it. */
  | { kind: 'fill-region'; id: number }
  | { kind: 'new' };

/**
 * - A report that states its region belongs to the organisation of that name and region; if there
 *   is none, to the only organisation of that name whose region was never known; else to a new one.
 *   So two 张家坡镇 in different counties stay two.
 * - A report without a region belongs to the only organisation of that name; with none or several
 *   (ambiguous), to the region-less one of that name, created if need be.
 */
export function matchOrg(identity: OrgIdentity, candidates: readonly OrgCandidate[]): OrgMatch {
  const sameName = candidates.filter((c) => c.name === identity.name);
  if (identity.region !== null) {
    const exact = sameName.find((c) => c.region === identity.region);
    if (exact) return { kind: 'existing', id: exact.id };
    const unplaced = sameName.filter((c) => c.region === null);
    if (sameName.length === 1 && unplaced.length === 1) return { kind: 'fill-region', id: unplaced[0]!.id };
    return { kind: 'new' };
  }
  if (sameName.length === 1) return { kind: 'existing', id: sameName[0]!.id };
  const unplaced = sameName.find((c) => c.region === null);
  return unplaced ? { kind: 'existing', id: unplaced.id } : { kind: 'new' };
}

/**
 * Names people may use for an organisation: the printed full name, the short name, the region
 * plus short name, and the short name without its 镇/乡/街道 ending (张家坡) when that leaves a name.
 */
export function orgAliases(identity: OrgIdentity): string[] {
  const out = new Set<string>([identity.org, identity.name]);
  if (identity.region && !identity.name.startsWith(identity.region)) out.add(`${identity.region}${identity.name}`);
  const bare = identity.name.replace(/(镇|乡|街道)$/, '');
  if (bare !== identity.name && bare.length >= 2) out.add(bare);
  return [...out].filter((a) => a.trim() !== '');
}
