import type { RosterSources } from '../src/jobs/roster.js';
import type { OrgKind } from '../src/parsing/types.js';
import { keptUntilChange } from './sql.js';
import type { Connection } from './stores.js';

export interface ImportedEntry {
  name: string;
  region: string | null;
  kind: OrgKind | null;
}

/** The imported roster (who must report, from a county's list) and what it is merged with. */
export interface RosterStore {
  /** Adds or updates imported entries (by name and region) in one transaction. */
  import(entries: readonly ImportedEntry[], at: Date): { added: number; updated: number };
  /** The imported entries, in import order. */
  listImported(): ImportedEntry[];
  /**
   * The imported entries and every organisation on file (without aliases: only names, regions and
   * kinds matter to the roster), the same object until the database changes, so that the merge
   * (src/jobs/roster.ts rosterReader) is done again only then. Read-only.
   */
  sources(): RosterSources;
}

export function createRosterStore(c: Connection): RosterStore {
  const { prepare } = c;
  const listImported = () => prepare('SELECT name, region, kind FROM roster ORDER BY id').all() as ImportedEntry[];
  const sources = keptUntilChange(c.changeStamp, (): RosterSources => ({
    imported: listImported(),
    orgs: (
      prepare('SELECT id, org, name, region, kind FROM orgs ORDER BY id').all() as Array<{
        id: number;
        org: string;
        name: string;
        region: string | null;
        kind: string | null;
      }>
    ).map((o) => ({ ...o, aliases: [] })),
  }));
  return {
    import(entries, at) {
      const find = prepare('SELECT id FROM roster WHERE name = ? AND region_key = ?');
      const update = prepare('UPDATE roster SET kind = ?, imported_at = ? WHERE id = ?');
      const insert = prepare('INSERT INTO roster (name, region, kind, imported_at) VALUES (?, ?, ?, ?)');
      return c.immediate(() => {
        let added = 0;
        let updated = 0;
        for (const e of entries) {
          const existing = find.get(e.name, e.region ?? '') as { id: number } | undefined;
          if (existing) {
            update.run(e.kind, at.toISOString(), existing.id);
            updated++;
          } else {
            insert.run(e.name, e.region, e.kind, at.toISOString());
            added++;
          }
        }
        return { added, updated };
      });
    },
    listImported,
    sources,
  };
}
