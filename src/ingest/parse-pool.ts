import { Worker } from 'node:worker_threads';
import type { PrepareResult } from './read-file.js';

/**
 * Worker threads that read and parse the files of a large ingest ahead of the main thread, which
 * keeps the database. Parsing takes about as long as storing, so on two cores the two overlap.
 * Results come back per file position; the caller takes them in order. If the workers cannot be
 * started or one fails, the pool says so (take() returns null) and the caller does the work itself.
 */

export type WorkerResult = PrepareResult;

export interface ParsePool {
  /** The result for file `i`, or null when the pool can no longer give it. */
  take(i: number): Promise<WorkerResult | null>;
  close(): Promise<void>;
}

/** Files parsed ahead of the one being stored, per worker. */
const AHEAD_PER_WORKER = 8;
/** Jobs a worker holds at once, so it never waits for the main thread between two files. */
const IN_FLIGHT_PER_WORKER = 2;
const START_TIMEOUT_MS = 30_000;

const WORKER_ENTRY = new URL('./parse-worker.ts', import.meta.url).href;

/**
 * The worker runs TypeScript: its first step registers tsx's loader (workers do not inherit the
 * main thread's), then it loads the entry.
 */
function startWorker(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;
  return new Worker(code, { eval: true });
}

interface Deferred {
  promise: Promise<WorkerResult | null>;
  resolve(r: WorkerResult | null): void;
}

function deferred(): Deferred {
  let resolve!: (r: WorkerResult | null) => void;
  const promise = new Promise<WorkerResult | null>((r) => (resolve = r));
  return { promise, resolve };
}

/** Starts `count` workers over `paths`. Resolves to null when the workers do not start. */
export async function startParsePool(paths: readonly string[], count: number): Promise<ParsePool | null> {
  let workers: Worker[];
  try {
    workers = Array.from({ length: count }, startWorker);
  } catch {
    return null;
  }
  const ready = await Promise.all(
    workers.map(
      (w) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
          w.once('message', () => (clearTimeout(timer), resolve(true)));
          w.once('error', () => (clearTimeout(timer), resolve(false)));
          w.once('exit', () => (clearTimeout(timer), resolve(false)));
        }),
    ),
  );
  if (!ready.every(Boolean)) {
    await Promise.all(workers.map((w) => w.terminate()));
    return null;
  }

  const results = new Map<number, Deferred>();
  const busy = workers.map(() => 0);
  let next = 0;
  let taken = 0;
  let broken = false;
  let closed = false;

  const slot = (i: number) => {
    let d = results.get(i);
    if (!d) results.set(i, (d = deferred()));
    return d;
  };
  const fail = () => {
    if (broken) return;
    broken = true;
    for (const d of results.values()) d.resolve(null);
    for (const w of workers) void w.terminate();
  };
  const feed = (k: number) => {
    const limit = Math.min(paths.length, taken + AHEAD_PER_WORKER * workers.length);
    while (!broken && busy[k]! < IN_FLIGHT_PER_WORKER && next < limit) {
      const i = next++;
      slot(i);
      busy[k]!++;
      workers[k]!.postMessage({ i, path: paths[i] });
    }
  };
  workers.forEach((w, k) => {
    w.on('message', (m: WorkerResult) => {
      busy[k]!--;
      slot(m.i).resolve(m);
      feed(k);
    });
    w.on('error', fail);
    w.on('exit', () => {
      if (!closed) fail();
    });
  });

  return {
    async take(i) {
      if (broken) return null;
      taken = Math.max(taken, i);
      workers.forEach((_, k) => feed(k));
      const d = slot(i);
      const r = await d.promise;
      results.delete(i);
      return r;
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
