import { asc, sql } from 'drizzle-orm';
import type { OrgKind } from '../src/parsing/types.js';
import { mergeRoster, type RosterEntry } from '../src/jobs/roster.js';
import type { Db } from './client.js';
import { createReportStore } from './report-store.js';
import { roster } from './schema/index.js';

export interface ImportedEntry {
  name: string;
  region: string | null;
  kind: OrgKind | null;
}

/** Adds or updates imported roster entries (by name and region) in one transaction. */
export function importRoster(db: Db, entries: readonly ImportedEntry[], at: Date): { added: number; updated: number } {
  return db.transaction(
    (tx) => {
      let added = 0;
      let updated = 0;
      for (const e of entries) {
        const existing = tx
          .select({ id: roster.id })
          .from(roster)
          .where(sql`${roster.name} = ${e.name} and ${roster.regionKey} = ${e.region ?? ''}`)
          .get();
        if (existing) {
          tx.update(roster).set({ kind: e.kind, importedAt: at.toISOString() }).where(sql`${roster.id} = ${existing.id}`).run();
          updated++;
        } else {
          tx.insert(roster).values({ name: e.name, region: e.region, kind: e.kind, importedAt: at.toISOString() }).run();
          added++;
        }
      }
      return { added, updated };
    },
    { behavior: 'immediate' },
  );
}

export function listImportedRoster(db: Db): ImportedEntry[] {
  return db
    .select({ name: roster.name, region: roster.region, kind: roster.kind })
    .from(roster)
    .orderBy(asc(roster.id))
    .all();
}

/** The whole roster: imported entries plus every organisation found in a report. */
export function loadRoster(db: Db): RosterEntry[] {
  return mergeRoster(listImportedRoster(db), createReportStore(db).listOrgs());
}
