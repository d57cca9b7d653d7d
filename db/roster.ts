import type { ChatTarget } from '../src/bot/types.js';
import type { RosterSources } from '../src/jobs/roster.js';
import type { OrgKind } from '../src/parsing/types.js';
import type { OrgStore } from './orgs.js';
import { keptUntilChange } from './sql.js';
import type { Connection } from './stores.js';

export interface ImportedEntry {
  name: string;
  region: string | null;
  kind: OrgKind | null;
}

/** A roster row as imported: the entry and the groups its contact column binds it to. */
export interface ImportEntry extends ImportedEntry {
  contacts?: readonly ChatTarget[];
}

export interface ImportCounts {
  added: number;
  updated: number;
  /** Entries no longer on the list (only with `replace`). */
  removed: number;
  /** Bindings made now (a group already bound to the organisation is not counted). */
  groups: number;
}

export type RemoveResult =
  | { kind: 'removed'; entry: ImportedEntry; bindings: number; hasReports: boolean }
  | { kind: 'not_found' }
  /** The name is on the list in several counties: which one. */
  | { kind: 'ambiguous'; regions: string[] };

/** Who bound a group through the roster's contact column (subscriptions.bound_by). */
export const ROSTER_BINDER = 'roster:import';

/** The imported roster (who must report, from a county's list) and what it is merged with. */
export interface RosterStore {
  /**
   * Adds or updates the entries and binds their contact groups, all in one transaction: a kill
   * leaves the roster and its bindings as they were. An entry matches an existing one by name and
   * county; a county added to a row completes the entry that had none (never a second organisation).
   * `replace`: the file is the whole list; entries not in it and the contact bindings it no longer
   * names go (groups bound in chat stay).
   */
  import(entries: readonly ImportEntry[], at: Date, opts?: { replace?: boolean }): ImportCounts;
  /** Takes an organisation off the list, with every group bound to it. `region` undefined: the only one of that name. */
  remove(name: string, region?: string | null): RemoveResult;
  /** The imported entries, in import order. */
  listImported(): ImportedEntry[];
  /**
   * The imported entries and every organisation on file (the org store's list), the same object
   * until the database changes, so that the merge
   * (src/jobs/roster.ts rosterReader) is done again only then. Read-only.
   */
  sources(): RosterSources;
}

type Row = { id: number; region: string | null };

export function createRosterStore(c: Connection, orgs: Pick<OrgStore, 'list'>): RosterStore {
  const { prepare } = c;
  const listImported = () => prepare('SELECT name, region, kind FROM roster ORDER BY id').all() as ImportedEntry[];
  // The organisations are the org store's own list (the one the question core indexes), read once per change.
  const sources = keptUntilChange(c.changeStamp, (): RosterSources => ({ imported: listImported(), orgs: orgs.list() }));
  const sameName = (name: string) => prepare('SELECT id, region FROM roster WHERE name = ?').all(name) as Row[];
  const unbind = (name: string, region: string | null) =>
    prepare(`DELETE FROM subscriptions WHERE scope_kind = 'org' AND scope_name = ? AND scope_region_key = ?`).run(name, region ?? '').changes;

  /** The existing entry a row stands for: same name and county, else the one county-less (or only) entry of the name. */
  function match(e: ImportedEntry): Row | undefined {
    const rows = sameName(e.name);
    const exact = rows.find((r) => r.region === e.region);
    if (exact) return exact;
    const loose = e.region === null ? rows : rows.filter((r) => r.region === null);
    return loose.length === 1 ? loose[0] : undefined;
  }

  return {
    import(entries, at, opts = {}) {
      const when = at.toISOString();
      const update = prepare('UPDATE roster SET region = coalesce(?, region), kind = ?, imported_at = ? WHERE id = ?');
      const insert = prepare('INSERT INTO roster (name, region, kind, imported_at) VALUES (?, ?, ?, ?) RETURNING id');
      const bind = prepare(
        `INSERT OR IGNORE INTO subscriptions (transport, chat_id, scope_kind, scope_name, scope_region, bound_by, bound_at) VALUES (?, ?, 'org', ?, ?, ?, ?)`,
      );
      return c.immediate(() => {
        const counts: ImportCounts = { added: 0, updated: 0, removed: 0, groups: 0 };
        const kept = new Set<number>();
        if (opts.replace) prepare(`DELETE FROM subscriptions WHERE scope_kind = 'org' AND bound_by = ?`).run(ROSTER_BINDER);
        for (const e of entries) {
          const existing = match(e);
          let region = e.region;
          if (existing) {
            update.run(e.region, e.kind, when, existing.id);
            region = e.region ?? existing.region;
            kept.add(existing.id);
            counts.updated++;
          } else {
            kept.add((insert.get(e.name, e.region, e.kind, when) as { id: number }).id);
            counts.added++;
          }
          for (const t of e.contacts ?? []) counts.groups += bind.run(t.transport, t.chatId, e.name, region, ROSTER_BINDER, when).changes;
        }
        if (opts.replace) {
          const gone = (prepare('SELECT id, name, region FROM roster').all() as Array<Row & { name: string }>).filter((r) => !kept.has(r.id));
          for (const r of gone) prepare('DELETE FROM roster WHERE id = ?').run(r.id);
          counts.removed = gone.length;
        }
        return counts;
      });
    },

    remove(name, region) {
      return c.immediate((): RemoveResult => {
        const rows = sameName(name);
        const chosen = region === undefined ? (rows.length === 1 ? rows[0] : undefined) : rows.find((r) => r.region === region);
        if (!chosen) {
          if (region === undefined && rows.length > 1) return { kind: 'ambiguous', regions: rows.map((r) => r.region ?? '（地区不详）') };
          return { kind: 'not_found' };
        }
        const entry = prepare('SELECT name, region, kind FROM roster WHERE id = ?').get(chosen.id) as ImportedEntry;
        prepare('DELETE FROM roster WHERE id = ?').run(chosen.id);
        let bindings = unbind(name, chosen.region);
        // A binding without a county was to this organisation while it was the only one of its name.
        if (rows.length === 1 && chosen.region !== null) bindings += unbind(name, null);
        const hasReports = prepare('SELECT 1 FROM orgs WHERE name = ? AND region_key = ?').get(name, chosen.region ?? '') !== undefined;
        return { kind: 'removed', entry, bindings, hasReports };
      });
    },
    listImported,
    sources,
  };
}
