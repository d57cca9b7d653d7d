/**
 * Re-flattenings of a seed into the other shapes real reports arrive in (pipes, runs of spaces, one
 * line). The benchmark's corpus generator owns them; the parser tests use the very same functions.
 */
export { toOneLine, toPipes, toSpaces } from '../../bench/shapes.js';
