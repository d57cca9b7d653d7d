/**
 * When to try a failed send again. Chat platforms say "slow down" (Telegram 429 with retry_after),
 * fail for a while (5xx, network, a logged-out WeChat) or refuse for good (400 chat not found, 403 bot
 * removed from the group). The first two are retried with growing pauses; the last is not.
 */

export const BASE_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 60 * 60_000;

interface ErrorShape {
  code?: unknown;
  status?: unknown;
  parameters?: { retry_after?: unknown };
  response?: { error_code?: unknown; parameters?: { retry_after?: unknown } };
}

/** The HTTP-like status an error carries (telegraf's TelegramError: code; fetch-like: status). */
function statusOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as ErrorShape;
  for (const v of [e.response?.error_code, e.code, e.status]) if (typeof v === 'number' && v >= 100 && v < 600) return v;
  return null;
}

function retryAfterMs(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as ErrorShape;
  const s = e.parameters?.retry_after ?? e.response?.parameters?.retry_after;
  return typeof s === 'number' && s >= 0 ? s * 1000 : null;
}

/** Delay before attempt `attempts + 1`, or null when retrying cannot help. */
export function retryDelayMs(err: unknown, attempts: number): number | null {
  const status = statusOf(err);
  if (status === 429) return retryAfterMs(err) ?? BASE_DELAY_MS;
  if (status !== null && status >= 400 && status < 500) return null;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/** The request may have reached the platform although the call failed (a robot's answer was lost): never resend. */
export function mayHaveArrived(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { mayHaveArrived?: unknown }).mayHaveArrived === true;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
