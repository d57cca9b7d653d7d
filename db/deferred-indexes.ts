import { hostname } from 'node:os';
import type Database from 'better-sqlite3';

/**
 * Indexes ordered by something other than the report (metrics by key) make each report's commit
 * touch one page per metric, so an ingest of thousands of files runs ~2.5 times slower with them.
 * A large ingest takes them down first and builds each again once at the end, in one sorted pass
 * (as a bulk load into any database is done). The definition is kept in deferred_indexes while it
 * is down, so the schema stays the one place that declares it, and a process that opens the file
 * after the deferring one died builds it again.
 */
export const DEFERRABLE_INDEXES = ['metrics_key_report_value_idx'] as const;

/**
 * Below this share of the reports already on file, keeping the index up report by report costs
 * less than building it again over the whole table.
 */
const DEFER_FROM_SHARE = 0.25;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists and belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface Deferred {
  name: string;
  sql: string;
  pid: number;
  host: string;
}

function rebuild(sqlite: Database.Database, d: Deferred): void {
  sqlite.transaction(() => {
    sqlite.exec(d.sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    sqlite.prepare('DELETE FROM deferred_indexes WHERE name = ?').run(d.name);
  })();
}

/**
 * Takes the deferrable indexes down for an ingest of `files` files when that many are worth it;
 * returns what builds them again (call it once the ingest is over, even after a failure).
 */
export function deferIndexes(sqlite: Database.Database, files: number, at: Date): () => void {
  const onFile = sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  if (files < onFile * DEFER_FROM_SHARE) return () => {};
  const taken: Deferred[] = [];
  sqlite.transaction(() => {
    for (const name of DEFERRABLE_INDEXES) {
      const sql = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined;
      // Already down: another ingest has it and builds it again when it ends.
      if (!sql) continue;
      const d: Deferred = { name, sql, pid: process.pid, host: hostname() };
      sqlite
        .prepare('INSERT OR REPLACE INTO deferred_indexes (name, sql, pid, host, deferred_at) VALUES (?, ?, ?, ?, ?)')
        .run(d.name, d.sql, d.pid, d.host, at.toISOString());
      sqlite.exec(`DROP INDEX "${name}"`);
      taken.push(d);
    }
  })();
  return () => {
    if (!sqlite.open) return;
    for (const d of taken) rebuild(sqlite, d);
  };
}

/**
 * Builds again the indexes whose deferring process is gone (killed mid-ingest, or on another
 * machine that can no longer be asked). Returns how many were built. An index still held by a
 * live ingest is left to it.
 */
export function restoreOrphanedIndexes(sqlite: Database.Database): number {
  const rows = sqlite.prepare('SELECT name, sql, pid, host FROM deferred_indexes').all() as Deferred[];
  let built = 0;
  for (const d of rows) {
    if (d.host === hostname() && alive(d.pid)) continue;
    rebuild(sqlite, d);
    built++;
  }
  return built;
}
