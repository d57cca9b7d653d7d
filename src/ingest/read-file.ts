import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_FILE_BYTES } from '../parsing/readers/dispatch.js';
import { decodeFile, parseDecoded, type DecodedFile, type Prepared, type PreparedReport } from './prepare.js';

/**
 * What the ingest does with one file before it touches the database: size check, read, decode,
 * hash, and parse. Split so that parse workers (parse-worker.ts) and the main thread do exactly
 * the same; the "content already on file" check sits between decode and parse, in the caller.
 */

export interface PrepareJob {
  /** Position of the file in the ingest. */
  i: number;
  path: string;
}

export type PrepareResult =
  | { i: number; kind: 'rejected'; reason: string }
  | { i: number; kind: 'decoded'; decoded: DecodedFile; parsed: Prepared<Omit<PreparedReport, keyof DecodedFile>> };

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Size check, read and decode (bounded: readers/ and bounded-read.ts); the decoded file or why it is refused. */
export async function readAndDecode(path: string): Promise<Prepared<DecodedFile>> {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return { ok: false, reason: `文件过大（${(size / 1048576).toFixed(1)} MB），一份年报不会超过 ${MAX_FILE_BYTES / 1048576} MB` };
    }
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, reason: `读不到文件（${errorMessage(e)}）` };
  }
  return decodeFile(basename(path), bytes);
}

/** Parses a decoded file; a parser crash is a refusal with its message, like any other. */
export function parseSafely(decoded: DecodedFile): Prepared<PreparedReport> {
  try {
    return parseDecoded(decoded);
  } catch (e) {
    return { ok: false, reason: `解析出错：${errorMessage(e)}` };
  }
}

/** Everything before the database, for a worker: the parse result without the decoded text again. */
export async function prepareFile(job: PrepareJob): Promise<PrepareResult> {
  const decoded = await readAndDecode(job.path);
  if (!decoded.ok) return { i: job.i, kind: 'rejected', reason: decoded.reason };
  const parsed = parseSafely(decoded.value);
  if (!parsed.ok) return { i: job.i, kind: 'decoded', decoded: decoded.value, parsed };
  const { report, identity, year } = parsed.value;
  return { i: job.i, kind: 'decoded', decoded: decoded.value, parsed: { ok: true, value: { report, identity, year } } };
}
