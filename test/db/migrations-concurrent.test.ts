import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/client.js';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { tempDir } from '../helpers/db.js';
import { ROOT } from '../ingest/run-child.js';

describe('two processes migrating a fresh file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('the one that waits for the lock finds the work done instead of creating the tables twice', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'nianbao.db');
    // This process plays the first starter, caught in the middle of migrating: write lock held,
    // tables created but not committed.
    const first = new Database(path);
    first.pragma('journal_mode = WAL');
    first.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    first.exec('BEGIN IMMEDIATE');
    const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    for (const m of migrations) {
      for (const stmt of m.sql) first.exec(stmt);
      first.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(m.hash, m.folderMillis);
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--db', path, 'migrate'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Give the second process time to start and queue behind the lock; if it is slower, it simply
    // arrives after the commit, and the assertions hold all the same.
    await new Promise((r) => setTimeout(r, 1500));
    first.exec('COMMIT');
    first.close();
    expect(await exited).toBe(0);
    expect(out).toContain('数据库已是最新');
  });
});
