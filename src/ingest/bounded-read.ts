import { Worker } from 'node:worker_threads';
import { chooseReader, readDocument } from '../parsing/readers/dispatch.js';
import { MESSAGES, refuse } from '../parsing/readers/refuse.js';
import type { ReadResult } from '../parsing/readers/types.js';

/**
 * One file, one time limit. Word and PDF files are read by libraries that can be driven into long
 * or huge work by a crafted or damaged file, so they are read in a worker thread with a capped heap,
 * ended when a file takes longer than the limit; the next file gets a fresh thread. Text and web
 * pages are read by our own linear-time code: in-process up to 1 MB (every real report page), in
 * the thread above that (a hostile 16 MB page of entities takes ~1 s and ~250 MB while flattened).
 */

export const READ_TIME_LIMIT_MS = 5_000;
/** V8 heap of the reading thread; with the unpacked bytes the docx checks allow, under 300 MB. */
export const READ_HEAP_MB = 200;
const START_TIMEOUT_MS = 30_000;
/** Text and pages larger than this are read in the thread too. */
const IN_PROCESS_MAX_BYTES = 1024 * 1024;

export interface BoundedReader {
  /** Never rejects: whatever goes wrong is a refusal of this file. */
  read(bytes: Uint8Array, fileName: string): Promise<ReadResult>;
  /** Starts the reading thread now (it takes seconds on a loaded core), so the first file is not kept waiting. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

const WORKER_ENTRY = new URL('./read-worker.ts', import.meta.url).href;

/** Workers do not inherit the main thread's TypeScript loader: the worker registers tsx first. */
function startWorker(heapMb: number): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;
  return new Worker(code, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 4 },
  });
}

/** True when these bytes go to a library reader (the isolated thread). */
export function needsIsolation(bytes: Uint8Array, fileName: string): boolean {
  const chosen = chooseReader(bytes, fileName);
  if ('ok' in chosen) return false;
  return chosen.type === 'docx' || chosen.type === 'doc' || chosen.type === 'pdf' || bytes.length > IN_PROCESS_MAX_BYTES;
}

/** A reader that throws is a bug, not the file's fault; the file is still refused, never the whole run. */
async function readSafely(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  try {
    return await readDocument(bytes, fileName);
  } catch (e) {
    return refuse('CORRUPT', `${MESSAGES.corrupt('')}（${e instanceof Error ? e.message : String(e)}）`);
  }
}

interface Options {
  timeoutMs?: number;
  heapMb?: number;
}

export function createBoundedReader(options: Options = {}): BoundedReader {
  const timeoutMs = options.timeoutMs ?? READ_TIME_LIMIT_MS;
  const heapMb = options.heapMb ?? READ_HEAP_MB;
  let worker: Promise<Worker | null> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 0;

  const ready = (): Promise<Worker | null> => {
    if (worker) return worker;
    const starting: Promise<Worker | null> = new Promise<Worker | null>((resolve) => {
      let w: Worker;
      try {
        w = startWorker(heapMb);
      } catch {
        return resolve(null);
      }
      const timer = setTimeout(() => (void w.terminate(), resolve(null)), START_TIMEOUT_MS);
      w.once('message', () => (clearTimeout(timer), w.unref(), resolve(w)));
      w.once('error', () => (clearTimeout(timer), resolve(null)));
      w.once('exit', () => {
        clearTimeout(timer);
        if (worker === starting) worker = null;
        resolve(null);
      });
    });
    worker = starting;
    return starting;
  };

  const isolated = async (bytes: Uint8Array, fileName: string): Promise<ReadResult> => {
    const w = await ready();
    // A thread that cannot start (a restricted host) leaves the in-process reader.
    if (!w) return readSafely(bytes, fileName);
    const id = nextId++;
    w.ref();
    return new Promise<ReadResult>((resolve) => {
      const finish = (r: ReadResult, kill: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          worker = null;
          void w.terminate();
        } else w.unref();
        resolve(r);
      };
      const onMessage = (m: { id: number; result?: ReadResult; crash?: string }) => {
        if (m.id !== id) return;
        finish(m.result ?? refuse('CORRUPT', MESSAGES.corrupt('')), false);
      };
      const onError = (e: Error & { code?: string }) =>
        finish(
          refuse(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'TOO_LARGE' : 'CORRUPT',
            e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? MESSAGES.outOfMemory : MESSAGES.corrupt(''),
          ),
          true,
        );
      const onExit = () => finish(refuse('TOO_LARGE', MESSAGES.outOfMemory), true);
      const timer = setTimeout(() => finish(refuse('TOO_LARGE', MESSAGES.timeout), true), timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      const copy = Uint8Array.from(bytes);
      w.postMessage({ id, bytes: copy, fileName }, [copy.buffer]);
    });
  };

  return {
    read(bytes, fileName) {
      if (!needsIsolation(bytes, fileName)) return readSafely(bytes, fileName);
      const result = queue.then(() => isolated(bytes, fileName));
      queue = result.catch(() => undefined);
      return result;
    },
    async warm() {
      await ready();
    },
    async close() {
      const w = await worker;
      worker = null;
      await w?.terminate();
    },
  };
}

let shared: BoundedReader | null = null;

/** The process's reader (its thread is started on the first Word or PDF file and never holds the process open). */
export function sharedReader(): BoundedReader {
  shared ??= createBoundedReader();
  return shared;
}
