import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { isLate } from '../../src/calendar/status.js';
import { decodeReport } from '../../src/parsing/decode.js';
import { parseReportBytes } from '../../src/parsing/parse-report.js';
import { filesOf, loadCorpus, progressBar, type Job } from './common.js';

export interface ThroughputResult {
  reports: number;
  bytes: number;
  seconds: number;
  reports_per_s: number;
  mb_per_s: number;
}

const throughput = (reports: number, bytes: number, seconds: number): ThroughputResult => ({
  reports,
  bytes,
  seconds,
  reports_per_s: reports / seconds,
  mb_per_s: bytes / 1048576 / seconds,
});

/** The floor: read every file and decode it to text, nothing else. */
export function runFloor(job: Extract<Job, { phase: 'floor' }>): ThroughputResult {
  const files = filesOf(loadCorpus(job.dir), job.years);
  const bar = progressBar(job.progress, 'read+decode', files.length);
  let bytes = 0;
  let chars = 0;
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const b = readFileSync(files[i]!);
    const d = decodeReport(b);
    bytes += b.length;
    if (d.ok) chars += d.text.length;
    if ((i & 255) === 255) bar.tick(256);
  }
  const seconds = (performance.now() - t0) / 1000;
  bar.stop();
  if (chars === 0) throw new Error('nothing decoded');
  return throughput(files.length, bytes, seconds);
}

interface Expectation {
  name: string;
  region: string;
  year: number;
  format: string;
  flags: Set<string>;
}

function loadManifest(dir: string): Map<string, Expectation> {
  const out = new Map<string, Expectation>();
  const lines = readFileSync(join(dir, 'manifest.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line) continue;
    const [file, name, region, year, format, , , , flags] = line.split('\t');
    out.set(join(dir, file!), { name: name!, region: region!, year: Number(year), format: format!, flags: new Set(flags ? flags.split(',') : []) });
  }
  return out;
}

const SUM_CODES = new Set(['T3_BALANCE', 'T3_ROW_TOTAL', 'T3_RESULT_SUM', 'T4_TOTAL']);

/**
 * How well the parser reads the corpus, against what the generator wrote: identity, format, and
 * whether exactly the reports broken on purpose fail a 勾稽 rule.
 */
export interface CorpusCheck {
  refused: number;
  wrong_identity: number;
  wrong_format: number;
  broken_expected: number;
  /** Complete reports with a sum error (the truncated ones are counted apart). */
  broken_found: number;
  /** Truncated reports that also fail a sum (a row cut short adds up to less). */
  sums_on_truncated: number;
  /** Broken on purpose, not flagged. */
  sums_missed: number;
  /** Flagged, not broken on purpose. */
  sums_false: number;
  outdated_expected: number;
  outdated_found: number;
  late_expected: number;
  late_found: number;
  truncated_expected: number;
  truncated_flagged: number;
  /** A few examples of disagreements. */
  examples: string[];
}

/** Parse on one core: read, decode and parse every file; the results are checked against the manifest. */
export function runParse(job: Extract<Job, { phase: 'parse' }>): ThroughputResult & { check: CorpusCheck } {
  const corpus = loadCorpus(job.dir);
  const files = filesOf(corpus, job.years);
  const expected = loadManifest(job.dir);
  const check: CorpusCheck = {
    refused: 0,
    wrong_identity: 0,
    wrong_format: 0,
    broken_expected: 0,
    broken_found: 0,
    sums_on_truncated: 0,
    sums_missed: 0,
    sums_false: 0,
    outdated_expected: 0,
    outdated_found: 0,
    late_expected: 0,
    late_found: 0,
    truncated_expected: 0,
    truncated_flagged: 0,
    examples: [],
  };
  const note = (s: string) => {
    if (check.examples.length < 8) check.examples.push(s);
  };
  const bar = progressBar(job.progress, 'parse 1 core', files.length);
  let bytes = 0;
  let busy = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const t0 = performance.now();
    const b = readFileSync(file);
    const outcome = parseReportBytes(b);
    busy += performance.now() - t0;
    bytes += b.length;
    if ((i & 255) === 255) bar.tick(256);
    const e = expected.get(file);
    if (!e) continue;
    const truncated = e.flags.has('truncated');
    if (e.flags.has('broken')) check.broken_expected++;
    if (e.flags.has('outdated')) check.outdated_expected++;
    // A truncated report has lost its signature, so it cannot be found late.
    if (e.flags.has('late') && !truncated) check.late_expected++;
    if (truncated) check.truncated_expected++;
    if (!outcome.ok) {
      check.refused++;
      note(`${file}: refused (${outcome.error.message})`);
      continue;
    }
    const r = outcome.report;
    if (r.name !== e.name || r.region !== e.region || r.year !== e.year) {
      check.wrong_identity++;
      note(`${file}: read ${r.name}/${r.region}/${r.year}, wrote ${e.name}/${e.region}/${e.year}`);
    }
    if (r.format !== e.format) check.wrong_format++;
    const codes = new Set(r.findings.map((f) => f.code));
    if (codes.has('OUTDATED_FORMAT')) check.outdated_found++;
    // Lateness is the calendar's (src/calendar/status.ts), judged from the date the parser read.
    if (r.year !== null && isLate(DEFAULT_CALENDAR, { ...r, year: r.year }) && !truncated) check.late_found++;
    if (truncated && (codes.has('TRUNCATED_TABLE') || codes.has('MISSING_SECTION'))) check.truncated_flagged++;
    const sums = [...codes].some((c) => SUM_CODES.has(c));
    if (sums && truncated) check.sums_on_truncated++;
    if (sums && !truncated) check.broken_found++;
    if (!truncated) {
      if (e.flags.has('broken') && !sums) {
        check.sums_missed++;
        note(`${file}: broken on purpose, no sum error found`);
      }
      if (!e.flags.has('broken') && sums) {
        check.sums_false++;
        note(`${file}: ${[...codes].filter((c) => SUM_CODES.has(c)).join(',')} on valid figures`);
      }
    }
  }
  bar.stop();
  // Only the time spent reading and parsing counts, not the bookkeeping above.
  return { ...throughput(files.length, bytes, busy / 1000), check };
}

/** Entry of the parse workers: the script they run is bench/parse-worker.ts. */
const WORKER_ENTRY = new URL('../parse-worker.ts', import.meta.url).href;

function tsWorker(entry: string): Worker {
  // Workers do not inherit tsx's loader hooks: register them first, then load the TypeScript entry.
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

/** Parse on every core: worker threads take batches of files (read, decode, parse) until none are left. */
export async function runParseWorkers(job: Extract<Job, { phase: 'parse-workers' }>): Promise<ThroughputResult & { workers: number }> {
  const files = filesOf(loadCorpus(job.dir), job.years);
  const n = job.workers ?? availableParallelism();
  const workers = Array.from({ length: n }, () => tsWorker(WORKER_ENTRY));
  // Wait until every worker has loaded the parser, so start-up is not counted.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        }),
    ),
  );
  const bar = progressBar(job.progress, `parse ${n} thr`, files.length);
  const BATCH = 64;
  let next = 0;
  let bytes = 0;
  let reports = 0;
  const t0 = performance.now();
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (next >= files.length) {
              resolve();
              return;
            }
            const batch = files.slice(next, next + BATCH);
            next += batch.length;
            w.postMessage(batch);
          };
          w.on('message', (m: { reports: number; bytes: number }) => {
            reports += m.reports;
            bytes += m.bytes;
            bar.tick(m.reports);
            feed();
          });
          w.on('error', reject);
          feed();
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  bar.stop();
  await Promise.all(workers.map((w) => w.terminate()));
  return { ...throughput(reports, bytes, seconds), workers: n };
}
