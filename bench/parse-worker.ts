import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseReportBytes } from '../src/parsing/parse-report.js';

/** A parse worker: receives batches of file paths, reads and parses each, answers with counts. */
const port = parentPort!;
port.on('message', (files: string[]) => {
  let bytes = 0;
  let ok = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    if (parseReportBytes(b).ok) ok++;
  }
  port.postMessage({ reports: files.length, bytes, ok });
});
port.postMessage({ ready: true });
