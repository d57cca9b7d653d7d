import { parentPort } from 'node:worker_threads';
import { readDocument } from '../parsing/readers/dispatch.js';

/**
 * The thread that reads binary documents (bounded-read.ts): one file at a time, in a thread whose
 * heap is capped and which the main thread ends when a file takes too long.
 */
const port = parentPort!;
port.on('message', (job: { id: number; bytes: Uint8Array; fileName: string }) => {
  readDocument(job.bytes, job.fileName).then(
    (result) => port.postMessage({ id: job.id, result }),
    (e: unknown) => port.postMessage({ id: job.id, crash: e instanceof Error ? e.message : String(e) }),
  );
});
port.postMessage({ ready: true });
