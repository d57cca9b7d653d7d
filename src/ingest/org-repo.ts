import type { Db } from '../../db/client.js';
import { matchOrg, orgAliases as aliasesOf, type OrgCandidate, type OrgIdentity } from './org-match.js';
import { statement } from '../../db/statements.js';

/** The organisation a report belongs to, created or given its region if need be; its names recorded as aliases. */
export function resolveOrg(db: Db, identity: OrgIdentity, now: string): number {
  const candidates = statement(db, 'SELECT id, name, region FROM orgs WHERE name = ?').all(identity.name) as OrgCandidate[];
  const match = matchOrg(identity, candidates);
  let id: number;
  if (match.kind === 'new') {
    id = Number(
      statement(db, 'INSERT INTO orgs (org, name, region, kind, created_at) VALUES (?, ?, ?, ?, ?)').run(identity.org, identity.name, identity.region, identity.kind, now)
        .lastInsertRowid,
    );
  } else {
    id = match.id;
    if (match.kind === 'fill-region') statement(db, 'UPDATE orgs SET region = ? WHERE id = ?').run(identity.region, id);
  }
  const alias = statement(db, 'INSERT INTO org_aliases (org_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const a of aliasesOf(identity)) alias.run(id, a);
  return id;
}
