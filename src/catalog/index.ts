/**
 * The metric catalog: every figure of data contract §1 with its key, where the national forms print
 * it, how a report's label is recognised, how answers cite and name it, and how questions name it.
 * Parsing, checks, derivations, the contract and the question lexicon all read it; pure data.
 */
export * from './columns.js';
export * from './keys.js';
export * from './metrics.js';
export * from './prose.js';
export * from './synonyms.js';
export * from './table-four.js';
export * from './table-three.js';
export * from './table-two.js';
