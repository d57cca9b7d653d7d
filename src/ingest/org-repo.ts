import type { OrgStore } from '../../db/orgs.js';
import { matchOrg, orgAliases as aliasesOf, type OrgIdentity } from './org-match.js';

/** The organisation a report belongs to, created or given its region if need be; its names recorded as aliases. */
export function resolveOrg(orgs: OrgStore, identity: OrgIdentity, now: string): number {
  const match = matchOrg(identity, orgs.byName(identity.name));
  let id: number;
  if (match.kind === 'new') {
    id = orgs.insert(identity, now);
  } else {
    id = match.id;
    if (match.kind === 'fill-region') orgs.setRegion(id, identity.region);
  }
  orgs.addAliases(id, aliasesOf(identity));
  return id;
}
