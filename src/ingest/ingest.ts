import { availableParallelism } from 'node:os';
import type { DbHandle } from '../../db/client.js';
import type { Finding } from '../parsing/types.js';
import { collectFiles } from './collect-files.js';
import { startParsePool, type WorkerResult } from './parse-pool.js';
import type { Prepared, PreparedReport } from './prepare.js';
import { errorMessage, parseSafely, readAndDecode } from './read-file.js';
import { storeReport, type StoreOutcome } from './store-report.js';

export type FileResult =
  | {
      file: string;
      status: 'stored' | 'replaced';
      name: string;
      region: string | null;
      year: number;
      signedDate: string | null;
      reportId: number;
      findings: Finding[];
    }
  | { file: string; status: 'unchanged'; reportId: number }
  /** Stored as a version, not made current: it holds far fewer figures than the current one (store-report.ts). */
  | { file: string; status: 'held'; name: string; year: number; reportId: number; figures: number; currentFigures: number }
  | { file: string; status: 'rejected'; reason: string };

export interface IngestSummary {
  stored: FileResult[];
  unchanged: FileResult[];
  replaced: FileResult[];
  held: FileResult[];
  rejected: Array<{ file: string; reason: string }>;
}

/** What a file's store outcome says, for the summary and the callbacks. */
export function fileResultOf(file: string, p: PreparedReport, out: StoreOutcome): FileResult {
  if (out.status === 'unchanged') return { file, status: 'unchanged', reportId: out.reportId };
  if (out.status === 'held') {
    const { reportId, figures, currentFigures } = out;
    return { file, status: 'held', name: p.identity.name, year: p.year, reportId, figures, currentFigures };
  }
  return {
    file,
    status: out.status,
    name: p.identity.name,
    region: p.identity.region,
    year: p.year,
    signedDate: p.report.signedDate,
    reportId: out.reportId,
    findings: out.findings,
  };
}

export interface IngestOptions {
  /** The clock for ingested_at. */
  now?: () => Date;
  /** Files never to read, such as the database file and its -wal/-shm companions. */
  exclude?: readonly string[];
  /** Called inside each report's transaction before commit; throwing rejects that file and writes nothing of it. */
  beforeCommit?: (file: string) => void;
  /** Make each new version current even when it holds far fewer figures than the current one. */
  replaceWorse?: boolean;
  /** Number of files found, before any is read. */
  onStart?: (total: number) => void;
  /** After each file, once its outcome is final (committed, or rejected). */
  onFile?: (result: FileResult, done: number, total: number) => void;
  /**
   * Worker threads that read and parse ahead while this thread writes (only for PARSE_POOL_MIN_FILES
   * files or more); 0 parses in this thread. Default: one per core but one, at most 4. The outcome
   * is the same either way.
   */
  workers?: number;
}

/** Below this many files, starting workers costs more than it saves. */
export const PARSE_POOL_MIN_FILES = 100;

const defaultWorkers = () => Math.min(4, Math.max(1, availableParallelism() - 1));

type Outcome = Prepared<PreparedReport> | { unchanged: number };

async function readAndPrepare(path: string, handle: DbHandle): Promise<Outcome> {
  const decoded = await readAndDecode(path);
  if (!decoded.ok) return decoded;
  // Re-running over a folder is the common case: known content needs no parsing.
  const known = handle.stores.versions.byHash(decoded.value.contentHash);
  if (known) return { unchanged: known.id };
  return parseSafely(decoded.value);
}

/**
 * A worker's result, taken exactly as readAndPrepare would have decided: content already on file
 * is unchanged (whatever the parse said).
 */
function fromWorker(r: WorkerResult, handle: DbHandle): Outcome {
  if (r.kind === 'rejected') return { ok: false, reason: r.reason };
  const known = handle.stores.versions.byHash(r.decoded.contentHash);
  if (known) return { unchanged: known.id };
  if (!r.parsed.ok) return r.parsed;
  const { report, year, identity } = r.parsed.value;
  return { ok: true, value: { ...r.decoded, report, year, identity } };
}

/**
 * Ingests files and folders: each report parsed outside the database, then written in its own
 * transaction, so a file that fails leaves nothing behind and the others still go in. Whatever
 * onFile has reported as stored is committed; running again over the same input completes an
 * interrupted run and reports the rest as unchanged.
 */
export async function ingestPaths(handle: DbHandle, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { files, missing } = collectFiles(paths, options.exclude);
  const total = files.length + missing.length;
  options.onStart?.(total);
  const summary: IngestSummary = { stored: [], unchanged: [], replaced: [], held: [], rejected: [] };
  let done = 0;
  const record = (r: FileResult) => {
    if (r.status === 'rejected') summary.rejected.push({ file: r.file, reason: r.reason });
    else summary[r.status].push(r);
    options.onFile?.(r, ++done, total);
  };
  for (const m of missing) record({ file: m.file, status: 'rejected', reason: m.reason });

  const workers = options.workers ?? defaultWorkers();
  const bulk = files.length >= PARSE_POOL_MIN_FILES;
  const endBulk = bulk ? handle.bulkWrites(files.length) : () => {};
  const pool = workers > 0 && bulk ? await startParsePool(files, workers) : null;
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const fromPool = pool ? await pool.take(i) : null;
      const prepared = fromPool ? fromWorker(fromPool, handle) : await readAndPrepare(file, handle);
      if ('unchanged' in prepared) {
        record({ file, status: 'unchanged', reportId: prepared.unchanged });
      } else if (!prepared.ok) {
        record({ file, status: 'rejected', reason: prepared.reason });
      } else {
        const p = prepared.value;
        try {
          const ingestedAt = (options.now?.() ?? new Date()).toISOString();
          const out = storeReport(handle, p, { ingestedAt, beforeCommit: options.beforeCommit, replaceWorse: options.replaceWorse });
          record(fileResultOf(file, p, out));
        } catch (e) {
          record({ file, status: 'rejected', reason: `入库失败，未写入任何内容（${errorMessage(e)}）` });
        }
      }
      // Let the progress bar draw and signals arrive between reports.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    await pool?.close();
    endBulk();
  }
  return summary;
}
