/**
 * Token buckets per user and per group, so one person or one busy group cannot flood the core.
 * Pure: time comes from the injected clock.
 */

export interface BucketSpec {
  /** Questions allowed in a burst. */
  capacity: number;
  /** Seconds for one question to come back. */
  refillSeconds: number;
}

export interface RateLimitOptions {
  user: BucketSpec;
  group: BucketSpec;
  now: () => Date;
}

export type RateDecision =
  | { ok: true }
  /** `notify` is true only on the first refusal in a row, so a flood gets one notice, not one per message. */
  | { ok: false; notify: boolean; retryAfterSeconds: number };

export interface RateLimiter {
  take(userKey: string, groupKey?: string): RateDecision;
}

export const DEFAULT_LIMITS = {
  user: { capacity: 5, refillSeconds: 12 },
  group: { capacity: 20, refillSeconds: 3 },
} as const satisfies Omit<RateLimitOptions, 'now'>;

interface Bucket {
  tokens: number;
  at: number;
  refused: boolean;
}

const MAX_BUCKETS = 10_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function current(key: string, spec: BucketSpec, now: number): Bucket {
    const b = buckets.get(key) ?? { tokens: spec.capacity, at: now, refused: false };
    const refilled = Math.min(spec.capacity, b.tokens + (now - b.at) / (spec.refillSeconds * 1000));
    const next = { tokens: refilled, at: now, refused: b.refused };
    buckets.set(key, next);
    return next;
  }

  function prune(now: number): void {
    if (buckets.size <= MAX_BUCKETS) return;
    const longest = Math.max(options.user.capacity * options.user.refillSeconds, options.group.capacity * options.group.refillSeconds);
    for (const [key, b] of buckets) if (now - b.at > longest * 1000) buckets.delete(key);
  }

  return {
    take(userKey, groupKey) {
      const now = options.now().getTime();
      prune(now);
      const entries: Array<[Bucket, BucketSpec]> = [[current(`u:${userKey}`, options.user, now), options.user]];
      if (groupKey) entries.push([current(`g:${groupKey}`, options.group, now), options.group]);
      const short = entries.filter(([b]) => b.tokens < 1);
      if (short.length === 0) {
        for (const [b] of entries) {
          b.tokens -= 1;
          b.refused = false;
        }
        return { ok: true };
      }
      const notify = short.some(([b]) => !b.refused);
      for (const [b] of short) b.refused = true;
      const wait = Math.max(...short.map(([b, spec]) => (1 - b.tokens) * spec.refillSeconds));
      return { ok: false, notify, retryAfterSeconds: Math.ceil(wait) };
    },
  };
}
