import { describe, it } from 'vitest';
import spec from '../fixtures/questions-spec.json' with { type: 'json' };
import { seedStore } from '../helpers/memory-store.js';
import { ask, assertAnswer, coreFor, type Case } from './table.js';

/** Every question of docs/questions.md, as written there, against the five seed reports parsed by the real parser. */
describe('questions.md, in memory', () => {
  const core = coreFor(seedStore());
  for (const c of spec as Array<Case & { n: number }>) {
    it(`#${c.n} ${c.q}`, () => assertAnswer(ask(core, c), c));
  }
});
