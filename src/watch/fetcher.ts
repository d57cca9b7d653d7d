/**
 * The watcher's only door to the network, built to be a good citizen of a small county server:
 * one request at a time per host with a pause between them, conditional requests (the caller hands
 * back the ETag and Last-Modified it was given), a time limit for the whole answer, a size limit
 * checked while reading, a redirect limit, and a User-Agent that says who is asking. Every failure
 * is a value with a plain reason; nothing here throws.
 */

/** ASCII only: header values are bytes. */
export const USER_AGENT = 'nianbao/1.0 (nianbao annual-report watcher; reads each page once, politely)';

export interface FetcherOptions {
  /** Pause between two requests to the same host. */
  pauseMs: number;
  /** For the whole request: connecting, redirects and reading the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  userAgent?: string;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type Fetched =
  | { kind: 'ok'; url: string; bytes: Uint8Array; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; url: string }
  | { kind: 'failed'; url: string; error: string };

export interface Fetcher {
  get(url: string, validators?: Validators | null): Promise<Fetched>;
  /** Requests made so far (redirect hops included). */
  readonly requests: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Refused extends Error {}

async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new Refused(`文件过大（${(declared / 1048576).toFixed(1)} MB，上限 ${maxBytes / 1048576} MB）`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Refused(`文件过大（超过 ${maxBytes / 1048576} MB），已停止下载`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function reasonOf(e: unknown, timeoutMs: number): string {
  if (e instanceof Refused) return e.message;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `超时（${timeoutMs / 1000} 秒内没有读完）`;
  const code = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return `连接失败（${code}）`;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? USER_AGENT;
  const hosts = new Map<string, { tail: Promise<unknown>; lastAt: number }>();
  let requests = 0;

  const polite = async <T>(host: string, work: (pause: () => Promise<void>) => Promise<T>): Promise<T> => {
    const slot = hosts.get(host) ?? { tail: Promise.resolve(), lastAt: 0 };
    hosts.set(host, slot);
    const pause = async () => {
      const wait = slot.lastAt + options.pauseMs - Date.now();
      if (wait > 0) await sleep(wait);
    };
    const run = slot.tail.then(async () => {
      try {
        return await work(pause);
      } finally {
        slot.lastAt = Date.now();
      }
    });
    slot.tail = run.catch(() => undefined);
    return run;
  };

  const get = async (url: string, validators?: Validators | null): Promise<Fetched> => {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return { kind: 'failed', url, error: `网址无效：${url}` };
    }
    return polite(host, async (pause) => {
      const signal = AbortSignal.timeout(options.timeoutMs);
      let current = url;
      try {
        for (let hop = 0; ; hop++) {
          await pause();
          const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,application/pdf,*/*' };
          if (hop === 0 && validators?.etag) headers['if-none-match'] = validators.etag;
          if (hop === 0 && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
          requests++;
          const res = await fetch(current, { headers, redirect: 'manual', signal });
          const hosted = hosts.get(host);
          if (hosted) hosted.lastAt = Date.now();
          if (res.status >= 300 && res.status < 400 && res.status !== 304) {
            await res.body?.cancel();
            const location = res.headers.get('location');
            if (!location) return { kind: 'failed', url, error: `重定向没有目标（HTTP ${res.status}）` };
            if (hop + 1 > maxRedirects) return { kind: 'failed', url, error: `重定向超过 ${maxRedirects} 次` };
            current = new URL(location, current).href;
            continue;
          }
          if (res.status === 304) {
            await res.body?.cancel();
            return { kind: 'not-modified', url: current };
          }
          if (res.status !== 200) {
            await res.body?.cancel();
            const what = res.status === 404 ? '页面不存在' : res.status >= 500 ? '网站服务器出错' : '网站拒绝了请求';
            return { kind: 'failed', url, error: `${what}（HTTP ${res.status}）` };
          }
          const bytes = await readLimited(res, options.maxBytes);
          return {
            kind: 'ok',
            url: current,
            bytes,
            contentType: res.headers.get('content-type'),
            etag: res.headers.get('etag'),
            lastModified: res.headers.get('last-modified'),
          };
        }
      } catch (e) {
        return { kind: 'failed', url, error: reasonOf(e, options.timeoutMs) };
      }
    });
  };

  return {
    get,
    get requests() {
      return requests;
    },
  };
}
