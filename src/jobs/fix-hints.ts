/** The fix hints live with the findings' other texts (src/parsing/checks/messages.ts), so the bot explains the same. */
export { FIX_HINT } from '../parsing/checks/messages.js';
