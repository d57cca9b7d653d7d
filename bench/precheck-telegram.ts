import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startService } from '../src/service/serve.js';
import { tempDir } from '../test/helpers/db.js';
import { startFakeTelegram, type FakeChat, type FakeTelegram } from '../test/helpers/fake-telegram.js';
import { badInputs } from '../test/precheck/bad-inputs.js';
import { medianOf, round } from './stats.js';

/**
 * Issue 13, measured: from a document message becoming available to the bot (the fake Bot API's
 * getUpdates) to the pre-check reply arriving at sendMessage, for a 5-page PDF, through the whole
 * service (telegraf long polling, getFile, download, bounded reader thread, parse, checks, SQLite
 * record). Run on one core: `taskset -c 0 npx tsx bench/precheck-telegram.ts [runs]`. Then sends
 * every kind of bad file and prints what came back (the table of the closing note).
 */

const RUNS = Number(process.argv[2] ?? 10);
const PDF = readFileSync(new URL('../test/fixtures/files/seeds/zhangjiapo-2021.pdf', import.meta.url));

async function timeReply(fake: FakeTelegram, chat: FakeChat, send: () => void): Promise<{ ms: number; text: string }> {
  const count = () => fake.sent.filter((b) => Number(b.chat_id) === chat.id).length;
  const before = count();
  const start = performance.now();
  send();
  while (count() === before) await new Promise((r) => setTimeout(r, 1));
  return { ms: performance.now() - start, text: String(fake.sent.filter((b) => Number(b.chat_id) === chat.id).at(-1)?.text) };
}

const dir = tempDir('nianbao-bench-precheck-');
const fake = await startFakeTelegram();
const loaded = loadConfig({ NIANBAO_DB: join(dir, 'nianbao.db'), NIANBAO_HTTP_PORT: '0', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
if (!loaded.ok) throw new Error(loaded.message);
mkdirSync(join(dir, 'none'));
const service = await startService({ config: loaded.config, log: silentLogger, console: null, samplesDir: join(dir, 'none'), scheduler: false });
try {
  const times: number[] = [];
  let cold = 0;
  for (let i = 0; i <= RUNS; i++) {
    const chat = { id: 70_000 + i, type: 'private' as const };
    // Bytes after %%EOF change the hash, not the PDF: each run is read, not answered from the record.
    const bytes = Buffer.concat([PDF, Buffer.from(`\n% run ${i}\n`)]);
    const { ms, text } = await timeReply(fake, chat, () => fake.pushDocument(chat, { id: chat.id }, { name: 'zhangjiapo-2021.pdf', bytes }));
    if (!text.includes('预检结果：')) throw new Error(`unexpected reply: ${text}`);
    if (i === 0) cold = ms;
    else times.push(ms);
  }
  console.log(`5-page PDF (zhangjiapo-2021.pdf, ${PDF.length} bytes), document arrives → reply sent:`);
  console.log(`  first file, sent the moment the service started (reader thread still starting): ${round(cold, 0)} ms`);
  console.log(`  next ${RUNS}: median ${round(medianOf(times), 0)} ms, max ${round(Math.max(...times), 0)} ms`);

  console.log('\n| file | what | reply |\n|---|---|---|');
  for (const [i, bad] of badInputs().entries()) {
    const chat = { id: 80_000 + i, type: 'private' as const };
    if (bad.failDownload) fake.failNextDownload();
    const { text } = await timeReply(fake, chat, () =>
      fake.pushDocument(chat, { id: chat.id }, { name: bad.name, bytes: bad.bytes, announcedSize: bad.announcedSize }),
    );
    console.log(`| ${bad.name} | ${bad.what} | ${text.replace(/\n/g, ' ')} |`);
  }
} finally {
  await service.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
