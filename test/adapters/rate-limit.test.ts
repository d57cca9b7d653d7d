import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/bot/adapters/rate-limit.js';

function limiter() {
  let t = Date.parse('2027-01-20T09:00:00+08:00');
  const l = createRateLimiter({ user: { capacity: 2, refillSeconds: 10 }, group: { capacity: 3, refillSeconds: 5 }, now: () => new Date(t) });
  return { take: l.take, advance: (s: number) => (t += s * 1000) };
}

describe('rate limiter', () => {
  it('allows a burst per user, then refuses with one notice until a token comes back', () => {
    const { take, advance } = limiter();
    expect(take('u1')).toEqual({ ok: true });
    expect(take('u1')).toEqual({ ok: true });
    expect(take('u1')).toEqual({ ok: false, notify: true, retryAfterSeconds: 10 });
    expect(take('u1')).toMatchObject({ ok: false, notify: false });
    advance(10);
    expect(take('u1')).toEqual({ ok: true });
    expect(take('u1')).toEqual({ ok: false, notify: true, retryAfterSeconds: 10 });
  });

  it('limits a whole group even when each member is within their own limit', () => {
    const { take, advance } = limiter();
    expect(take('a', 'g')).toEqual({ ok: true });
    expect(take('b', 'g')).toEqual({ ok: true });
    expect(take('c', 'g')).toEqual({ ok: true });
    expect(take('d', 'g')).toEqual({ ok: false, notify: true, retryAfterSeconds: 5 });
    expect(take('d', 'other')).toEqual({ ok: true });
    advance(5);
    expect(take('d', 'g')).toEqual({ ok: true });
  });

  it('does not spend a user token when the group refuses', () => {
    const { take, advance } = limiter();
    for (const u of ['a', 'b', 'c']) take(u, 'g');
    expect(take('e', 'g').ok).toBe(false);
    expect(take('e', 'g').ok).toBe(false);
    advance(5);
    expect(take('e', 'g')).toEqual({ ok: true });
  });
});
