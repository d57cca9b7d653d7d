import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { QuestionCore } from '../../src/bot/core/index.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import phrasings from '../fixtures/questions-phrasings.json' with { type: 'json' };
import spec from '../fixtures/questions-spec.json' with { type: 'json' };
import { createTestDb, type TestDb } from '../helpers/db.js';
import { ask, assertAnswer, coreFor, type Case } from './table.js';

const SEEDS = fileURLToPath(new URL('../fixtures/seed-reports', import.meta.url));

/** The same tables against the real database: seeds ingested by `nianbao ingest`'s code into SQLite. */
describe('questions against the SQLite store', () => {
  let t: TestDb;
  let core: QuestionCore;
  beforeAll(async () => {
    t = createTestDb();
    await ingestPaths(t, [SEEDS], { now: () => new Date('2026-11-21T00:00:00Z') });
    core = coreFor(t.stores.reports);
  });
  afterAll(() => t.dispose());

  for (const c of spec as Array<Case & { n: number }>) {
    it(`questions.md #${c.n} ${c.q}`, () => assertAnswer(ask(core, c), c));
  }
  for (const c of phrasings as Case[]) {
    it(`${c.q}${c.now ? ` (today ${c.now})` : ''}`, () => assertAnswer(ask(core, c), c));
  }
});
