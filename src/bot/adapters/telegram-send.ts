import type { Logger } from 'pino';
import { TelegramError } from 'telegraf';
import type { SendProgress } from '../types.js';
import { splitText } from './split-text.js';

/**
 * Sending to Telegram without losing or doubling a message: long text goes out in parts under the
 * 4096 limit, each part is retried on 429 (after retry_after), 5xx and network errors, and a part that
 * got through is never sent again, even when a later part fails and the whole text is retried.
 */

export const TELEGRAM_TEXT_LIMIT = 4096;

export interface RetryOptions {
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE', 'ENETUNREACH', 'UND_ERR_SOCKET']);

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return err.name === 'FetchError' || (typeof code === 'string' && NETWORK_CODES.has(code));
}

// Failures before a connection existed: no byte of the request left this machine.
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

/**
 * Whether the request surely never reached the server. A reset, a timeout or any answer (even 5xx)
 * may come after the server took the message, so those are not.
 */
export function neverConnected(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof TelegramError) return false;
  const codes = [(err as { code?: unknown }).code, (err as { errno?: unknown }).errno, (err as { cause?: { code?: unknown } }).cause?.code];
  return codes.some((c) => typeof c === 'string' && NOT_CONNECTED_CODES.has(c));
}

/** How long to wait before trying again, or null when retrying cannot help (400, 403, …). */
export function retryDelayMs(err: unknown, attempt: number, base = 1000, max = 30_000): number | null {
  if (err instanceof TelegramError) {
    if (err.code === 429) return (err.parameters?.retry_after ?? 1) * 1000;
    if (err.code >= 500) return Math.min(max, base * 2 ** (attempt - 1));
    return null;
  }
  return isNetworkError(err) ? Math.min(max, base * 2 ** (attempt - 1)) : null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function callWithRetry<T>(call: () => Promise<T>, log: Logger, opts: RetryOptions = {}, progress?: SendProgress): Promise<T> {
  const sleep = opts.sleep ?? realSleep;
  const maxAttempts = opts.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      progress?.requesting();
      return await call();
    } catch (err) {
      if (neverConnected(err)) progress?.notReached();
      const wait = retryDelayMs(err, attempt, opts.baseDelayMs, opts.maxDelayMs);
      if (wait === null || attempt >= maxAttempts) throw err;
      log.warn({ err, attempt, waitMs: wait }, 'telegram call failed, retrying');
      await sleep(wait);
    }
  }
}

export interface TextApi {
  sendMessage(chatId: string, text: string, extra?: { reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean } }): Promise<unknown>;
}

export interface TelegramSender {
  /**
   * Sends the whole text; throws if a part still fails after the retries. `progress` hears of each
   * request and of each one that never connected (the delivery log's `sending` state follows it).
   */
  send(chatId: string, text: string, replyTo?: number, progress?: SendProgress): Promise<void>;
}

export function createTelegramSender(api: TextApi, log: Logger, opts: RetryOptions = {}): TelegramSender {
  // Parts already delivered of texts that failed half-way; a later retry of the same text resumes here.
  const delivered = new Map<string, number>();
  return {
    async send(chatId, text, replyTo, progress) {
      const parts = splitText(text, TELEGRAM_TEXT_LIMIT);
      const key = `${chatId}\n${text}`;
      for (let i = delivered.get(key) ?? 0; i < parts.length; i++) {
        const part = parts[i] ?? '';
        // Plain text, no parse_mode: nothing in an answer can break Telegram's formatting parser.
        const extra = i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : undefined;
        try {
          await callWithRetry(() => api.sendMessage(chatId, part, extra), log, opts, progress);
        } catch (err) {
          if (i > 0) delivered.set(key, i);
          throw err;
        }
      }
      delivered.delete(key);
    },
  };
}
