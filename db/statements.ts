import type Database from 'better-sqlite3';
import type { Db } from './client.js';

/**
 * Prepared statements of the hot paths (ingest, question answering), prepared once per connection.
 * Building each query through drizzle and preparing it again for every call cost more than the
 * work itself (hundreds of metric rows per report, thousands of lookups per question); the SQL of
 * the callers is what those drizzle queries produced.
 */
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection under a drizzle database (or under one of its transactions). */
export function connectionOf(db: Db): Database.Database {
  const d = db as Db & { $client?: Database.Database; session?: { client?: Database.Database } };
  const client = d.$client ?? d.session?.client;
  if (!client) throw new Error('no SQLite connection under this drizzle database');
  return client;
}

/** The connection under `db`, as a key for what is cached per connection. */
export const statementOwner = (db: Db): object => connectionOf(db);

export function statement(db: Db, sql: string): Database.Statement {
  const client = connectionOf(db);
  let cache = byConnection.get(client);
  if (!cache) {
    cache = new Map();
    byConnection.set(client, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = client.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/**
 * A number that changes whenever the database may have changed: a commit by another connection
 * (PRAGMA data_version) or any row written by this one (total_changes()). Equal numbers mean
 * what was read before can be used again.
 */
export function changeStamp(db: Db): string {
  const version = statement(db, 'PRAGMA data_version').pluck().get() as number;
  const own = statement(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}:${own}`;
}
