import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../db/client.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { loadCorpus, progressBar, type Job } from './common.js';

export interface IngestResult {
  reports: number;
  seconds: number;
  reports_per_s: number;
  /** Seconds per year folder, in order. */
  by_year: Array<{ year: number; reports: number; seconds: number }>;
  stored: number;
  rejected: number;
  /** Reports in the database after this phase (all versions). */
  reports_in_db: number;
  db_bytes: number;
  db_bytes_per_report: number;
  /** Findings stored, by code (parse and cross-report). */
  findings: Record<string, number>;
  rejected_examples: string[];
}

const fileSize = (p: string) => {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
};

/** The real ingest pipeline (nianbao ingest): one year folder after another into one SQLite file. */
export async function runIngest(job: Extract<Job, { phase: 'ingest' }>): Promise<IngestResult> {
  const corpus = loadCorpus(job.dir);
  const handle = openDb(job.db);
  const now = new Date(job.now);
  const byYear: IngestResult['by_year'] = [];
  let stored = 0;
  let rejected = 0;
  const rejectedExamples: string[] = [];
  const total = job.years.reduce((s, y) => s + (corpus.filesByYear[y]?.length ?? 0), 0);
  const bar = progressBar(job.progress, 'ingest', total);
  try {
    for (const year of job.years) {
      const t0 = performance.now();
      const summary = await ingestPaths(handle, [join(job.dir, String(year))], {
        now: () => now,
        onFile: () => bar.tick(),
      });
      const seconds = (performance.now() - t0) / 1000;
      byYear.push({ year, reports: summary.stored.length + summary.replaced.length + summary.unchanged.length + summary.rejected.length, seconds });
      stored += summary.stored.length + summary.replaced.length;
      rejected += summary.rejected.length;
      for (const r of summary.rejected.slice(0, 5 - rejectedExamples.length)) rejectedExamples.push(`${r.file}: ${r.reason}`);
    }
    bar.stop();
    const findings: Record<string, number> = {};
    for (const row of handle.sqlite.prepare('SELECT code, count(*) AS n FROM findings GROUP BY code ORDER BY n DESC').all() as Array<{
      code: string;
      n: number;
    }>) {
      findings[row.code] = row.n;
    }
    const inDb = (handle.sqlite.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileSize(job.db) + fileSize(`${job.db}-wal`);
    const reports = byYear.reduce((s, y) => s + y.reports, 0);
    const seconds = byYear.reduce((s, y) => s + y.seconds, 0);
    return {
      reports,
      seconds,
      reports_per_s: reports / seconds,
      by_year: byYear,
      stored,
      rejected,
      reports_in_db: inDb,
      db_bytes: dbBytes,
      db_bytes_per_report: dbBytes / Math.max(1, inDb),
      findings,
      rejected_examples: rejectedExamples,
    };
  } finally {
    handle.close();
  }
}
