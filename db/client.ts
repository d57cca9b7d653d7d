import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { applyMigrations } from './migrate.js';
import * as schema from './schema/index.js';

export { schema };

/** The drizzle database over every table in db/schema. */
export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  db: Db;
  /** The raw connection, for transactions (`sqlite.transaction(fn).immediate()`) and pragmas. */
  sqlite: Database.Database;
  /** How many migrations this open applied (0 when the file was up to date). */
  migrationsApplied: number;
  close(): void;
}

/** Resolved from this file, not the working directory, so the CLI works from any folder. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** How long a writer waits for another process's transaction before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the database file and brings its schema up to date. WAL lets the
 * service read while an ingest writes; the busy timeout lets two writers take turns.
 */
export function openDb(path: string): DbHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  let migrationsApplied: number;
  try {
    // busy_timeout first: switching to WAL on a fresh file needs a lock another process may hold.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives the process being killed; only an OS crash or power cut
    // may lose the last transactions, and those come back by running the ingest again.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    migrationsApplied = applyMigrations(sqlite, MIGRATIONS_FOLDER);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    migrationsApplied,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
