import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APOLOGY } from '../bot/core/handle.js';
import type { Incoming, Pipeline } from '../bot/types.js';
import type { Logger } from '../logger.js';
import type { StatusQuery } from '../status/data.js';
import { allowedHostNames, checkAccess, TOKEN_COOKIE, tokenInQueryMatches, type HttpAccess } from './http-access.js';
import { createGate, type GateLimits } from './http-gate.js';
import type { StatusRoutes } from './status-routes.js';

/** The largest request body accepted; a question is a line of text. */
const MAX_BODY = 16 * 1024;
/** What is read and thrown away of a too-large body so that the 413 reaches the client; beyond it the connection is cut. */
const MAX_DRAIN = 1024 * 1024;

/** Heavy work at once (questions, pages, spreadsheets), waiting places, and how long one may wait. */
export const DEFAULT_LIMITS: GateLimits = { max: 4, queue: 64, waitMs: 10_000 };

const BUSY = '服务繁忙，请稍后再试';
const TIMED_OUT = '服务繁忙，排队超时，请稍后再试';

export interface HttpDeps {
  pipeline: Pipeline;
  health(): Record<string, unknown>;
  log: Logger;
  /** The status page, its JSON, the spreadsheet and the report pages; without them those routes are 404. */
  pages?: StatusRoutes;
  /** Host and token rules; by default loopback names only, no token. */
  access?: HttpAccess;
  limits?: GateLimits;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/** Security headers of every page: nothing loads from elsewhere, no script runs, no framing. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sendPage(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Reads and discards the rest of a body, up to MAX_DRAIN, so the client is still reading when the answer comes. */
function drain(req: IncomingMessage): void {
  let drained = 0;
  req.removeAllListeners('data');
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > MAX_DRAIN) req.destroy();
  });
  req.resume();
}

/** The body as text, or null when it is larger than MAX_BODY (declared or sent). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      drain(req);
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        drain(req);
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * An HTTP request is a message from a private chat with one person per client address: it goes through
 * the same pipeline as the bots' messages. It is a request, not a chat, so it is always answered (a
 * refusal for asking too fast comes as 429 with Retry-After) and cannot be bound to reminders.
 */
function toIncoming(req: IncomingMessage, text: string): Incoming {
  const client = req.socket.remoteAddress ?? 'unknown';
  return { transport: 'http', chatId: client, senderId: client, text, isGroup: false, addressedToBot: true, fromBot: false, receivedAt: new Date() };
}

async function ask(req: IncomingMessage, res: ServerResponse, pipeline: Pipeline): Promise<void> {
  const body = await readBody(req);
  if (body === null) return send(res, 413, { error: `请求太大：正文最多 ${MAX_BODY / 1024} KB` }, { connection: 'close' });
  let parsed: { question?: unknown; chat?: unknown };
  try {
    parsed = (JSON.parse(body) ?? {}) as { question?: unknown; chat?: unknown };
  } catch {
    return send(res, 400, { error: '正文不是有效的 JSON，应为 {"question":"…"}' });
  }
  const { question, chat } = parsed;
  if (typeof question !== 'string') return send(res, 400, { error: '缺少 question 字段' });
  if (chat !== undefined && (typeof chat !== 'string' || chat.length === 0 || chat.length > 200)) {
    return send(res, 400, { error: 'chat 字段应为1到200个字符的字符串（同一段对话用同一个 chat）' });
  }
  // A request stands alone unless it names its conversation (docs/data-contract.md §6.4).
  const reply = await pipeline.handle(toIncoming(req, question), { conversation: chat ?? null });
  if (!reply) return void res.writeHead(204).end();
  const answer = { kind: reply.kind, text: reply.text, rows: reply.rows };
  if (reply.retryAfterSeconds === undefined) return send(res, 200, answer);
  send(res, 429, answer, { 'retry-after': String(reply.retryAfterSeconds) });
}

/** `?year=&region=` of the status routes, or the reason it is not one. */
function statusQuery(url: URL): StatusQuery | string {
  const q: StatusQuery = {};
  const year = url.searchParams.get('year');
  if (year) {
    if (!/^\d{4}$/.test(year) || Number(year) < 2008 || Number(year) > 2100) return `year 应是年份，例如 2026（收到：${year.slice(0, 20)}）`;
    q.year = Number(year);
  }
  const region = url.searchParams.get('region')?.trim();
  if (region) {
    if (region.length > 40) return 'region 太长';
    q.region = region;
  }
  return q;
}

async function page(req: IncomingMessage, res: ServerResponse, url: URL, pages: StatusRoutes): Promise<void> {
  const report = /^\/report\/(\d{1,12})$/.exec(url.pathname);
  if (report) {
    const body = await pages.reportPage(Number(report[1]));
    return body === undefined ? sendPage(res, 404, '<!doctype html><meta charset="utf-8"><p>没有这份年报。</p>') : sendPage(res, 200, body);
  }
  const q = statusQuery(url);
  if (typeof q === 'string') return send(res, 400, { error: q });
  if (url.pathname === '/status') return sendPage(res, 200, await pages.statusPage(q));
  if (url.pathname === '/status.json') return send(res, 200, await pages.statusJson(q), { 'cache-control': 'no-store' });
  const { xlsx, fileName } = await pages.exportXlsx(q);
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${fileName}"`,
    'content-length': xlsx.length,
    'cache-control': 'no-store',
  });
  res.end(Buffer.from(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength));
}

const PAGE_PATHS = new Set(['/status', '/status.json', '/export.xlsx']);
const isPagePath = (path: string) => PAGE_PATHS.has(path) || /^\/report\/\d{1,12}$/.test(path);

/**
 * POST /ask {"question", "chat"?} → `{kind, text, rows}`: the answer JSON of `ask --json` for a question,
 * kind `help`/`command`/`refused` for what the pipeline says itself; 204 when it says nothing.
 * GET /status, /status.json, /export.xlsx, /report/<id>: the county's status (read-only).
 * GET /healthz → status, answered at once whatever else runs: it takes no place in the gate and
 * passes no check. Everything else checks the Host header and the token first, then waits for a
 * place in the gate (429/503 when there is none). node:http only.
 */
export function createHttpServer(deps: HttpDeps): Server {
  const access = deps.access ?? { host: '127.0.0.1', token: null, allowedHosts: [] };
  const names = allowedHostNames(access);
  const gate = createGate(deps.limits ?? DEFAULT_LIMITS);
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true, ...deps.health(), busy: gate.active, waiting: gate.waiting });
      const verdict = checkAccess(req, access, names);
      // Only to a page of this service: the address comes from the request.
      const toPage = isPagePath(url.pathname);
      if (!verdict.ok && verdict.status === 401 && req.method === 'GET' && toPage && tokenInQueryMatches(access, url.searchParams.get('token'))) {
        // A browser's first visit with ?token=: keep it in a cookie and drop it from the address bar.
        url.searchParams.delete('token');
        res.writeHead(303, {
          location: url.pathname + url.search,
          'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(access.token!)}; HttpOnly; SameSite=Strict; Path=/`,
        });
        return void res.end();
      }
      if (!verdict.ok) return send(res, verdict.status, { error: verdict.message }, verdict.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
      const isAsk = url.pathname === '/ask';
      const isPage = deps.pages !== undefined && isPagePath(url.pathname);
      if (!isAsk && !isPage) return send(res, 404, { error: '没有这个地址：请用 POST /ask、GET /status、/status.json、/export.xlsx 或 /healthz' });
      if (isAsk && req.method !== 'POST') return send(res, 405, { error: '请用 POST /ask，正文为 {"question":"…"}' });
      if (isPage && req.method !== 'GET') return send(res, 405, { error: '这个地址只能用 GET 读取' });
      const done = await gate.run(() => (isAsk ? ask(req, res, deps.pipeline) : page(req, res, url, deps.pages!)));
      if (done.ok) return;
      if (isAsk) drain(req);
      if (done.refusal === 'busy') return send(res, 429, { error: BUSY }, { 'retry-after': '5' });
      send(res, 503, { error: TIMED_OUT }, { 'retry-after': '10' });
    } catch (e) {
      deps.log.error({ err: e, url: req.url }, 'http request failed');
      if (!res.headersSent) send(res, 500, { error: APOLOGY.text });
    }
  });
}

export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
