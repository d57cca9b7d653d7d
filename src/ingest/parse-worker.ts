import { parentPort } from 'node:worker_threads';
import { defaultDeadline, type ParseOptions } from '../parsing/parse-report.js';
import { prepareFile, type PrepareJob, type PrepareResult } from './read-file.js';

/**
 * A parse worker of the ingest (parse-pool.ts): reads, decodes and parses the files it is given,
 * exactly as the ingest does in-process, and sends the outcome back. The database stays with the
 * main thread.
 *
 * The deadline rule is a function and cannot be sent: the worker uses the answers the main thread
 * has learnt so far (else the default rule) and reports every question it asked, so that the main
 * thread can check them against the real rule and parse again in the rare case they differ.
 */
const port = parentPort!;
const learnt = new Map<string, string | null>();

port.on('message', async (job: PrepareJob & { deadlines: Array<[string, string | null]> | null }) => {
  let options: ParseOptions = {};
  const asked: Array<[number, string | null, string | null]> = [];
  if (job.deadlines) {
    for (const [k, v] of job.deadlines) learnt.set(k, v);
    options = {
      deadline: (year, region) => {
        const key = `${year}|${region ?? ''}`;
        const answer = learnt.has(key) ? learnt.get(key)! : defaultDeadline(year);
        asked.push([year, region, answer]);
        return answer;
      },
    };
  }
  const result: PrepareResult = await prepareFile(job, options);
  port.postMessage({ ...result, asked });
});
port.postMessage({ ready: true });
