import type { Incoming } from '../types.js';
import { DEFAULT_BOT_NAMES } from './text.js';

/** Which incoming messages the core answers at all. A skipped message gets no reply (null). */

export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

/** The bot's own messages echo back on some transports; answering them would loop. */
export function isSelf(incoming: Incoming, selfIds: readonly string[] = []): boolean {
  const prefixed = `${incoming.transport}:${incoming.senderId}`;
  return selfIds.includes(incoming.senderId) || selfIds.includes(prefixed);
}

/** Messages replayed after a reconnect are old; answering them hours later confuses a group. */
export function isStale(incoming: Incoming, now: Date, staleAfterMs = DEFAULT_STALE_AFTER_MS): boolean {
  const at = incoming.receivedAt instanceof Date ? incoming.receivedAt.getTime() : Number.NaN;
  if (Number.isNaN(at)) return false;
  return now.getTime() - at > staleAfterMs;
}

/** In a group only messages to the bot count: @mentioned, replied to, or a command; private chats always. */
export function isAddressed(incoming: Incoming, botNames: readonly string[] = DEFAULT_BOT_NAMES): boolean {
  if (!incoming.isGroup || incoming.addressedToBot) return true;
  const text = typeof incoming.text === 'string' ? incoming.text : '';
  return botNames.some((n) => n && text.includes(`@${n}`));
}
