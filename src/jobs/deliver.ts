import { deliveryChatId } from '../bot/targets.js';
import type { SendProgress } from '../bot/types.js';
import { isQuiet } from '../calendar/schedule.js';
import type { JobDeps } from './deps.js';
import type { Outgoing } from './outgoing.js';
import { errorText, mayHaveArrived, retryDelayMs } from './retry-policy.js';

/** A claim left by a process that died before sending may be taken over after this long. */
export const CLAIM_LEASE_MS = 60_000;
/**
 * How long a send may be under way before it counts as interrupted. Longer than the adapters' own
 * retries (Telegram's retry_after pauses), so a slow send is not mistaken for a dead one.
 */
export const SEND_LEASE_MS = 15 * 60_000;

export type DeliveryOutcome = { kind: 'sent' } | { kind: 'failed'; error: string; retryAt: Date | null } | { kind: 'skipped'; reason: string };

/**
 * Delivers one planned message at most once: claim the key in the delivery log, send, mark sent or
 * failed (with the time of the next attempt). A second call with the same key, from this process or
 * another, skips: the row is sent, being sent, or waiting for its retry.
 */
export async function deliverOnce(deps: JobDeps, out: Outgoing, now: Date): Promise<DeliveryOutcome> {
  const { log, owner } = deps;
  const deliveries = deps.stores.deliveries;
  if (isQuiet(deps.calendar, now)) return { kind: 'skipped', reason: 'quiet hours' };
  const notifier = deps.notifiers[out.target.transport];
  if (!notifier) return { kind: 'skipped', reason: `no ${out.target.transport} connection here` };
  const key = { job: out.job, subject: out.subject, period: out.period, transport: out.target.transport, chatId: deliveryChatId(out.target) };
  const claim = deliveries.claim(key, out, owner, now, CLAIM_LEASE_MS);
  if (claim.kind === 'skip') return { kind: 'skipped', reason: claim.reason };
  deps.afterClaim?.(out);
  if (!deliveries.startSending(claim.id, owner, now, SEND_LEASE_MS)) return { kind: 'skipped', reason: 'claim taken over' };
  const attempts = claim.attempts + 1;
  // `sending` only while a request may be reaching the platform: between a sender's retries after a
  // connection that was never made, the row is a claim again, so a kill then leaves it to be resent.
  let sending = true;
  const progress: SendProgress = {
    requesting() {
      if (sending) return;
      if (!deliveries.startSending(claim.id, owner, now, SEND_LEASE_MS)) throw new Error('claim taken over');
      sending = true;
    },
    notReached() {
      if (sending && deliveries.backToClaimed(claim.id, owner, now, SEND_LEASE_MS)) sending = false;
    },
  };
  try {
    await notifier.send(out.target, out.text, progress);
  } catch (err) {
    if (mayHaveArrived(err)) {
      const error = errorText(err);
      deliveries.markUnknown(claim.id, owner, now, error, attempts);
      log.warn({ ...key, attempts, error }, 'a send may have arrived although it failed, so it is not sent again');
      return { kind: 'failed', error, retryAt: null };
    }
    const delay = retryDelayMs(err, attempts);
    const retryAt = delay === null ? null : new Date(now.getTime() + delay);
    const error = errorText(err);
    deliveries.markFailed(claim.id, owner, now, error, attempts, retryAt);
    log.warn({ ...key, attempts, error, retryAt: retryAt?.toISOString() ?? null }, 'delivery failed');
    return { kind: 'failed', error, retryAt };
  }
  deliveries.markSent(claim.id, owner, now, attempts);
  log.info({ ...key, attempts }, 'delivered');
  return { kind: 'sent' };
}
