import type { Incoming } from '../types.js';
import { DEFAULT_BOT_NAMES } from './text.js';

/**
 * The pure rules that decide whether a message is handled at all, in the order the pipeline
 * (src/bot/adapters/pipeline.ts) applies them. Every entry goes through the same ones.
 */

/**
 * Messages older than this when they arrive were sent while the bot was down (or are replayed after a
 * reconnect): answering them now would surprise a group. Long enough for clock skew and slow delivery.
 */
export const STALE_AFTER_MS = 3 * 60_000;

/** Longest message answered, in characters; longer texts are pasted documents, not questions. */
export const MAX_MESSAGE_CHARS = 300;

/** The bot's own messages echo back on some transports, and two bots answering each other would loop. */
export function isFromBot(incoming: Incoming): boolean {
  return incoming.fromBot;
}

/** In a group only messages to the bot count: @mentioned, replied to, or a command; private chats always. */
export function isAddressed(incoming: Incoming, botNames: readonly string[] = DEFAULT_BOT_NAMES): boolean {
  if (!incoming.isGroup || incoming.addressedToBot) return true;
  const text = typeof incoming.text === 'string' ? incoming.text : '';
  return botNames.some((n) => n && text.includes(`@${n}`));
}

/** Sent more than `maxAgeMs` before `now`; a message without a valid time is not stale. */
export function isStale(receivedAt: Date, now: Date, maxAgeMs = STALE_AFTER_MS): boolean {
  const at = receivedAt instanceof Date ? receivedAt.getTime() : Number.NaN;
  if (Number.isNaN(at)) return false;
  return now.getTime() - at > maxAgeMs;
}

/** Counted in characters (code points), as a person counts them. */
export function isTooLong(text: string, max = MAX_MESSAGE_CHARS): boolean {
  return [...text].length > max;
}
