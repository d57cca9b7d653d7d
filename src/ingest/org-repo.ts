import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgAliases, orgs } from '../../db/schema/index.js';
import { matchOrg, orgAliases as aliasesOf, type OrgIdentity } from './org-match.js';

/** The organisation a report belongs to, created or given its region if need be; its names recorded as aliases. */
export function resolveOrg(db: Db, identity: OrgIdentity, now: string): number {
  const candidates = db
    .select({ id: orgs.id, name: orgs.name, region: orgs.region })
    .from(orgs)
    .where(eq(orgs.name, identity.name))
    .all();
  const match = matchOrg(identity, candidates);
  let id: number;
  if (match.kind === 'new') {
    id = db
      .insert(orgs)
      .values({ org: identity.org, name: identity.name, region: identity.region, kind: identity.kind, createdAt: now })
      .returning({ id: orgs.id })
      .get().id;
  } else {
    id = match.id;
    if (match.kind === 'fill-region') db.update(orgs).set({ region: identity.region }).where(eq(orgs.id, id)).run();
  }
  const aliases = aliasesOf(identity).map((alias) => ({ orgId: id, alias }));
  if (aliases.length > 0) db.insert(orgAliases).values(aliases).onConflictDoNothing().run();
  return id;
}
