/**
 * Run as a child process by ingest-atomicity.test.ts: ingests the given paths and kills itself
 * with SIGKILL inside the transaction of the file named `crashOn`, after printing "STORED <file>"
 * for every report whose commit had returned. Usage: crash-ingest.script.ts <db> <crashOn> <paths…>
 */
import { writeSync } from 'node:fs';
import { basename } from 'node:path';
import { openDb } from '../../db/client.js';
import { ingestPaths } from '../../src/ingest/ingest.js';

const [dbPath, crashOn, ...paths] = process.argv.slice(2);
const handle = openDb(dbPath!);
await ingestPaths(handle, paths, {
  beforeCommit: (file) => {
    if (file === crashOn) process.kill(process.pid, 'SIGKILL');
  },
  onFile: (r) => {
    // Synchronous write: the line is out before the next report starts.
    if (r.status === 'stored') writeSync(1, `STORED ${basename(r.file)}\n`);
  },
});
writeSync(1, 'FINISHED\n');
