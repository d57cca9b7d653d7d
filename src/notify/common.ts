/**
 * What the three group robots share: every answer is HTTP 200 with the verdict in the body, so a
 * send ends in one of four ways, which the delivery log needs told apart: sent; try again later
 * (after a pause the platform implies); give up (a wrong key, a bad signature: retrying cannot
 * help); or unknown, when the request may have reached the robot but no answer came back, and
 * sending again could post the message twice.
 */

export type RobotFailure = 'retry' | 'give-up' | 'unknown';

/**
 * A failed send. Shaped like a Bot API error too (`status`, `parameters.retry_after`) so the jobs'
 * retry policy reads it as it reads Telegram's: 429 with a pause, 503 backoff, 400 give up.
 * Its message names the robot masked and never holds a key or a secret.
 */
export class RobotError extends Error {
  readonly failure: RobotFailure;
  /** The pause the platform asks for, when it names one. */
  readonly retryAfterMs: number | null;
  readonly status: number;
  readonly parameters?: { retry_after: number };
  /** The request may have arrived: do not send again. */
  readonly mayHaveArrived: boolean;

  constructor(message: string, failure: RobotFailure, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'RobotError';
    this.failure = failure;
    this.retryAfterMs = failure === 'retry' ? retryAfterMs : null;
    this.mayHaveArrived = failure === 'unknown';
    this.status = failure === 'retry' ? (retryAfterMs === null ? 503 : 429) : 400;
    if (this.retryAfterMs !== null) this.parameters = { retry_after: Math.max(1, Math.ceil(this.retryAfterMs / 1000)) };
  }
}

/** What a robot's body says about one request. `format`: the rich message was refused as such; plain text may pass. */
export type Verdict = { ok: true } | { ok: false; code: number; message: string; failure: RobotFailure | 'format'; retryAfterMs?: number; blockMs?: number };

/** Failures of fetch that happen before a request is sent: nothing can have arrived. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function causeCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface PostOptions {
  fetch: FetchLike;
  /**
   * Longer than undici's 10 s connect timeout, so that running out means the connection was made
   * and the request sent: its outcome is then unknown.
   */
  timeoutMs: number;
  /** The robot as shown (`钉钉机器人 ab…9f`), for error messages. */
  label: string;
}

/** POSTs JSON and returns the parsed body of a 200; anything else is a RobotError. */
export async function postJson(url: string, body: unknown, opts: PostOptions): Promise<Record<string, unknown>> {
  let res: Awaited<ReturnType<FetchLike>>;
  let text: string;
  try {
    res = await opts.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const code = causeCode(err);
    if (code !== null && NOT_CONNECTED.has(code)) throw new RobotError(`${opts.label}：连接失败（${code}），稍后重试`, 'retry');
    throw new RobotError(`${opts.label}：请求已发出但没有收到答复（${code ?? (err as Error)?.name ?? 'error'}），可能已送达，不再重发`, 'unknown');
  }
  if (res.status === 429) throw new RobotError(`${opts.label}：HTTP 429，稍后重试`, 'retry', 60_000);
  if (res.status >= 500) throw new RobotError(`${opts.label}：HTTP ${res.status}，稍后重试`, 'retry');
  if (res.status !== 200) throw new RobotError(`${opts.label}：HTTP ${res.status}，地址或参数有误，不再重试`, 'give-up');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new RobotError(`${opts.label}：答复无法识别，可能已送达，不再重发`, 'unknown');
}

/** The robot's own words, without anything that looks like the credentials (some echo the request). */
export function scrub(message: unknown, secrets: readonly (string | null)[]): string {
  let s = typeof message === 'string' ? message : '';
  for (const secret of secrets) if (secret) s = s.split(secret).join('…');
  return s.replace(/[A-Za-z0-9_-]{24,}/g, '…').slice(0, 200);
}

const encoder = new TextEncoder();
export const byteLength = (s: string) => encoder.encode(s).length;

/**
 * Splits a message into parts of at most `maxBytes` UTF-8 bytes, at line breaks where possible,
 * never inside a character. Most messages are one part.
 */
export function splitBytes(text: string, maxBytes: number): string[] {
  if (byteLength(text) <= maxBytes) return [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current) parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (byteLength(joined) <= maxBytes) {
      current = joined;
      continue;
    }
    push();
    let piece = '';
    for (const ch of line) {
      if (byteLength(piece + ch) > maxBytes) {
        parts.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
  }
  push();
  return parts;
}
