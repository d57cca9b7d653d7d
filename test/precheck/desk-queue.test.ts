import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incoming, IncomingFile } from '../../src/bot/types.js';
import { DEFAULT_CALENDAR } from '../../src/calendar/calendar.js';
import { createBoundedReader, type BoundedReader } from '../../src/ingest/bounded-read.js';
import { createFileDesk } from '../../src/service/precheck-desk.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { jobDeps } from '../jobs/helpers.js';

/** At most two files are read at once per process; the third is told it waits (「正在排队」) and is answered after. */

const log = pino({ level: 'silent' });
const NOW = new Date('2021-01-25T10:00:00+08:00');
const seed = (name: string) => readFileSync(new URL(`../fixtures/files/seeds/${name}`, import.meta.url));

let t: TestDb;
let reader: BoundedReader;
beforeEach(() => {
  t = createTestDb();
  reader = createBoundedReader();
});
afterEach(async () => {
  await reader.close();
  t.dispose();
});

/** The real reader, held at its door until released, counting how many files are inside at once. */
function gatedReader() {
  let inside = 0;
  let most = 0;
  const opened: Array<() => void> = [];
  const gated: BoundedReader = {
    async read(bytes, name) {
      inside++;
      most = Math.max(most, inside);
      await new Promise<void>((resolve) => opened.push(resolve));
      try {
        return await reader.read(bytes, name);
      } finally {
        inside--;
      }
    },
    warm: () => reader.warm(),
    close: () => reader.close(),
  };
  return { gated, most: () => most, waitingAtDoor: () => opened.length, releaseAll: () => opened.splice(0).forEach((r) => r()) };
}

const message = (chatId: string, name: string, bytes: Uint8Array): Incoming & { file: IncomingFile } => ({
  transport: 'telegram',
  chatId,
  senderId: chatId,
  text: '',
  isGroup: false,
  addressedToBot: true,
  fromBot: false,
  receivedAt: NOW,
  file: { name, size: bytes.length, fetch: async () => bytes },
});

describe('the file desk queue', () => {
  it('reads two files at once, tells the third it waits, and answers all three', async () => {
    const gate = gatedReader();
    const desk = createFileDesk({ db: t, calendar: DEFAULT_CALENDAR, admins: [], jobs: jobDeps(t, DEFAULT_CALENDAR, {}), log, reader: gate.gated });
    const notes: Record<string, string[]> = { a: [], b: [], c: [] };
    const send = (chat: 'a' | 'b' | 'c', file: string) => desk.receive(message(chat, file, seed(file)), { note: async (n) => void notes[chat]!.push(n) }, NOW);
    const a = send('a', 'kangzhuang-2020.docx');
    const b = send('b', 'mianyang-2021.docx');
    while (gate.waitingAtDoor() < 2) await new Promise((r) => setTimeout(r, 5));
    const c = send('c', 'zhangjiapo-2021.docx');
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.waitingAtDoor()).toBe(2);
    expect(notes).toEqual({ a: [], b: [], c: ['正在排队：前面还有 2 个文件在检查，轮到后马上回复。'] });
    const release = setInterval(gate.releaseAll, 5);
    try {
      const replies = await Promise.all([a, b, c]);
      expect(replies.map((r) => r.text.split('\n')[0])).toEqual([
        '预检结果：康庄镇人民政府 2020年度报告',
        '预检结果：棉洋镇人民政府 2021年度报告',
        '预检结果：沂源县张家坡镇人民政府 2021年度报告',
      ]);
    } finally {
      clearInterval(release);
    }
    expect(gate.most()).toBe(2);
  });
});
