import { availableParallelism } from 'node:os';
import type { DbHandle } from '../../db/client.js';
import type { ParseOptions } from '../parsing/parse-report.js';
import type { Finding } from '../parsing/types.js';
import { collectFiles } from './collect-files.js';
import { startParsePool, type ParsePool, type WorkerResult } from './parse-pool.js';
import type { Prepared, PreparedReport } from './prepare.js';
import { errorMessage, parseSafely, readAndDecode } from './read-file.js';
import { findByHash } from './report-repo.js';
import { storeReport } from './store-report.js';

export type FileResult =
  | { file: string; status: 'stored' | 'replaced'; name: string; year: number; reportId: number; findings: Finding[] }
  | { file: string; status: 'unchanged'; reportId: number }
  | { file: string; status: 'rejected'; reason: string };

export interface IngestSummary {
  stored: FileResult[];
  unchanged: FileResult[];
  replaced: FileResult[];
  rejected: Array<{ file: string; reason: string }>;
}

export interface IngestOptions {
  /** Deadline rule for LATE (deadlineResolver(config) in the CLI). */
  parse?: ParseOptions;
  /** The clock for ingested_at. */
  now?: () => Date;
  /** Files never to read, such as the database file and its -wal/-shm companions. */
  exclude?: readonly string[];
  /** Called inside each report's transaction before commit; throwing rejects that file and writes nothing of it. */
  beforeCommit?: (file: string) => void;
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

/**
 * WAL pages before SQLite copies the log back into the database during a large ingest (default
 * 1,000). Each copy ends with an fsync; a report adds ~25 pages, so by default that is every ~40
 * reports. Commits are as durable either way (synchronous=NORMAL: the log is written at commit,
 * synced at the copy); the log only grows larger (~40 MB) between copies.
 */
const BULK_WAL_AUTOCHECKPOINT = 10_000;

const defaultWorkers = () => Math.min(4, Math.max(1, availableParallelism() - 1));

type Outcome = Prepared<PreparedReport> | { unchanged: number };

async function readAndPrepare(path: string, handle: DbHandle, parse: ParseOptions): Promise<Outcome> {
  const decoded = await readAndDecode(path);
  if (!decoded.ok) return decoded;
  // Re-running over a folder is the common case: known content needs no parsing.
  const known = findByHash(handle.db, decoded.value.contentHash);
  if (known) return { unchanged: known.id };
  return parseSafely(decoded.value, parse);
}

/**
 * A worker's result, taken exactly as readAndPrepare would have decided: content already on file
 * is unchanged (whatever the parse said), and a parse whose deadline answers differ from the real
 * rule is done again here.
 */
function fromWorker(r: WorkerResult, handle: DbHandle, parse: ParseOptions, pool: ParsePool): Outcome {
  if (r.kind === 'rejected') return { ok: false, reason: r.reason };
  const known = findByHash(handle.db, r.decoded.contentHash);
  if (known) return { unchanged: known.id };
  let agrees = true;
  for (const [year, region, answer] of r.asked) {
    const real = parse.deadline ? parse.deadline(year, region) : answer;
    if (real !== answer) agrees = false;
    pool.learn(year, region, real);
  }
  if (!agrees) return parseSafely(r.decoded, parse);
  if (!r.parsed.ok) return r.parsed;
  const { report, year, identity } = r.parsed.value;
  return { ok: true, value: { ...r.decoded, report, year, identity } };
}

/** Workers only know the deadline rule among parse options; with any other option, parse here. */
const workersCanParse = (parse: ParseOptions) => Object.keys(parse).every((k) => k === 'deadline');

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
  const summary: IngestSummary = { stored: [], unchanged: [], replaced: [], rejected: [] };
  let done = 0;
  const record = (r: FileResult) => {
    if (r.status === 'rejected') summary.rejected.push({ file: r.file, reason: r.reason });
    else summary[r.status].push(r);
    options.onFile?.(r, ++done, total);
  };
  for (const m of missing) record({ file: m.file, status: 'rejected', reason: m.reason });

  const parse = options.parse ?? {};
  const workers = options.workers ?? defaultWorkers();
  const bulk = files.length >= PARSE_POOL_MIN_FILES;
  const autocheckpoint = handle.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (bulk && autocheckpoint < BULK_WAL_AUTOCHECKPOINT) handle.sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_AUTOCHECKPOINT}`);
  const pool =
    workers > 0 && bulk && workersCanParse(parse)
      ? await startParsePool(files, workers, parse.deadline !== undefined)
      : null;
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const fromPool = pool ? await pool.take(i) : null;
      const prepared = fromPool ? fromWorker(fromPool, handle, parse, pool!) : await readAndPrepare(file, handle, parse);
      if ('unchanged' in prepared) {
        record({ file, status: 'unchanged', reportId: prepared.unchanged });
      } else if (!prepared.ok) {
        record({ file, status: 'rejected', reason: prepared.reason });
      } else {
        const p = prepared.value;
        try {
          const ingestedAt = (options.now?.() ?? new Date()).toISOString();
          const out = storeReport(handle, p, { ingestedAt, beforeCommit: options.beforeCommit });
          record(
            out.status === 'unchanged'
              ? { file, status: 'unchanged', reportId: out.reportId }
              : { file, status: out.status, name: p.identity.name, year: p.year, reportId: out.reportId, findings: out.findings },
          );
        } catch (e) {
          record({ file, status: 'rejected', reason: `入库失败，未写入任何内容（${errorMessage(e)}）` });
        }
      }
      // Let the progress bar draw and signals arrive between reports.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    await pool?.close();
    if (handle.sqlite.open) handle.sqlite.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  }
  return summary;
}
