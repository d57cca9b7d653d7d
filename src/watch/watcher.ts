import type { DbHandle } from '../../db/client.js';
import type { WatchSource } from '../../db/watch.js';
import type { Calendar } from '../calendar/calendar.js';
import type { Config } from '../config.js';
import type { BoundedReader } from '../ingest/bounded-read.js';
import { MAX_FILE_BYTES } from '../parsing/readers/dispatch.js';
import type { JobLog } from '../jobs/deps.js';
import { createFetcher, type Fetcher } from './fetcher.js';
import { runSources, type SourceRun } from './run.js';

/**
 * Between scheduled runs a failing link is retried hourly this many times; after that only with the
 * scheduled runs (a link that is gone for good should not cost its server a request an hour).
 */
export const QUICK_RETRIES = 5;

export interface Watcher {
  /** The configured sources and those added by `watch add`, each once. */
  sources(): WatchSource[];
  /**
   * Reads the sources (`only: 'failing'`: those whose last run or some link failed) at `now`;
   * `onStored` is told of each new report version.
   */
  run(now: Date, options?: { only?: 'all' | 'failing'; onStored?: (reportId: number) => Promise<void> }): Promise<SourceRun[]>;
}

export interface WatcherOptions {
  handle: DbHandle;
  config: Config['watch'];
  calendar: Calendar;
  log: JobLog;
  reader?: BoundedReader;
  /** Test seam: the network door (default: createFetcher with the configured limits). */
  fetcher?: () => Fetcher;
}

export function createWatcher(o: WatcherOptions): Watcher {
  const store = o.handle.stores.watch;
  const sources = (): WatchSource[] => {
    const byUrl = new Map<string, WatchSource>();
    // Configured sources first, in their order; their region is the configured one.
    for (const s of o.config.sources) byUrl.set(s.url, { url: s.url, region: s.region });
    for (const s of store.sources()) if (!byUrl.has(s.url)) byUrl.set(s.url, { url: s.url, region: s.region });
    return [...byUrl.values()];
  };
  return {
    sources,
    async run(now, options = {}) {
      // Configured sources get a row too: their failures are remembered and shown like the others.
      for (const s of o.config.sources) store.addSource(s, now);
      let chosen = sources();
      if (options.only === 'failing') {
        const failingSources = new Set(
          store
            .sources()
            .filter((s) => s.lastError !== null)
            .map((s) => s.url),
        );
        const failingLinks = new Set(
          store
            .failures()
            .filter((f) => f.failures < QUICK_RETRIES)
            .map((f) => f.sourceUrl),
        );
        chosen = chosen.filter((s) => failingSources.has(s.url) || failingLinks.has(s.url));
      }
      if (chosen.length === 0) return [];
      const fetcher = o.fetcher?.() ?? createFetcher({ pauseMs: o.config.pauseMs, timeoutMs: o.config.timeoutMs, maxBytes: MAX_FILE_BYTES });
      return runSources({ handle: o.handle, fetcher, calendar: o.calendar, now, log: o.log, reader: o.reader, onStored: options.onStored }, chosen);
    },
  };
}
