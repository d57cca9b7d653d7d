import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A county portal on 127.0.0.1 for the watcher's tests: pages and files by path, each served with an
 * ETag or a Last-Modified (answering conditional requests with 304), and the ways small government
 * servers fail: an error status, a page that never finishes, a redirect loop, an endless response.
 */

export type Route =
  | { body: string | Uint8Array; type?: string; validator?: 'etag' | 'last-modified' | 'none'; lastModified?: string }
  | { status: number }
  | { redirect: string }
  /** Headers at once, then nothing until the server closes. */
  | { hang: true }
  /** This many bytes, in 1 MB chunks, without a Content-Length. */
  | { endless: number };

export interface PortalRequest {
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
}

export interface FakePortal {
  url: string;
  routes: Map<string, Route>;
  requests: PortalRequest[];
  /** The most requests the server was answering at one time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Wed, 20 Jan 2021 01:30:00 GMT';

export async function startFakePortal(routes: Record<string, Route> = {}): Promise<FakePortal> {
  const table = new Map(Object.entries(routes));
  const requests: PortalRequest[] = [];
  let inFlight = 0;
  let most = 0;
  const server = createServer((req, res) => {
    inFlight++;
    most = Math.max(most, inFlight);
    const path = req.url ?? '/';
    let counted = true;
    const done = (status: number) => {
      requests.push({ path, status, headers: req.headers });
      if (counted) inFlight--;
      counted = false;
    };
    // Answers the client gives up on are not counted as in flight once started: its next request
    // may reach the server before the server sees the abandoned socket close.
    const abandoned = (status: number) => done(status);
    const route = table.get(path);
    const end = (status: number, body?: string | Uint8Array, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers);
      res.end(body);
      done(status);
    };
    if (!route) return end(404, '<html><body>404 页面不存在</body></html>', { 'content-type': 'text/html; charset=utf-8' });
    if ('status' in route) return end(route.status, `<html><body>error ${route.status}</body></html>`, { 'content-type': 'text/html' });
    if ('redirect' in route) return end(302, '', { location: route.redirect });
    if ('hang' in route) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      return void abandoned(0);
    }
    if ('endless' in route) return void (streamEndless(res, route.endless), abandoned(200));
    const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : route.body;
    const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html' };
    const validator = route.validator ?? 'etag';
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (validator === 'etag') {
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) return end(304, undefined, headers);
    } else if (validator === 'last-modified') {
      headers['last-modified'] = route.lastModified ?? LAST_MODIFIED;
      if (req.headers['if-modified-since'] === headers['last-modified']) return end(304, undefined, headers);
    }
    end(200, body, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: table,
    requests,
    maxInFlight: () => most,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamEndless(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  let sent = 0;
  res.writeHead(200, { 'content-type': 'application/pdf' });
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}
