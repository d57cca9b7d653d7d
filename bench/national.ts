/**
 * Times the national questions of the answer phase on a database kept by `npm run bench -- --keep`
 * (or any nianbao database), each in this fresh process, the first time and again, in wall and CPU
 * time: the quick way to see what one change to a national answer is worth without a new ingest.
 *
 *   npx tsx bench/national.ts <db> [--question <n>] [--profile <file.cpuprofile>] [--now <ISO>]
 *
 * --profile records the first asking of the question(s) (V8 CPU profile, readable in Chrome's
 * DevTools); --question picks one of the list below by its index.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { openApp } from '../src/app.js';
import { answerQuestion } from '../src/bot/core/handle.js';
import { loadConfig } from '../src/config.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { question: { type: 'string' }, profile: { type: 'string' }, now: { type: 'string' } },
});
const db = positionals[0];
if (!db) {
  console.error('usage: npx tsx bench/national.ts <db> [--question <n>] [--profile <file>] [--now <ISO>]');
  process.exit(2);
}
const loaded = loadConfig({ NIANBAO_DB: db });
if (!loaded.ok) throw new Error(loaded.message);
const now = new Date(values.now ?? new Date().toISOString());
const app = openApp(loaded.config, { now: () => now });
try {
  const deps = app.coreDeps;
  const orgs = app.stores.reports.listOrgs();
  const year = app.stores.reports.years().at(-1);
  if (orgs.length === 0 || year === undefined) throw new Error('the database holds no reports');
  const timed = (q: string) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const answer = answerQuestion(deps, q, now);
    const used = process.cpuUsage(cpu);
    return { ms: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000), answer };
  };
  // As in the answer phase: the organisation index is built and a few questions asked first.
  console.log(`first question (builds the index): ${timed(`${orgs[0]!.name}${year}年依申请公开多少件`).ms} ms`);
  for (const o of orgs.slice(1, 26)) answerQuestion(deps, `${o.name}${year}年行政许可多少件`, now);

  const questions = [`${year}年依申请公开前10名`, '哪些镇还没交', '谁逾期没交', '哪些镇逾期了', '哪些报告不完整'];
  const asked = values.question === undefined ? questions : [questions[Number(values.question)]!];
  const session = values.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const firsts = asked.map((q) => ({ q, first: timed(q) }));
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(values.profile!, JSON.stringify(profile));
  }
  for (const { q, first } of firsts) {
    const again = timed(q);
    console.log(
      `${q}: first ${first.ms} ms (cpu ${first.cpuMs}), again ${again.ms} ms (cpu ${again.cpuMs}); ${first.answer.kind}, ${first.answer.text.length} characters`,
    );
  }
} finally {
  app.close();
}
