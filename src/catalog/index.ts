/**
 * The metric catalog: every figure of docs/data-contract.md §1 with its key, where the national forms print
 * it, how a report's label is recognised, how answers cite and name it, and how questions name it.
 * Parsing, checks, derivations, the contract and the question lexicon all read it; pure data.
 *
 * A new row is one entry in table-two.ts / table-three.ts (and one in synonyms.ts if people ask for
 * it): its keys then exist as types, the parser reads it, the checks and answers name it, and
 * test/catalog says what is still missing.
 */
export * from './columns.js';
export * from './keys.js';
export * from './metrics.js';
export * from './prose.js';
export * from './synonyms.js';
export * from './table-four.js';
export * from './table-three.js';
export * from './table-two.js';
