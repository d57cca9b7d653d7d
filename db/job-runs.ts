import { eq, sql } from 'drizzle-orm';
import { jobRuns } from './schema/index.js';
import type { Connection } from './stores.js';

/** When each daily job last ran, for the start-up catch-up (src/jobs/scheduler.ts). */
export interface JobRunLog {
  record(job: string, at: Date): void;
  last(job: string): Date | null;
}

export function createJobRunLog(c: Connection): JobRunLog {
  const { db } = c;
  return {
    record(job, at) {
      db.insert(jobRuns)
        .values({ job, lastRunAt: at.toISOString() })
        // max(): a catch-up run with an older clock must not move the mark back.
        .onConflictDoUpdate({ target: jobRuns.job, set: { lastRunAt: sql`max(${jobRuns.lastRunAt}, excluded.last_run_at)` } })
        .run();
    },
    last(job) {
      const row = db.select().from(jobRuns).where(eq(jobRuns.job, job)).get();
      return row ? new Date(row.lastRunAt) : null;
    },
  };
}
