import { and, eq, gt, isNotNull } from 'drizzle-orm';
import { watchPages, watchSources } from './schema/index.js';
import type { Connection } from './stores.js';

export interface WatchSource {
  url: string;
  region: string;
}

export interface WatchSourceState extends WatchSource {
  lastRunAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
  failures: number;
}

/** What is known of one fetched page or file. */
export interface WatchPageState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** What was read from it last time (JSON; see src/watch/). */
  found: string | null;
  reportId: number | null;
  lastError: string | null;
  failures: number;
}

export interface WatchFailure {
  url: string;
  sourceUrl: string | null;
  error: string;
  failures: number;
}

/** The watcher's memory (src/watch/): sources, and per URL the validators and the last outcome. */
export interface WatchStore {
  /** Adds a source, or moves it to another region; true when it is new. */
  addSource(s: WatchSource, at: Date): boolean;
  sources(): WatchSourceState[];
  sourceRan(url: string, at: Date, error: string | null): void;
  page(url: string): WatchPageState | undefined;
  /** Records a fetch: validators of a 200, the report stored from it, or the failure (validators then kept). */
  pageFetched(
    url: string,
    sourceUrl: string | null,
    at: Date,
    outcome: { etag?: string | null; lastModified?: string | null; found?: string | null; reportId?: number | null; error?: string | null },
  ): void;
  /** Links that failed on their last try (retried on the next run). */
  failures(): WatchFailure[];
}

export function createWatchStore(c: Connection): WatchStore {
  const { db } = c;
  return {
    addSource(s, at) {
      const existing = db.select().from(watchSources).where(eq(watchSources.url, s.url)).get();
      if (existing) {
        if (existing.region !== s.region) db.update(watchSources).set({ region: s.region }).where(eq(watchSources.url, s.url)).run();
        return false;
      }
      db.insert(watchSources).values({ url: s.url, region: s.region, addedAt: at.toISOString() }).run();
      return true;
    },
    sources() {
      return db
        .select({
          url: watchSources.url,
          region: watchSources.region,
          lastRunAt: watchSources.lastRunAt,
          lastOkAt: watchSources.lastOkAt,
          lastError: watchSources.lastError,
          failures: watchSources.failures,
        })
        .from(watchSources)
        .orderBy(watchSources.addedAt, watchSources.url)
        .all();
    },
    sourceRan(url, at, error) {
      const row = db.select().from(watchSources).where(eq(watchSources.url, url)).get();
      if (!row) return;
      const iso = at.toISOString();
      db.update(watchSources)
        .set(
          error === null ? { lastRunAt: iso, lastOkAt: iso, lastError: null, failures: 0 } : { lastRunAt: iso, lastError: error, failures: row.failures + 1 },
        )
        .where(eq(watchSources.url, url))
        .run();
    },
    page(url) {
      return db
        .select({
          url: watchPages.url,
          etag: watchPages.etag,
          lastModified: watchPages.lastModified,
          found: watchPages.found,
          reportId: watchPages.reportId,
          lastError: watchPages.lastError,
          failures: watchPages.failures,
        })
        .from(watchPages)
        .where(eq(watchPages.url, url))
        .get();
    },
    pageFetched(url, sourceUrl, at, o) {
      const row = db.select().from(watchPages).where(eq(watchPages.url, url)).get();
      const error = o.error ?? null;
      const next = {
        sourceUrl: sourceUrl ?? row?.sourceUrl ?? null,
        fetchedAt: at.toISOString(),
        etag: o.etag !== undefined ? o.etag : (row?.etag ?? null),
        lastModified: o.lastModified !== undefined ? o.lastModified : (row?.lastModified ?? null),
        found: o.found !== undefined ? o.found : (row?.found ?? null),
        reportId: o.reportId !== undefined ? o.reportId : (row?.reportId ?? null),
        lastError: error,
        failures: error === null ? 0 : (row?.failures ?? 0) + 1,
      };
      if (row) db.update(watchPages).set(next).where(eq(watchPages.url, url)).run();
      else
        db.insert(watchPages)
          .values({ url, ...next })
          .run();
    },
    failures() {
      return db
        .select({ url: watchPages.url, sourceUrl: watchPages.sourceUrl, error: watchPages.lastError, failures: watchPages.failures })
        .from(watchPages)
        .where(and(isNotNull(watchPages.lastError), gt(watchPages.failures, 0)))
        .orderBy(watchPages.url)
        .all()
        .map((r) => ({ ...r, error: r.error ?? '' }));
    },
  };
}
