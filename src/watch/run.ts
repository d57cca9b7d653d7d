import type { DbHandle } from '../../db/client.js';
import type { WatchPageState, WatchSource } from '../../db/watch.js';
import type { Calendar } from '../calendar/calendar.js';
import { seasonYear } from '../calendar/due.js';
import type { BoundedReader } from '../ingest/bounded-read.js';
import { readBytes, sameAsCurrent, storeRead, type Read } from '../ingest/ingest-bytes.js';
import { isHtml } from '../parsing/readers/sniff.js';
import type { JobLog } from '../jobs/deps.js';
import { decodePage } from './decode.js';
import type { Fetched, Fetcher } from './fetcher.js';
import { attachmentOf, pageKey, readListPage, type ListLink, type ListPage } from './list-page.js';

/**
 * One run of the watcher over some sources (data contract §6.3): read each county's list pages,
 * follow the links to annual reports it has not stored (the page itself, or the file attached to
 * it) and store them through the ingest with the portal's publication date. A source that fails is
 * recorded and reported; the others go on.
 */

export interface WatchRunDeps {
  handle: DbHandle;
  fetcher: Fetcher;
  calendar: Calendar;
  now: Date;
  log: JobLog;
  reader?: BoundedReader;
  /** Called for each new report version stored (the notices). */
  onStored?: (reportId: number) => Promise<void>;
}

export interface FoundReport {
  url: string;
  title: string;
  status: 'stored' | 'replaced';
  name: string;
  region: string | null;
  year: number;
  published: string | null;
  reportId: number;
  codes: string[];
}

export interface SourceRun extends WatchSource {
  error: string | null;
  /** List pages read. */
  pages: number;
  /** Report links on them. */
  links: number;
  found: FoundReport[];
  /** Fetched again, same content as on file. */
  unchanged: number;
  /** The server said 304: nothing new. */
  notModified: number;
  /** Older years already on file, not asked again. */
  skipped: number;
  failed: Array<{ url: string; title: string; error: string }>;
}

/** A list reaches this many pages at most (a county's column is a few pages; a pager loop is not). */
export const MAX_LIST_PAGES = 30;

type LinkOutcome = { kind: 'found'; report: FoundReport } | { kind: 'unchanged' | 'not-modified' | 'skipped' } | { kind: 'failed'; error: string };

interface PageFound {
  attachment: string | null;
  published: string | null;
}

const validatorsOf = (s: WatchPageState | undefined) => (s && !s.lastError ? { etag: s.etag, lastModified: s.lastModified } : null);

function parseFound<T>(s: WatchPageState | undefined): T | null {
  if (!s?.found) return null;
  try {
    return JSON.parse(s.found) as T;
  } catch {
    return null;
  }
}

export async function runSources(deps: WatchRunDeps, sources: readonly WatchSource[]): Promise<SourceRun[]> {
  return Promise.all(
    sources.map(async (source) => {
      let run: SourceRun;
      try {
        run = await runSource(deps, source);
      } catch (err) {
        deps.log.error({ err, source: source.url }, 'watch: source failed unexpectedly');
        run = { ...emptyRun(source), error: `意外错误：${err instanceof Error ? err.message : String(err)}` };
      }
      deps.handle.stores.watch.sourceRan(source.url, deps.now, run.error);
      if (run.error) deps.log.warn({ source: source.url, region: source.region, error: run.error }, 'watch: source failed; retried on the next run');
      return run;
    }),
  );
}

const emptyRun = (s: WatchSource): SourceRun => ({ ...s, error: null, pages: 0, links: 0, found: [], unchanged: 0, notModified: 0, skipped: 0, failed: [] });

/** Every list page of a source, and the report links on them. */
async function readLists(deps: WatchRunDeps, source: WatchSource, run: SourceRun): Promise<ListLink[] | string> {
  const store = deps.handle.stores.watch;
  const queue = [source.url];
  const queued = new Set(queue.map(pageKey));
  const links = new Map<string, ListLink>();
  while (queue.length > 0 && run.pages < MAX_LIST_PAGES) {
    const url = queue.shift()!;
    const first = url === source.url;
    const state = store.page(url);
    const cached = parseFound<ListPage>(state);
    const res = await deps.fetcher.get(url, cached ? validatorsOf(state) : null);
    let list: ListPage;
    if (res.kind === 'failed') {
      // The first page's failure is the source's (watch_sources), not a link's.
      if (first) return `列表页打不开：${res.error}`;
      store.pageFetched(url, source.url, deps.now, { error: res.error });
      run.failed.push({ url, title: '列表页', error: res.error });
      continue;
    } else if (res.kind === 'not-modified' && cached) {
      list = cached;
    } else if (res.kind === 'ok') {
      const text = decodePage(res.bytes, res.contentType);
      list = text === null ? { reports: [], pages: [] } : readListPage(text, res.url);
      store.pageFetched(url, first ? null : source.url, deps.now, { etag: res.etag, lastModified: res.lastModified, found: JSON.stringify(list), error: null });
    } else {
      continue;
    }
    run.pages++;
    if (first && list.reports.length === 0 && list.pages.length === 0) return '这个网址不是年报栏目的列表页（页面上没有标题含“年度报告”或“年报”和年份的链接）';
    for (const l of list.reports) if (!links.has(l.url)) links.set(l.url, l);
    for (const p of list.pages) {
      if (!queued.has(pageKey(p))) {
        queued.add(pageKey(p));
        queue.push(p);
      }
    }
  }
  return [...links.values()];
}

async function runSource(deps: WatchRunDeps, source: WatchSource): Promise<SourceRun> {
  const run = emptyRun(source);
  const links = await readLists(deps, source, run);
  if (typeof links === 'string') return { ...run, error: links };
  run.links = links.length;
  for (const link of links) {
    const out = await followLink(deps, source, link);
    if (out.kind === 'found') run.found.push(out.report);
    else if (out.kind === 'failed') run.failed.push({ url: link.url, title: link.title, error: out.error });
    else if (out.kind === 'unchanged') run.unchanged++;
    else if (out.kind === 'not-modified') run.notModified++;
    else run.skipped++;
  }
  return run;
}

const fileNameOf = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

/** One report link: its page, or the file the page attaches. */
async function followLink(deps: WatchRunDeps, source: WatchSource, link: ListLink): Promise<LinkOutcome> {
  const store = deps.handle.stores.watch;
  const state = store.page(link.url);
  // Reports of years long past are asked for once; the current season's are checked for changes.
  if (state?.reportId && !state.lastError && link.year < seasonYear(deps.calendar, deps.now) - 1) return { kind: 'skipped' };
  const res = await deps.fetcher.get(link.url, validatorsOf(state));
  if (res.kind === 'failed') return fail(deps, link.url, source, res.error);
  const pageFound = parseFound<PageFound>(state);
  if (res.kind === 'not-modified') {
    if (pageFound?.attachment) return followFile(deps, source, link, pageFound.attachment, pageFound.published);
    return state?.lastError ? { kind: 'failed', error: state.lastError } : { kind: 'not-modified' };
  }
  const validators = { etag: res.etag, lastModified: res.lastModified };
  const from = { published: link.date, region: source.region };
  if (!(isHtml(res.bytes) || /html/i.test(res.contentType ?? ''))) {
    return settle(deps, source, link, res.url, await readBytes(deps.handle, fileNameOf(res.url), res.bytes, from, deps.reader), validators);
  }
  const read = await readBytes(deps.handle, fileNameOf(res.url), res.bytes, from, deps.reader);
  const text = decodePage(res.bytes, res.contentType);
  const attachment = text === null ? null : attachmentOf(text, res.url);
  const pageIsReport = read.kind === 'unchanged' || (read.kind === 'ready' && Object.keys(read.prepared.report.metrics).length > 0);
  if (pageIsReport || !attachment) return settle(deps, source, link, link.url, read, validators);
  // The page is only the wrapper of the report file: its date is the publication date.
  const published = (read.kind === 'ready' ? read.prepared.published : read.decoded?.published) ?? link.date;
  store.pageFetched(link.url, source.url, deps.now, { ...validators, found: JSON.stringify({ attachment, published } satisfies PageFound), error: null });
  return followFile(deps, source, link, attachment, published);
}

async function followFile(deps: WatchRunDeps, source: WatchSource, link: ListLink, url: string, published: string | null): Promise<LinkOutcome> {
  const state = deps.handle.stores.watch.page(url);
  const res: Fetched = await deps.fetcher.get(url, validatorsOf(state));
  if (res.kind === 'failed') return fail(deps, url, source, res.error);
  if (res.kind === 'not-modified') return state?.lastError ? { kind: 'failed', error: state.lastError } : { kind: 'not-modified' };
  const read = await readBytes(deps.handle, fileNameOf(res.url), res.bytes, { published: published ?? link.date, region: source.region }, deps.reader);
  return settle(deps, source, link, url, read, { etag: res.etag, lastModified: res.lastModified });
}

function fail(deps: WatchRunDeps, url: string, source: WatchSource, error: string): LinkOutcome {
  deps.handle.stores.watch.pageFetched(url, source.url, deps.now, { error });
  return { kind: 'failed', error };
}

/** Stores what was read from `url` and remembers the outcome with the validators. */
async function settle(
  deps: WatchRunDeps,
  source: WatchSource,
  link: ListLink,
  url: string,
  read: Read,
  validators: { etag: string | null; lastModified: string | null },
): Promise<LinkOutcome> {
  const store = deps.handle.stores.watch;
  if (read.kind === 'unchanged') {
    store.pageFetched(url, source.url, deps.now, { ...validators, reportId: read.reportId, error: null });
    return { kind: 'unchanged' };
  }
  if (read.kind === 'rejected') {
    store.pageFetched(url, source.url, deps.now, { ...validators, error: read.reason });
    return { kind: 'failed', error: read.reason };
  }
  const p = read.prepared;
  const same = sameAsCurrent(deps.handle, p);
  if (same !== null) {
    store.pageFetched(url, source.url, deps.now, { ...validators, reportId: same, error: null });
    return { kind: 'unchanged' };
  }
  const out = storeRead(deps.handle, p, deps.now);
  if (out.status === 'rejected') return fail(deps, url, source, out.reason);
  store.pageFetched(url, source.url, deps.now, { ...validators, reportId: out.reportId, error: null });
  if (link.url !== url) store.pageFetched(link.url, source.url, deps.now, { reportId: out.reportId });
  if (out.status === 'unchanged') return { kind: 'unchanged' };
  if (out.status === 'held') {
    // The portal's page lost most of its figures (tables not loaded, a stub): the fuller version stays current.
    deps.log.warn(
      { url, reportId: out.reportId, figures: out.figures, currentFigures: out.currentFigures },
      'watch: a version with far fewer figures kept beside the current one',
    );
    return { kind: 'unchanged' };
  }
  try {
    await deps.onStored?.(out.reportId);
  } catch (err) {
    deps.log.error({ err, reportId: out.reportId }, 'watch: notice failed');
  }
  return {
    kind: 'found',
    report: {
      url: link.url,
      title: link.title,
      status: out.status,
      name: out.name,
      region: out.region,
      year: out.year,
      published: p.published,
      reportId: out.reportId,
      codes: out.findings.map((f) => f.code),
    },
  };
}
