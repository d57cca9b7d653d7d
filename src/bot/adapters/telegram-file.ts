import { TelegramError, type Telegram } from 'telegraf';
import type { Document } from 'telegraf/types';
import type { IncomingFile } from '../types.js';

/**
 * A Telegram document as an IncomingFile: getFile through telegraf, then the download from the Bot
 * API's file path, read with a byte limit (a lying file_size cannot make us hold more) and a time limit.
 */

/** The Bot API serves files up to 20 MB through getFile. */
export const TELEGRAM_MAX_FILE_BYTES = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The body, or 'too_large' as soon as it passes `max` bytes (a lying file_size cannot make us hold more). */
export async function readLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | 'too_large'> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function telegramFile(telegram: Telegram, doc: Document, max = TELEGRAM_MAX_FILE_BYTES): IncomingFile {
  return {
    name: doc.file_name ?? 'file',
    ...(doc.file_size === undefined ? {} : { size: doc.file_size }),
    async fetch() {
      let link: URL;
      try {
        link = await telegram.getFileLink(doc.file_id);
      } catch (err) {
        // The Bot API refuses getFile above 20 MB, whatever the message said the size was.
        if (err instanceof TelegramError && /file is too big/i.test(err.description)) return 'too_large';
        throw err;
      }
      const res = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`file download: HTTP ${res.status}`);
      return readLimited(res.body, max);
    },
  };
}
