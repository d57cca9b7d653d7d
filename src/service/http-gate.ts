/**
 * A bound on the work the HTTP entry takes on at once. Requests beyond `max` wait in a queue of
 * `queue` places for at most `waitMs`; a request finding the queue full is refused at once (429),
 * one that waited too long is refused too (503). Each waiting request is started on a later turn
 * of the event loop (setImmediate), so that health checks, chat updates and timers get their turn
 * between two pieces of heavy work.
 */
export interface GateLimits {
  max: number;
  queue: number;
  waitMs: number;
}

export type GateRefusal = 'busy' | 'timeout';

export interface Gate {
  /** Runs `fn` when a place is free; the refusal when there is none. */
  run<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: GateRefusal }>;
  readonly active: number;
  readonly waiting: number;
}

export function createGate(limits: GateLimits): Gate {
  let active = 0;
  const queue: Array<(admitted: boolean) => void> = [];

  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      setImmediate(() => next(true));
    }
  };

  const admit = (): Promise<boolean> => {
    if (active < limits.max) {
      active++;
      return Promise.resolve(true);
    }
    if (queue.length >= limits.queue) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = queue.indexOf(wake);
        if (i >= 0) queue.splice(i, 1);
        resolve(false);
      }, limits.waitMs);
      const wake = (admitted: boolean) => {
        clearTimeout(timer);
        resolve(admitted);
      };
      queue.push(wake);
    });
  };

  return {
    async run(fn) {
      const full = active >= limits.max && queue.length >= limits.queue;
      if (!(await admit())) return { ok: false, refusal: full ? 'busy' : 'timeout' };
      try {
        return { ok: true, value: await fn() };
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
