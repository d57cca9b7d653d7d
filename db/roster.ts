import type { OrgKind } from '../src/parsing/types.js';
import { mergeRoster, type RosterEntry } from '../src/jobs/roster.js';
import type { Db } from './client.js';
import { changeStamp, connectionOf, statement } from './statements.js';

export interface ImportedEntry {
  name: string;
  region: string | null;
  kind: OrgKind | null;
}

/** Adds or updates imported roster entries (by name and region) in one transaction. */
export function importRoster(db: Db, entries: readonly ImportedEntry[], at: Date): { added: number; updated: number } {
  const find = statement(db, 'SELECT id FROM roster WHERE name = ? AND region_key = ?');
  const update = statement(db, 'UPDATE roster SET kind = ?, imported_at = ? WHERE id = ?');
  const insert = statement(db, 'INSERT INTO roster (name, region, kind, imported_at) VALUES (?, ?, ?, ?)');
  const run = connectionOf(db).transaction(() => {
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
  return run.immediate();
}

export function listImportedRoster(db: Db): ImportedEntry[] {
  return statement(db, 'SELECT name, region, kind FROM roster ORDER BY id').all() as ImportedEntry[];
}

/** The merged roster until the database changes (changeStamp), per connection. */
const rosters = new WeakMap<object, { stamp: string; roster: RosterEntry[] }>();

/**
 * The whole roster: imported entries plus every organisation found in a report. Only names,
 * regions and kinds matter here, so the organisations are read without their aliases. Read again
 * only when the database has changed; each call gets its own copies of the entries.
 */
export function loadRoster(db: Db): RosterEntry[] {
  const stamp = changeStamp(db);
  const key = connectionOf(db);
  let cached = rosters.get(key);
  if (cached?.stamp !== stamp) {
    cached = { stamp, roster: mergeRosterFromDb(db) };
    rosters.set(key, cached);
  }
  return cached.roster.map((e) => ({ ...e }));
}

function mergeRosterFromDb(db: Db): RosterEntry[] {
  const orgs = statement(db, 'SELECT id, org, name, region, kind FROM orgs ORDER BY id').all() as Array<{
    id: number;
    org: string;
    name: string;
    region: string | null;
    kind: string | null;
  }>;
  return mergeRoster(
    listImportedRoster(db),
    orgs.map((o) => ({ ...o, aliases: [] })),
  );
}
