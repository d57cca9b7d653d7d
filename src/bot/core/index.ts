/** Public API of the question core. */
export { createCore, answerQuestion, answerTurn, type QuestionCore, type TurnResult } from './handle.js';
export type { Conversation } from './conversation.js';
export type { CoreDeps, CoreLog, RosterEntry } from './deps.js';
export { parseQuestion, type ParseContext } from './question.js';
export type { Query } from './query.js';
export { buildOrgIndex } from './orgs.js';
export { MAX_QUESTION_CHARS } from './text.js';
