import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { deferIndexes, restoreOrphanedIndexes } from './deferred-indexes.js';
import { applyMigrations } from './migrate.js';
import * as schema from './schema/index.js';
import { changeStamp, statementCache, type Prepare } from './sql.js';
import { createStores, type Stores } from './stores.js';

export { schema };

/*
 * How db/ talks to SQLite, the one rule:
 * - All SQL lives in db/, in store objects made once per database handle (handle.stores,
 *   db/stores.ts); the rest of the program calls their methods and never sees SQL or drizzle.
 * - Drizzle's query builder is the default: typed tables (db/schema), typed rows. It serves the
 *   queries that run a few times per message, job run or command (subscriptions, seen updates,
 *   the delivery log, job runs).
 * - Raw SQL through `handle.prepare(sql)`, prepared once per connection, for the queries that run
 *   in a loop or on every question: per report written (versions, findings, organisations), per
 *   row imported (roster), per question answered (the report store). There, building and preparing
 *   a drizzle query on every call cost more than the work itself. The SQL is what drizzle would
 *   produce; rows many at a time go through insertRows (db/sql.ts).
 * - A store's cache belongs to the store and is dropped when the database changes: a write by this
 *   connection or a commit by another (keptUntilChange, db/sql.ts). No module-level caches.
 * - Transactions through `handle.immediate(fn)`: BEGIN IMMEDIATE takes the write lock at once.
 * - db/ holds no job, ingest or bot logic: it imports only types from src/.
 */

/** The drizzle database over every table in db/schema. */
export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  db: Db;
  /** The raw connection (pragmas, tests); stores speak through `prepare`. */
  sqlite: Database.Database;
  /** How many migrations this open applied (0 when the file was up to date). */
  migrationsApplied: number;
  /** The statement for `sql`, prepared once on this connection. */
  prepare: Prepare;
  /** Changes whenever what the stores keep may have changed (db/sql.ts). */
  changeStamp(): string;
  /** Runs `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none (a throw rolls back). */
  immediate<T>(fn: () => T): T;
  /** Runs `fn`'s reads in one read transaction (BEGIN DEFERRED): they all see the same state of the file. */
  consistent<T>(fn: () => T): T;
  /**
   * For a large write (an ingest of `files` files): lets the WAL grow before SQLite copies it back,
   * and takes down the indexes that are cheaper to build again at the end (db/deferred-indexes.ts).
   * Returns the function that restores both; call it when the write is over, failed or not.
   */
  bulkWrites(files: number): () => void;
  /** Every store over this connection, each with its own cache. */
  stores: Stores;
  close(): void;
}

/** Resolved from this file, not the working directory, so the CLI works from any folder. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** How long a writer waits for another process's transaction before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * WAL pages before SQLite copies the log back into the database during a bulk write (default
 * 1,000). Each copy ends with an fsync; a report adds ~25 pages, so by default that is every ~40
 * reports. Commits are as durable either way (synchronous=NORMAL: the log is written at commit,
 * synced at the copy); the log only grows larger (~40 MB) between copies.
 */
const BULK_WAL_AUTOCHECKPOINT = 10_000;

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
    restoreOrphanedIndexes(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const prepare = statementCache(sqlite);
  // Transactions rolled back: what a store read inside one is not the database any more.
  let rollbacks = 0;
  const handle: Omit<DbHandle, 'stores'> = {
    db: drizzle(sqlite, { schema }),
    sqlite,
    migrationsApplied,
    prepare,
    changeStamp: () => changeStamp(prepare, rollbacks),
    consistent: (fn) => sqlite.transaction(fn).deferred(),
    immediate: (fn) => {
      try {
        return sqlite.transaction(fn).immediate();
      } catch (e) {
        rollbacks++;
        throw e;
      }
    },
    bulkWrites(files) {
      const before = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
      if (before < BULK_WAL_AUTOCHECKPOINT) sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_AUTOCHECKPOINT}`);
      const restoreIndexes = deferIndexes(sqlite, files, new Date());
      return () => {
        if (!sqlite.open) return;
        restoreIndexes();
        sqlite.pragma(`wal_autocheckpoint = ${before}`);
      };
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
  return Object.assign(handle, { stores: createStores(handle) });
}
