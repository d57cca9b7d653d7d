import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type DbHandle } from '../../db/client.js';

/** A fresh folder under the system temp dir; remove it with rmSync(dir, { recursive: true }). */
export function tempDir(prefix = 'nianbao-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestDb extends DbHandle {
  /** The folder holding the database file (and anything else a test writes). */
  dir: string;
  /** The database file. */
  path: string;
  /** Another connection to the same file, as a second process would have. Closed by dispose(). */
  reopen(): DbHandle;
  /** Closes every connection and deletes the folder. */
  dispose(): void;
}

/**
 * A real SQLite file in a new temp folder, migrated with the committed migrations through openDb,
 * exactly as the service opens its database.
 */
export function createTestDb(): TestDb {
  const dir = tempDir();
  const path = join(dir, 'nianbao.db');
  const main = openDb(path);
  const others: DbHandle[] = [];
  return {
    ...main,
    dir,
    path,
    reopen() {
      const h = openDb(path);
      others.push(h);
      return h;
    },
    dispose() {
      for (const h of others) h.close();
      main.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
