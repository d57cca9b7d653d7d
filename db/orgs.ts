import type { OrgRecord } from '../src/bot/core/store.js';
import type { OrgCandidate, OrgIdentity } from '../src/ingest/org-match.js';
import type { Connection } from './stores.js';
import { keptUntilChange } from './sql.js';

/** Organisations and the names they were printed under (orgs, org_aliases). */
export interface OrgStore {
  /** Every organisation of this short name, whatever its region. */
  byName(name: string): OrgCandidate[];
  /** A new organisation; returns its id. */
  insert(identity: OrgIdentity, createdAt: string): number;
  /** The region of an organisation that had none. */
  setRegion(orgId: number, region: string | null): void;
  /** Records names of the organisation; names already recorded are left as they are. */
  addAliases(orgId: number, aliases: readonly string[]): void;
  region(orgId: number): string | null;
  /**
   * Every organisation with its aliases, by id. The same array until the database changes: the
   * question core asks for it on every question and keeps its name index while it is the same.
   * Callers treat it as read-only.
   */
  list(): OrgRecord[];
}

export function createOrgStore(c: Connection): OrgStore {
  const { prepare } = c;
  const list = keptUntilChange(c.changeStamp, (): OrgRecord[] => {
    // Each organisation with its aliases in one row (~160,000 aliases at national scale: a third
    // quicker than one row per alias, and read again after every change of the database).
    const rows = prepare(
      `SELECT id, org, name, region, kind, (SELECT json_group_array(alias ORDER BY id) FROM org_aliases WHERE org_aliases.org_id = orgs.id)
         FROM orgs ORDER BY id`,
    )
      .raw()
      .all() as Array<[number, string, string, string | null, string | null, string]>;
    return rows.map(([id, org, name, region, kind, aliases]) => ({ id, org, name, region, kind, aliases: JSON.parse(aliases) as string[] }));
  });
  return {
    byName: (name) => prepare('SELECT id, name, region FROM orgs WHERE name = ?').all(name) as OrgCandidate[],
    insert: (identity, createdAt) =>
      Number(
        prepare('INSERT INTO orgs (org, name, region, kind, created_at) VALUES (?, ?, ?, ?, ?)').run(
          identity.org,
          identity.name,
          identity.region,
          identity.kind,
          createdAt,
        ).lastInsertRowid,
      ),
    setRegion: (orgId, region) => void prepare('UPDATE orgs SET region = ? WHERE id = ?').run(region, orgId),
    addAliases(orgId, aliases) {
      const insert = prepare('INSERT INTO org_aliases (org_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING');
      for (const a of aliases) insert.run(orgId, a);
    },
    region: (orgId) => (prepare('SELECT region FROM orgs WHERE id = ?').get(orgId) as { region: string | null } | undefined)?.region ?? null,
    list,
  };
}
