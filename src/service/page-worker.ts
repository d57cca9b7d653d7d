import { parentPort, workerData } from 'node:worker_threads';
import { openApp } from '../app.js';
import type { Config } from '../config.js';
import { createStatusRoutes, type StatusRoutes } from './status-routes.js';
import type { PageJob, PageResult } from './page-pool.js';

/**
 * The status pages' thread (page-pool.ts): its own connection to the database and its own app, so
 * that drawing a chart or zipping a spreadsheet never holds up the main thread (health checks, chat
 * adapters, the scheduler). Read-only. "Today" comes with each job: the main thread's clock decides.
 */
const port = parentPort!;
let now = new Date();
const app = openApp(workerData as Config, { now: () => now });
const routes: StatusRoutes = createStatusRoutes(app);

async function run(job: PageJob): Promise<unknown> {
  switch (job.route) {
    case 'statusPage':
      return routes.statusPage(job.query);
    case 'statusJson':
      return routes.statusJson(job.query);
    case 'exportXlsx':
      return routes.exportXlsx(job.query);
    case 'reportPage':
      return routes.reportPage(job.id);
  }
}

port.on('message', (job: PageJob) => {
  now = new Date(job.now);
  run(job).then(
    (value) => {
      const transfer = job.route === 'exportXlsx' ? [(value as { xlsx: Uint8Array }).xlsx.buffer as ArrayBuffer] : [];
      port.postMessage({ seq: job.seq, ok: true, value } satisfies PageResult, transfer);
    },
    (e: unknown) => port.postMessage({ seq: job.seq, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies PageResult),
  );
});
