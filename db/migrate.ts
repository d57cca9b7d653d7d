import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** drizzle's bookkeeping table; keeping its name and shape lets `drizzle-kit migrate` share the file. */
const TABLE = '__drizzle_migrations';

/**
 * Applies the drizzle-kit migrations in `folder` that the database has not seen yet.
 *
 * drizzle's own migrate() reads the last applied migration before it takes the write lock, so two
 * processes starting on a fresh file (the service and an ingest) both try to create the tables and
 * one fails. Here the read happens inside BEGIN IMMEDIATE: the second process waits on busy_timeout,
 * then finds the work done.
 */
export function applyMigrations(sqlite: Database.Database, folder: string): number {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const run = sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const last = sqlite.prepare(`SELECT created_at FROM "${TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as { created_at: number | string } | undefined;
    const lastMillis = last ? Number(last.created_at) : -1;
    const record = sqlite.prepare(`INSERT INTO "${TABLE}" ("hash", "created_at") VALUES (?, ?)`);
    let applied = 0;
    for (const m of migrations) {
      if (m.folderMillis <= lastMillis) continue;
      for (const stmt of m.sql) if (stmt.trim() !== '') sqlite.exec(stmt);
      record.run(m.hash, m.folderMillis);
      applied++;
    }
    return applied;
  });
  return run.immediate();
}
