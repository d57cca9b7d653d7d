/** The hints live with the finding messages (src/parsing/checks/), where the bot's pre-check reads them too. */
export { FIX_HINT } from '../parsing/checks/fix-hints.js';
