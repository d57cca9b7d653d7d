/**
 * Runs pdf2json on the bytes of one PDF, off the main thread, within a time and a heap limit.
 * pdf2json may never call back on a broken file, may throw from a timer, and takes ~150 ms a
 * page, so it runs in a worker thread that is terminated when the limit is reached; the worker is
 * kept between files (loading pdf2json costs more than a small file) and never keeps the process alive.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One glyph as pdf2json places it, in its page units (1 unit = 16 pt; y grows downwards). */
export interface Glyph {
  /** Left edge of the glyph. */
  x: number;
  /** Top of pdf2json's text box (baseline − 0.75). */
  y: number;
  /** Advance width. */
  w: number;
  /** Font size as pdf2json reports it (em height ≈ size / 20 units). */
  size: number;
  s: string;
}

/** A ruling segment: horizontal (x1..x2 at y) or vertical (y1..y2 at x). */
export interface HSeg {
  y: number;
  x1: number;
  x2: number;
}
export interface VSeg {
  x: number;
  y1: number;
  y2: number;
}

export interface RawPage {
  width: number;
  height: number;
  h: HSeg[];
  v: VSeg[];
  glyphs: Glyph[];
}

export type ExtractFailure = 'ENCRYPTED' | 'CORRUPT' | 'TOO_LARGE';
export type ExtractResult = { ok: true; pages: RawPage[] } | { ok: false; code: ExtractFailure; detail: string };

export interface ExtractLimits {
  timeoutMs: number;
  maxPages: number;
  /** Old-generation heap of the worker. */
  maxHeapMb: number;
}

/*
 * The worker's code, plain CommonJS so it runs without a TypeScript loader. It reduces pdf2json's
 * output to what the layout needs (thin fills become rules: some producers draw borders as filled
 * rectangles) before copying it back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// pdf2json and pdf.js print warnings and errors of their own (bound at load): the reader reports what matters.
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};
const lib = require(workerData.lib);
const PDFParser = lib.default || lib;
const THIN = 0.3;
let current = null;
const fail = (e) => {
  if (current === null) return;
  const id = current; current = null;
  const err = e && e.parserError !== undefined ? e.parserError : e;
  parentPort.postMessage({ id, error: String((err && err.message) || err), name: err && err.name });
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
function compact(p) {
  const h = p.HLines.map((l) => ({ y: l.y, x1: l.x, x2: l.x + l.l }));
  const v = p.VLines.map((l) => ({ x: l.x, y1: l.y, y2: l.y + l.l }));
  for (const f of p.Fills) {
    if (f.h <= THIN && f.w > THIN) h.push({ y: f.y + f.h / 2, x1: f.x, x2: f.x + f.w });
    else if (f.w <= THIN && f.h > THIN) v.push({ x: f.x + f.w / 2, y1: f.y, y2: f.y + f.h });
  }
  const glyphs = [];
  for (const t of p.Texts) {
    const s = t.R.map((r) => r.T).join('');
    if (s.trim() === '') continue;
    const r0 = t.R[0];
    glyphs.push({ x: t.x + 0.25, y: t.y, w: t.w / 320, size: r0 && r0.TS ? r0.TS[1] : 12, s });
  }
  return { width: p.Width, height: p.Height, h, v, glyphs };
}
parentPort.on('message', ({ id, bytes, maxPages }) => {
  current = id;
  let pages = 0;
  const parser = new PDFParser(null, false);
  parser.on('data', (page) => {
    if (page && ++pages > maxPages && current === id) { current = null; parentPort.postMessage({ id, tooManyPages: true }); }
  });
  parser.on('pdfParser_dataError', fail);
  parser.on('pdfParser_dataReady', (d) => {
    if (current !== id) return;
    current = null;
    const out = d.Pages.map(compact);
    try { parser.destroy(); } catch {}
    parentPort.postMessage({ id, pages: out });
  });
  try { parser.parseBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), -1); } catch (e) { fail(e); }
});
`;

interface WorkerReply {
  id: number;
  pages?: RawPage[];
  error?: string;
  name?: string;
  tooManyPages?: boolean;
}

let shared: { worker: Worker; heapMb: number } | null = null;
let nextId = 1;
/** Files are read one at a time: one worker, one queue. */
let queue: Promise<unknown> = Promise.resolve();

function startWorker(maxHeapMb: number): Worker {
  const lib = createRequire(import.meta.url).resolve('pdf2json');
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    // The parent's flags (--input-type=module, loaders) would change how this CommonJS source runs.
    execArgv: [],
    workerData: { lib },
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
  w.unref();
  return w;
}

function dropWorker(w: Worker): void {
  if (shared?.worker === w) shared = null;
  void w.terminate();
}

function workerFor(heapMb: number): Worker {
  if (shared && shared.heapMb !== heapMb) dropWorker(shared.worker);
  shared ??= { worker: startWorker(heapMb), heapMb };
  return shared.worker;
}

const PASSWORD = /password|encrypt/i;

function runOnce(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const w = workerFor(limits.maxHeapMb);
  const id = nextId++;
  return new Promise<ExtractResult>((resolve) => {
    const done = (r: ExtractResult, keep: boolean) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (!keep) dropWorker(w);
      resolve(r);
    };
    const onMessage = (m: WorkerReply) => {
      if (m.id !== id) return;
      if (m.pages) done({ ok: true, pages: m.pages }, true);
      else if (m.tooManyPages) done({ ok: false, code: 'TOO_LARGE', detail: `more than ${limits.maxPages} pages` }, false);
      else {
        const detail = `${m.name ?? 'Error'}: ${m.error ?? 'unknown'}`;
        // A failed parse can leave pdf.js half-way: start clean next time.
        done({ ok: false, code: PASSWORD.test(detail) ? 'ENCRYPTED' : 'CORRUPT', detail }, false);
      }
    };
    const onError = (e: Error & { code?: string }) =>
      done(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, code: 'TOO_LARGE', detail: 'out of memory' }
          : { ok: false, code: 'CORRUPT', detail: String(e.message) },
        false,
      );
    const onExit = (code: number) => done({ ok: false, code: 'CORRUPT', detail: `reader exited (${code})` }, false);
    const timer = setTimeout(() => done({ ok: false, code: 'TOO_LARGE', detail: `not read within ${limits.timeoutMs} ms` }, false), limits.timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    const copy = bytes.slice();
    w.postMessage({ id, bytes: copy, maxPages: limits.maxPages }, [copy.buffer]);
  });
}

/** Extracts glyphs and rules of every page. Never throws, never hangs past `timeoutMs`. */
export function extractPdf(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const run = queue.then(() => runOnce(bytes, limits));
  queue = run.catch(() => undefined);
  return run;
}
