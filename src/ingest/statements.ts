import type Database from 'better-sqlite3';
import type { Db } from '../../db/client.js';

/**
 * Prepared statements of the ingest's hot path, prepared once per connection. Building each query
 * through drizzle and preparing it again for every report cost more than the writes themselves
 * (hundreds of metric rows per report); the SQL here is what those drizzle queries produced.
 */
const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection under a drizzle database (or under one of its transactions). */
function connectionOf(db: Db): Database.Database {
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
