import { describe, expect, it } from 'vitest';
import phrasings from '../fixtures/questions-phrasings.json' with { type: 'json' };
import { seedStore } from '../helpers/memory-store.js';
import { ask, assertAnswer, coreFor, type Case } from './table.js';

/**
 * Phrasings the way people type in a group chat, with the rows docs/domain.md §6.2 says they must get.
 * Expected figures come from the ground-truth table, not from running the code.
 */
describe('real phrasings', () => {
  const core = coreFor(seedStore());
  const cases = phrasings as Case[];

  it('has at least 150 phrasings, each once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => `${c.q}@${c.now ?? ''}`)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.q}${c.now ? ` (today ${c.now})` : ''}`, () => assertAnswer(ask(core, c), c));
  }
});
