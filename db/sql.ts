import type Database from 'better-sqlite3';

/** The statement for a SQL text, prepared once on one connection and reused. */
export type Prepare = (sql: string) => Database.Statement;

/**
 * A statement cache owned by one connection (its DbHandle). Multi-row inserts add one statement
 * per row count (at most ROWS_PER_INSERT of them per kind of row).
 */
export function statementCache(sqlite: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
}

/**
 * A value that changes whenever what the stores keep may have changed: a commit that wrote reports,
 * organisations, their names, findings or the roster, by this connection or another (the
 * `data_versions` counter, raised by triggers in the writing transaction), or a transaction of
 * this connection rolled back (what was read inside it is gone). Writes to other tables (updates
 * seen, conversations, deliveries: one per chat message) leave it as it was, so a service that
 * answers all day keeps its national reads between ingests.
 */
export function changeStamp(prepare: Prepare, rollbacks: number): string {
  const reports = prepare("SELECT version FROM data_versions WHERE name = 'reports'").pluck().get() as number;
  return `${reports}:${rollbacks}`;
}

/**
 * A value a store keeps until the database changes (changeStamp): `make` builds a fresh one, empty maps or a query's result, on the first call after a change.
 */
export function keptUntilChange<T>(stamp: () => string, make: () => T): () => T {
  let kept: { stamp: string; value: T } | undefined;
  return () => {
    const now = stamp();
    if (kept?.stamp !== now) kept = { stamp: now, value: make() };
    return kept.value;
  };
}

/** Rows per INSERT: 64 × 7 values stays far below SQLite's limit on bound parameters. */
const ROWS_PER_INSERT = 64;

/** Inserts rows in order, many per statement: `head` is `INSERT INTO t (a, b, …) VALUES `. */
export function insertRows(prepare: Prepare, head: string, columns: number, rows: readonly unknown[][]): void {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    prepare(head + Array.from({ length: chunk.length }, () => tuple).join(', ')).run(...chunk.flat());
  }
}

/** Ids per SELECT … IN (…): far below SQLite's limit on bound parameters at any scale. */
export const IDS_PER_QUERY = 500;

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
