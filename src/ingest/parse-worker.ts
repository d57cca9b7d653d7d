import { parentPort } from 'node:worker_threads';
import { prepareFile, type PrepareJob, type PrepareResult } from './read-file.js';

/**
 * A parse worker of the ingest (parse-pool.ts): reads, decodes and parses the files it is given,
 * exactly as the ingest does in-process, and sends the outcome back. The database stays with the
 * main thread. Parsing depends on nothing but the file (lateness is judged later, from the
 * calendar), so a worker's result is the main thread's.
 */
const port = parentPort!;

port.on('message', async (job: PrepareJob) => {
  const result: PrepareResult = await prepareFile(job);
  port.postMessage(result);
});
port.postMessage({ ready: true });
