import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule of eslint.config.js (docs/ARCHITECTURE.md, "Layers"), run through eslint's own API
 * on code that is not in the repository: a file path decides which layer the code is in.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary findings (import rule and SQL rule) for `code` as if it were the file `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax' || m.fatal)
    .map((m) => m.message);
}

describe('layer boundaries (eslint)', () => {
  it('refuses db/ in src/parsing, at any folder depth, as an import or a re-export', async () => {
    const errors = await boundaryErrors('src/parsing/wrong.ts', "import { openDb } from '../../db/client.js';\nvoid openDb;");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('src/parsing/ may import only from src/catalog');
    expect(await boundaryErrors('src/parsing/tables/wrong.ts', "export { openDb } from '../../../db/client.js';")).toHaveLength(1);
  });

  it('lets src/parsing import its own files and the catalog', async () => {
    expect(
      await boundaryErrors('src/parsing/tables/ok.ts', "import { a } from '../normalize.js';\nimport { b } from '../../catalog/metrics.js';\nvoid a, b;"),
    ).toEqual([]);
    expect(await boundaryErrors('src/parsing/ok.ts', "import { b } from '../catalog/metrics.js';\nimport { z } from 'zod';\nvoid b, z;")).toEqual([]);
  });

  it('keeps I/O packages out of the pure layers', async () => {
    expect(await boundaryErrors('src/parsing/wrong.ts', "import Database from 'better-sqlite3';\nvoid Database;")).toHaveLength(1);
    expect(await boundaryErrors('src/calendar/wrong.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;")).toHaveLength(1);
    expect(await boundaryErrors('src/bot/core/wrong.ts', "import { Telegraf } from 'telegraf';\nvoid Telegraf;")).toHaveLength(1);
  });

  it('lets the question core use parsing, catalog, calendar and the shared bot types, not adapters, db or jobs', async () => {
    const ok =
      "import type { Answer } from '../../types.js';\nimport { c } from '../../../calendar/status.js';\nimport type { Config } from '../../../config.js';\nvoid c;";
    expect(await boundaryErrors('src/bot/core/execute/ok.ts', ok)).toEqual([]);
    expect(await boundaryErrors('src/bot/core/wrong.ts', "import { startTelegram } from '../adapters/telegram.js';\nvoid startTelegram;")).toHaveLength(1);
    expect(await boundaryErrors('src/bot/core/wrong.ts', "import { plan } from '../../jobs/plan-reminders.js';\nvoid plan;")).toHaveLength(1);
    expect(await boundaryErrors('src/bot/core/wrong.ts', "import { loadConfig } from '../../config.js';\nvoid loadConfig;")).toHaveLength(1);
  });

  it('lets db/ import types from src but values only from the catalog', async () => {
    expect(
      await boundaryErrors('db/ok.ts', "import type { RosterEntry } from '../src/jobs/roster.js';\nimport { M } from '../src/catalog/metrics.js';\nvoid M;"),
    ).toEqual([]);
    expect(await boundaryErrors('db/schema/ok.ts', "import { M } from '../../src/catalog/metrics.js';\nvoid M;")).toEqual([]);
    const errors = await boundaryErrors('db/wrong.ts', "import { mergeRoster } from '../src/jobs/roster.js';\nvoid mergeRoster;");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only types');
  });

  it('keeps jobs away from adapters and the composers, and SQL out of src/', async () => {
    expect(await boundaryErrors('src/jobs/ok.ts', "import { openDb } from '../../db/client.js';\nvoid openDb;")).toEqual([]);
    expect(await boundaryErrors('src/jobs/wrong.ts', "import { startTelegram } from '../bot/adapters/telegram.js';\nvoid startTelegram;")).toHaveLength(1);
    expect(await boundaryErrors('src/jobs/wrong.ts', "import { serve } from '../service/serve.js';\nvoid serve;")).toHaveLength(1);
    expect(await boundaryErrors('src/jobs/wrong.ts', "import { reports } from '../../db/schema/index.js';\nvoid reports;")).toHaveLength(1);
    expect(await boundaryErrors('src/jobs/wrong.ts', "import { eq } from 'drizzle-orm';\nvoid eq;")).toHaveLength(1);
    expect(await boundaryErrors('src/ingest/wrong.ts', "export const q = 'SELECT id FROM orgs WHERE name = ?';")).toHaveLength(1);
    expect(await boundaryErrors('db/ok.ts', "export const q = 'SELECT id FROM orgs WHERE name = ?';")).toEqual([]);
  });

  it('keeps SQL and db/ out of the chat adapters, which may call the core', async () => {
    expect(await boundaryErrors('src/bot/adapters/ok.ts', "import type { Core } from '../types.js';\nimport { h } from '../core/handle.js';\nvoid h;")).toEqual(
      [],
    );
    expect(await boundaryErrors('src/bot/adapters/wrong.ts', "import { openDb } from '../../../db/client.js';\nvoid openDb;")).toHaveLength(1);
  });

  it('lets the composers import every layer', async () => {
    const code =
      "import { openDb } from '../../../db/client.js';\nimport { s } from '../../bot/adapters/telegram.js';\nimport { j } from '../../jobs/scheduler.js';\nvoid openDb, s, j;";
    expect(await boundaryErrors('src/cli/commands/ok.ts', code)).toEqual([]);
  });
});
