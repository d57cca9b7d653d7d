import type { JobName } from './outgoing.js';

/**
 * The latest countdown or escalation stage already sent for each organisation (or county) in a
 * season, read from the delivery log. A clock set back (or `--now` earlier than a previous run)
 * must not bring back the 30-days-left reminder after the 7-days one went out.
 */
export type SentStages = ReadonlyMap<string, number>;

const key = (job: JobName, subject: string) => `${job}\u0000${subject}`;

/** Delivery log rows (any status that may have reached a group) → the highest day offset per job and subject. */
export function latestStages(rows: ReadonlyArray<{ job: string; subject: string; period: string }>, year: number): SentStages {
  const out = new Map<string, number>();
  const stage = new RegExp(`^${year}/D([+-])(\\d+)$`);
  for (const r of rows) {
    const m = stage.exec(r.period);
    if (!m || (r.job !== 'remind' && r.job !== 'escalate')) continue;
    const offset = (m[1] === '+' ? 1 : -1) * Number(m[2]);
    const k = key(r.job, r.subject);
    if (!out.has(k) || out.get(k)! < offset) out.set(k, offset);
  }
  return out;
}

/** Whether a later stage than `offset` already went out for this subject: then this one is not sent. */
export function behindSent(sent: SentStages | undefined, job: JobName, subject: string, offset: number): boolean {
  const latest = sent?.get(key(job, subject));
  return latest !== undefined && latest > offset;
}
