import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDb } from '../../db/client.js';
import { createTestDb, tempDir, type TestDb } from '../helpers/db.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('openDb', () => {
  let t: TestDb | undefined;
  afterEach(() => t?.dispose());

  it('creates the file and its folder, applies the committed migrations, and sets the pragmas', () => {
    const dir = tempDir();
    const h = openDb(join(dir, 'nested/deeper/nianbao.db'));
    try {
      expect(h.migrationsApplied).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
      const tables = h.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all();
      expect(tables).toEqual([
        '__drizzle_migrations',
        'conversations',
        'data_versions',
        'deferred_indexes',
        'deliveries',
        'findings',
        'job_runs',
        'metrics',
        'org_aliases',
        'orgs',
        'received_files',
        'report_sections',
        'reports',
        'roster',
        'seen_updates',
        'subscriptions',
        'watch_pages',
        'watch_sources',
      ]);
      expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies nothing the second time and keeps the data', () => {
    t = createTestDb();
    t.sqlite.prepare(`INSERT INTO orgs (org, name, region, kind, created_at) VALUES ('康庄镇人民政府', '康庄镇', '临清市', 'town', 'x')`).run();
    const again = t.reopen();
    expect(again.migrationsApplied).toBe(0);
    expect(again.sqlite.prepare('SELECT name FROM orgs').pluck().all()).toEqual(['康庄镇']);
  });

  it('enforces one organisation per name and region, a region-less one included', () => {
    t = createTestDb();
    const insert = t.sqlite.prepare(`INSERT INTO orgs (org, name, region, kind, created_at) VALUES (?, ?, ?, 'town', 'x')`);
    insert.run('沂源县张家坡镇人民政府', '张家坡镇', '沂源县');
    insert.run('淄川区张家坡镇人民政府', '张家坡镇', '淄川区');
    insert.run('张家坡镇人民政府', '张家坡镇', null);
    expect(() => insert.run('沂源县张家坡镇人民政府', '张家坡镇', '沂源县')).toThrow(/UNIQUE/);
    expect(() => insert.run('张家坡镇人民政府', '张家坡镇', null)).toThrow(/UNIQUE/);
  });

  it('allows one current version per organisation and year, and rejects dangling references', () => {
    t = createTestDb();
    t.sqlite.prepare(`INSERT INTO orgs (org, name, created_at) VALUES ('康庄镇人民政府', '康庄镇', 'x')`).run();
    const insert = t.sqlite.prepare(
      `INSERT INTO reports (org_id, year, version, is_current, title, format, sections, content_hash, file_name, encoding, raw_text, ingested_at)
       VALUES (?, 2020, ?, ?, 't', 'gov2019', '[]', ?, 'f.txt', 'utf-8', 'x', 'x')`,
    );
    insert.run(1, 1, 0, 'h1');
    insert.run(1, 2, 1, 'h2');
    expect(() => insert.run(1, 3, 1, 'h3')).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 3, 0, 'h2')).toThrow(/UNIQUE/);
    expect(() => insert.run(99, 1, 1, 'h4')).toThrow(/FOREIGN KEY/);
  });

  it('the committed migrations match db/schema (drizzle-kit generate finds nothing to do)', () => {
    const out = tempDir();
    try {
      cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
      const before = readdirSync(out).sort();
      // drizzle-kit 0.31 resolves --out against the working directory.
      const log = execFileSync(
        join(ROOT, 'node_modules/.bin/drizzle-kit'),
        ['generate', '--dialect', 'sqlite', '--schema', './db/schema/index.ts', '--out', relative(ROOT, out)],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(log).toContain('No schema changes');
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
