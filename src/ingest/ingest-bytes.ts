import type { DbHandle } from '../../db/client.js';
import { metricEntries } from '../catalog/keys.js';
import type { BoundedReader } from './bounded-read.js';
import { fileResultOf, type FileResult } from './ingest.js';
import { matchOrg } from './org-match.js';
import { decodeFile, type DecodedFile, type Prepared, type PreparedReport } from './prepare.js';
import { errorMessage, parseSafely } from './read-file.js';
import { storeReport } from './store-report.js';

/**
 * The ingest for bytes that did not come from a file on disk (a page or attachment fetched from a
 * county portal): the same reading, parsing and storing as `ingest`, with what the source knows
 * that the file may not say (its website publication date, its county).
 */

export interface FromSource {
  /** The publication date when the file states none (the date on the portal's list or page). */
  published?: string | null;
  /** The county of the source, for a report that prints only the town's name. */
  region?: string | null;
}

export type Read =
  | { kind: 'unchanged'; reportId: number; decoded: DecodedFile }
  | { kind: 'rejected'; reason: string; decoded: DecodedFile | null }
  | { kind: 'ready'; prepared: PreparedReport };

/** Reads and parses the bytes; content already on file is unchanged without parsing. */
export async function readBytes(handle: DbHandle, file: string, bytes: Uint8Array, from: FromSource, reader?: BoundedReader): Promise<Read> {
  const decoded = await decodeFile(file, bytes, reader);
  if (!decoded.ok) return { kind: 'rejected', reason: decoded.reason, decoded: null };
  const d: DecodedFile = { ...decoded.value, published: decoded.value.published ?? from.published ?? null };
  const known = handle.stores.versions.byHash(d.contentHash);
  if (known) return { kind: 'unchanged', reportId: known.id, decoded: d };
  const parsed: Prepared<PreparedReport> = parseSafely(d);
  if (!parsed.ok) return { kind: 'rejected', reason: parsed.reason, decoded: d };
  const p = parsed.value;
  return { kind: 'ready', prepared: { ...p, identity: { ...p.identity, region: p.identity.region ?? from.region ?? null } } };
}

/**
 * The current version on file when `p` says exactly what it says (every figure, every section's
 * text) and differs only around it: a portal page whose menu, counter or footer changed is not a
 * report changed after publication. Null when there is none or anything in the report differs.
 */
export function sameAsCurrent(handle: DbHandle, p: PreparedReport): number | null {
  const { orgs, versions } = handle.stores;
  const match = matchOrg(p.identity, orgs.byName(p.identity.name));
  if (match.kind === 'new') return null;
  const current = versions.current(match.id, p.year);
  if (!current) return null;
  const before = versions.facts(current.id);
  const metrics = metricEntries(p.report.metrics);
  if (metrics.length !== Object.keys(before.metrics).length) return null;
  if (metrics.some(([k, v]) => !(k in before.metrics) || before.metrics[k] !== v)) return null;
  const keys = [...new Set(p.report.spans.map((s) => s.key))];
  if (keys.length !== Object.keys(before.sections).length) return null;
  if (keys.some((k) => before.sections[k]?.text !== (p.report.sectionText[k] ?? ''))) return null;
  return current.id;
}

/** Stores a read report in its own transaction, as `ingest` does. */
export function storeRead(handle: DbHandle, p: PreparedReport, now: Date): FileResult {
  try {
    return fileResultOf(p.file, p, storeReport(handle, p, { ingestedAt: now.toISOString() }));
  } catch (e) {
    return { file: p.file, status: 'rejected', reason: `入库失败，未写入任何内容（${errorMessage(e)}）` };
  }
}
