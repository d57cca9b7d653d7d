import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { StatusQuery } from '../status/data.js';
import type { StatusRoutes } from './status-routes.js';

type PageRequest = { route: 'statusPage' | 'statusJson' | 'exportXlsx'; query: StatusQuery } | { route: 'reportPage'; id: number };
export type PageJob = { seq: number; now: number } & PageRequest;
export type PageResult = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: string };

const WORKER_ENTRY = new URL('./page-worker.ts', import.meta.url).href;
/** The page thread's heap (a county's page or spreadsheet needs a few MB; a national one far more). */
const PAGE_HEAP_MB = 768;

/** The worker runs TypeScript: it registers tsx's loader first (workers do not inherit the main thread's). */
function startWorker(config: Config): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;
  // Bounded: a page of a huge year that outgrows it ends the thread (500), and the next request starts a new one.
  return new Worker(code, { eval: true, workerData: { ...config }, resourceLimits: { maxOldGenerationSizeMb: PAGE_HEAP_MB } });
}

export interface PagePool extends StatusRoutes {
  close(): Promise<void>;
}

/**
 * The status routes on a thread of their own (page-worker.ts), started on the first request and
 * again after a crash (the requests in flight then fail and are answered 500). Jobs are taken in
 * order; the HTTP gate bounds how many wait.
 */
export function createPagePool(config: Config, now: () => Date, log: Logger): PagePool {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const w = startWorker(config);
    w.on('message', (r: PageResult) => {
      const p = pending.get(r.seq);
      if (!p) return;
      pending.delete(r.seq);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    });
    w.on('error', (err) => log.error({ err }, 'status page worker failed'));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(`status page worker exited (${code})`);
    });
    worker = w;
    return w;
  };

  const ask = <T>(job: PageRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const n = ++seq;
      pending.set(n, { resolve: resolve as (v: unknown) => void, reject });
      ensure().postMessage({ ...job, seq: n, now: now().getTime() });
    });

  return {
    statusPage: (query) => ask({ route: 'statusPage', query }),
    statusJson: (query) => ask({ route: 'statusJson', query }),
    exportXlsx: (query) => ask({ route: 'exportXlsx', query }),
    reportPage: (id) => ask({ route: 'reportPage', id }),
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll('service stopped');
    },
  };
}
