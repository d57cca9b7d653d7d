import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APOLOGY } from '../bot/core/handle.js';
import type { Incoming, Pipeline } from '../bot/types.js';
import type { Logger } from '../logger.js';

/** The largest request body accepted; a question is a line of text. */
const MAX_BODY = 16 * 1024;

export interface HttpDeps {
  pipeline: Pipeline;
  health(): Record<string, unknown>;
  log: Logger;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
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

/**
 * POST /ask {"question", "chat"?} → `{kind, text, rows}`: the answer JSON of `ask --json` for a question,
 * kind `help`/`command`/`refused` for what the pipeline says itself; 204 when it says nothing.
 * GET /healthz → status. node:http only.
 */
export function createHttpServer(deps: HttpDeps): Server {
  return createServer(async (req, res) => {
    try {
      if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { ok: true, ...deps.health() });
      if (req.url !== '/ask') return send(res, 404, { error: '没有这个地址：请用 POST /ask 或 GET /healthz' });
      if (req.method !== 'POST') return send(res, 405, { error: '请用 POST /ask，正文为 {"question":"…"}' });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { error: '请求太大' });
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
      const reply = await deps.pipeline.handle(toIncoming(req, question), { conversation: chat ?? null });
      if (!reply) return void res.writeHead(204).end();
      const answer = { kind: reply.kind, text: reply.text, rows: reply.rows };
      if (reply.retryAfterSeconds === undefined) return send(res, 200, answer);
      send(res, 429, answer, { 'retry-after': String(reply.retryAfterSeconds) });
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
