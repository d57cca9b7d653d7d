import { runAnswer } from './phases/answer.js';
import type { Job } from './phases/common.js';
import { runFiles } from './phases/files.js';
import { runIngest } from './phases/ingest.js';
import { runFloor, runParse, runParseWorkers } from './phases/parse.js';
import { runPlan } from './phases/plan.js';
import { runWorst } from './phases/worst.js';
import { peakRssMb } from './stats.js';

/**
 * One benchmark phase in its own process, so that its peak memory (getrusage maxRSS, worker
 * threads included) is its own. The parent sends the job over IPC; the answer is the result and
 * the peak RSS.
 */
async function run(job: Job): Promise<unknown> {
  switch (job.phase) {
    case 'floor':
      return runFloor(job);
    case 'parse':
      return runParse(job);
    case 'parse-workers':
      return runParseWorkers(job);
    case 'ingest':
      return runIngest(job);
    case 'answer':
      return runAnswer(job);
    case 'plan':
      return runPlan(job);
    case 'files':
      return runFiles(job);
    case 'worst':
      return runWorst(job);
  }
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => process.send!({ ok: true, result, rss_mb: peakRssMb() }, () => process.exit(0)),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, () => process.exit(1)),
  );
});
