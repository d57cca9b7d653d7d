import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Telegram Bot API on 127.0.0.1 for real telegraf to talk to (apiRoot). It keeps updates,
 * confirms them by offset like Telegram, holds long polls, records every call and sent message,
 * and can be told to fail the next sendMessage with 429 / 500 / a dropped connection. Documents
 * pushed with pushDocument are served by getFile and the download path `/file/bot<token>/<file_path>`.
 */

type Body = Record<string, unknown>;
export type SendFailure = { kind: 'retryAfter'; seconds: number } | { kind: 'serverError' } | { kind: 'drop' };
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left';

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  bot: { id: number; username: string };
  calls: Array<{ method: string; body: Body }>;
  /** sendMessage bodies that were accepted. */
  sent: Body[];
  /** sendPhoto uploads: the chat, the caption and the image bytes (multipart form data, as telegraf sends a buffer). */
  photos: Array<{ chat_id: string; caption: string; png: Buffer }>;
  /** sendDocument uploads: the chat and the file's bytes. */
  documents: Array<{ chat_id: string; bytes: Buffer }>;
  pushMessage(chat: FakeChat, from: { id: number; first_name?: string }, text: string, extra?: Body): number;
  /** Delivers an update again even though it was confirmed, as after a crash before the offset was synced. */
  replay(updateId: number): void;
  failNextSend(failure: SendFailure): void;
  /** A document message; its bytes are served by getFile and the file path. Returns the update id. */
  pushDocument(chat: FakeChat, from: { id: number; first_name?: string }, file: FakeDocument, extra?: Body): number;
  /** Downloads of files so far (file paths), to see a file was or was not fetched. */
  downloads: string[];
  /** The next file download answers 500 (or drops the connection). */
  failNextDownload(kind?: 'serverError' | 'drop'): void;
  setMember(chatId: number, userId: number, status: MemberStatus): void;
  close(): Promise<void>;
}

export interface FakeDocument {
  name: string;
  bytes: Uint8Array;
  caption?: string;
  /** What the message announces as file_size (default: the real size); a lying sender may say less. */
  announcedSize?: number;
  mimeType?: string;
}

const HOLD_MS = 200;
/** getFile refuses larger files, as the real Bot API does. */
const GETFILE_MAX_BYTES = 20 * 1024 * 1024;
const DROPPED = Symbol('dropped');

export async function startFakeTelegram(bot = { id: 7000001, username: 'nianbao_test_bot' }): Promise<FakeTelegram> {
  const token = '7000001:TEST-TOKEN';
  const updates: Array<{ update_id: number } & Body> = [];
  const replays: Array<{ update_id: number } & Body> = [];
  const waiters = new Set<() => void>();
  const failures: SendFailure[] = [];
  const members = new Map<string, MemberStatus>();
  const calls: FakeTelegram['calls'] = [];
  const sent: Body[] = [];
  const photos: FakeTelegram['photos'] = [];
  const documents: FakeTelegram['documents'] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let confirmed = 0;
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  const downloads: string[] = [];
  const downloadFailures: Array<'serverError' | 'drop'> = [];

  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  const pending = () => [...replays.splice(0), ...updates.filter((u) => u.update_id >= confirmed)];

  async function getUpdates(body: Body, res: ServerResponse): Promise<unknown> {
    if (typeof body.offset === 'number' && body.offset > confirmed) confirmed = body.offset;
    let ready = pending();
    if (ready.length === 0 && typeof body.timeout === 'number' && body.timeout > 0) {
      let gone = false;
      res.once('close', () => (gone = true));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HOLD_MS);
        waiters.add(() => (clearTimeout(timer), resolve()));
      });
      // A poll abandoned by a stopped bot must not swallow replayed updates meant for the next one.
      if (gone) return DROPPED;
      ready = pending();
    }
    return typeof body.limit === 'number' ? ready.slice(0, body.limit) : ready;
  }

  function sendMessage(body: Body, res: ServerResponse): unknown {
    const failure = failures.shift();
    if (failure?.kind === 'drop') return (res.socket?.destroy(), DROPPED);
    if (failure?.kind === 'retryAfter') {
      return reply(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${failure.seconds}`,
        parameters: { retry_after: failure.seconds },
      });
    }
    if (failure?.kind === 'serverError') return reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    sent.push(body);
    const chatId = Number(body.chat_id);
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
      from: { ...bot, is_bot: true, first_name: '年报助手' },
      text: body.text,
    };
  }

  const methods: Record<string, (body: Body, res: ServerResponse) => unknown> = {
    getMe: () => ({ ...bot, is_bot: true, first_name: '年报助手', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    deleteWebhook: () => true,
    setWebhook: () => true,
    setMyCommands: () => true,
    getUpdates,
    sendMessage,
    getFile: (body, res) => {
      const file = files.get(String(body.file_id));
      if (!file) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      if (file.bytes.length > GETFILE_MAX_BYTES) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: file is too big' });
      return { file_id: body.file_id, file_unique_id: `u${String(body.file_id)}`, file_size: file.bytes.length, file_path: file.path };
    },
    sendDocument: (body) => {
      documents.push({ chat_id: String(body.chat_id), bytes: body.document as Buffer });
      return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: 'supergroup' }, document: {} };
    },
    sendPhoto: (body) => {
      photos.push({ chat_id: String(body.chat_id), caption: String(body.caption ?? ''), png: body.photo as Buffer });
      return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: 'supergroup' }, photo: [] };
    },
    getChatMember: (body) => ({
      status: members.get(`${body.chat_id}:${body.user_id}`) ?? 'member',
      user: { id: body.user_id, is_bot: false, first_name: 'x' },
    }),
  };

  function download(path: string, res: ServerResponse): void {
    downloads.push(path);
    const failure = downloadFailures.shift();
    if (failure === 'drop') return void res.socket?.destroy();
    const file = [...files.values()].find((f) => f.path === path);
    if (failure === 'serverError' || !file) return void res.writeHead(failure ? 500 : 404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length }).end(file.bytes);
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (fileMatch) {
      calls.push({ method: 'download', body: { path: fileMatch[2] } });
      if (fileMatch[1] !== token) return void res.writeHead(404).end();
      return download(decodeURIComponent(fileMatch[2]!), res);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const form = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
    const raw = form ? '' : bytes.toString('utf8');
    const body = (form ? multipart(bytes, form) : raw ? JSON.parse(raw) : {}) as Body;
    const method = match?.[2] ?? '';
    calls.push({ method, body });
    const handler = methods[method];
    if (!match || match[1] !== token || !handler) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const result = await handler(body, res);
    if (result !== DROPPED && !res.writableEnded) reply(res, 200, { ok: true, result });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    sent,
    photos,
    documents,
    pushMessage(chat, from, text, extra = {}) {
      const update = buildUpdate(nextUpdateId++, nextMessageId++, chat, from, text, extra);
      updates.push(update);
      wake();
      return update.update_id;
    },
    pushDocument(chat, from, file, extra = {}) {
      const fileId = `doc${files.size + 1}`;
      files.set(fileId, { path: `documents/file_${files.size + 1}${/\.[A-Za-z0-9]+$/.exec(file.name)?.[0] ?? ''}`, bytes: file.bytes });
      const document = {
        file_id: fileId,
        file_unique_id: `u${fileId}`,
        file_name: file.name,
        mime_type: file.mimeType ?? 'application/octet-stream',
        file_size: file.announcedSize ?? file.bytes.length,
      };
      const message = { document, ...(file.caption === undefined ? {} : { caption: file.caption }), ...extra };
      const update = buildUpdate(nextUpdateId++, nextMessageId++, chat, from, '', message);
      delete (update.message as Body).text;
      updates.push(update);
      wake();
      return update.update_id;
    },
    downloads,
    failNextDownload: (kind = 'serverError') => void downloadFailures.push(kind),
    replay(updateId) {
      const update = updates.find((u) => u.update_id === updateId);
      if (!update) throw new Error(`no update ${updateId}`);
      replays.push(update);
      wake();
    },
    failNextSend: (failure) => void failures.push(failure),
    setMember: (chatId, userId, status) => void members.set(`${chatId}:${userId}`, status),
    close: () =>
      new Promise<void>((resolve) => {
        wake();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A text-message update as Telegram sends it (also for posting to a webhook). */
export function buildUpdate(updateId: number, messageId: number, chat: FakeChat, from: { id: number; first_name?: string }, text: string, extra: Body = {}) {
  const message = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, first_name: 'User', ...from }, text, ...extra };
  return { update_id: updateId, message };
}

function reply(res: ServerResponse, status: number, payload: unknown): undefined {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  return undefined;
}

/** The fields of a multipart/form-data body: text fields as strings, files as bytes. */
function multipart(bytes: Buffer, boundary: string): Body {
  const body: Body = {};
  const delimiter = Buffer.from(`--${boundary.replace(/^"|"$/g, '')}`);
  let at = bytes.indexOf(delimiter);
  while (at >= 0) {
    const next = bytes.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = bytes.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name) body[name] = /filename=/.test(head) ? Buffer.from(content) : content.toString('utf8');
    at = next;
  }
  return body;
}
