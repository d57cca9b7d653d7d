import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DbHandle } from '../../db/client.js';
import { MAX_REPORT_BYTES } from '../parsing/decode.js';
import type { ParseOptions } from '../parsing/parse-report.js';
import type { Finding } from '../parsing/types.js';
import { collectFiles } from './collect-files.js';
import { decodeFile, parseDecoded, type Prepared, type PreparedReport } from './prepare.js';
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
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function readAndPrepare(path: string, handle: DbHandle, parse: ParseOptions): Prepared<PreparedReport> | { unchanged: number } {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_REPORT_BYTES) return { ok: false, reason: `文件过大（${(size / 1048576).toFixed(1)} MB），一份年报不会超过 16 MB` };
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, reason: `读不到文件（${message(e)}）` };
  }
  const decoded = decodeFile(basename(path), bytes);
  if (!decoded.ok) return decoded;
  // Re-running over a folder is the common case: known content needs no parsing.
  const known = findByHash(handle.db, decoded.value.contentHash);
  if (known) return { unchanged: known.id };
  try {
    return parseDecoded(decoded.value, parse);
  } catch (e) {
    return { ok: false, reason: `解析出错：${message(e)}` };
  }
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
  const summary: IngestSummary = { stored: [], unchanged: [], replaced: [], rejected: [] };
  let done = 0;
  const record = (r: FileResult) => {
    if (r.status === 'rejected') summary.rejected.push({ file: r.file, reason: r.reason });
    else summary[r.status].push(r);
    options.onFile?.(r, ++done, total);
  };
  for (const m of missing) record({ file: m.file, status: 'rejected', reason: m.reason });

  for (const file of files) {
    const prepared = readAndPrepare(file, handle, options.parse ?? {});
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
        record({ file, status: 'rejected', reason: `入库失败，未写入任何内容（${message(e)}）` });
      }
    }
    // Let the progress bar draw and signals arrive between reports.
    await new Promise((r) => setImmediate(r));
  }
  return summary;
}
