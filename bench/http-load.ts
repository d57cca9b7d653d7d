import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Command } from 'commander';
import { openDb } from '../db/client.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { parseRosterCsv } from '../src/jobs/roster-csv.js';
import { buildCorpus } from './corpus.js';
import { latencySummary } from './stats.js';

/**
 * The HTTP entry under a bounded load on 127.0.0.1 (issue 16): `npx tsx bench/http-load.ts`.
 * A synthetic corpus is ingested, the service runs in its own process, and `concurrency` clients
 * send `requests` requests in all, `heavy` of them only heavy ones (the county page, the
 * spreadsheet, questions over a whole year), the rest light ones (status JSON, a report's page).
 * Meanwhile a probe asks /healthz every 20 ms. Prints the status codes, /healthz latency, the
 * server's event-loop delay and its memory. Measures only; nothing is asserted.
 */

/** /healthz every `everyMs` until told to stop; plain JavaScript, so the thread needs no loader. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const ms = [];
const bad = {};
parentPort.on('message', () => (running = false));
(async () => {
  while (running) {
    const t = performance.now();
    try {
      const res = await fetch(workerData.url);
      await res.arrayBuffer();
      if (res.status !== 200) bad['healthz:' + res.status] = (bad['healthz:' + res.status] || 0) + 1;
    } catch (e) {
      bad['healthz:error'] = (bad['healthz:error'] || 0) + 1;
    }
    ms.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, workerData.everyMs));
  }
  parentPort.postMessage({ ms, bad });
})();
`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./http-server-child.ts', import.meta.url));

const program = new Command('http-load')
  .option('--reports <n>', 'reports per year in the corpus', (v) => Number(v), 400)
  .option('--requests <n>', 'requests in all', (v) => Number(v), 10_000)
  .option('--concurrency <n>', 'clients at once', (v) => Number(v), 200)
  .option('--heavy <n>', 'of them sending heavy requests', (v) => Number(v), 50)
  .option('--json', 'one JSON document')
  .parse();
const opts = program.opts<{ reports: number; requests: number; concurrency: number; heavy: number; json?: boolean }>();

const LAST_YEAR = 2024;
const NOW = '2025-02-20T10:00:00+08:00';
const dir = mkdtempSync(join(tmpdir(), 'nianbao-http-load-'));
const say = (s: string) => process.stderr.write(`${s}\n`);

try {
  say(`corpus: ${opts.reports} reports a year, 2 years …`);
  const corpus = buildCorpus({
    dir: join(dir, 'corpus'),
    reports: opts.reports,
    years: 2,
    lastYear: LAST_YEAR,
    seed: 1,
    seedsDir: join(ROOT, 'samples', 'reports'),
  });
  const db = join(dir, 'nianbao.db');
  const handle = openDb(db);
  const summary = await ingestPaths(handle, [join(corpus.dir, String(LAST_YEAR - 1)), join(corpus.dir, String(LAST_YEAR))]);
  const roster = parseRosterCsv(readFileSync(join(corpus.dir, 'roster.csv'), 'utf8'));
  handle.stores.roster.import(
    roster.rows.map((r) => ({ name: r.name, region: r.region, kind: r.kind, contacts: [] })),
    new Date(NOW),
  );
  const regions = [...new Set(roster.rows.map((r) => r.region).filter((r): r is string => r !== null))];
  const reportIds = handle.sqlite.prepare('SELECT id FROM reports WHERE is_current = 1').pluck().all() as number[];
  handle.close();
  say(`ingested ${summary.stored.length} reports, ${roster.rows.length} organisations in ${regions.length} counties`);

  const child = fork(CHILD, [db, NOW], { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string) => new Promise<T>((resolve) => child.on('message', (m: { type: string }) => m.type === type && resolve(m as T)));
  const { port } = await next<{ port: number }>('ready');
  const base = `http://127.0.0.1:${port}`;
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const region = (i: number) => encodeURIComponent(pick(regions, i * 7919));

  const heavy = (i: number): [string, RequestInit?] => {
    switch (i % 5) {
      case 0:
        return [`/export.xlsx?year=${LAST_YEAR}&region=${region(i)}`];
      case 1:
        return [`/status?year=${LAST_YEAR}&region=${region(i)}`];
      case 2:
        return [`/status?year=${LAST_YEAR - 1}`];
      case 3:
        return ['/ask', { method: 'POST', body: JSON.stringify({ question: `${LAST_YEAR}年依申请公开最多的是哪些单位` }) }];
      default:
        return ['/ask', { method: 'POST', body: JSON.stringify({ question: '哪些报告不完整' }) }];
    }
  };
  const light = (i: number): [string, RequestInit?] =>
    i % 2 === 0 ? [`/status.json?year=${LAST_YEAR}&region=${region(i)}`] : [`/report/${pick(reportIds, i * 31)}`];

  const codes: Record<string, number> = {};
  const heavyMs: number[] = [];
  const lightMs: number[] = [];
  const healthMs: number[] = [];
  let sent = 0;

  // One of each request first: the first question builds the core's indexes, the first page starts
  // its thread and loads echarts. Cold start is not what this measures.
  for (let i = 0; i < 5; i++) {
    const [path, init] = heavy(i);
    await (await fetch(base + path, init)).arrayBuffer();
  }
  await (child.send({ type: 'start' }), next('started'));
  const started = performance.now();
  const client = async (c: number) => {
    const isHeavy = c < opts.heavy;
    while (sent < opts.requests) {
      const i = sent++;
      const [path, init] = isHeavy ? heavy(i) : light(i);
      const t = performance.now();
      try {
        const res = await fetch(base + path, init);
        await res.arrayBuffer();
        codes[res.status] = (codes[res.status] ?? 0) + 1;
      } catch (e) {
        const key = `error:${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`;
        codes[key] = (codes[key] ?? 0) + 1;
      }
      (isHeavy ? heavyMs : lightMs).push(performance.now() - t);
    }
  };
  // The probe runs on a thread of its own: the 200 clients keep this thread busy, and their delays
  // are not the service's.
  const probe = new Worker(PROBE, { eval: true, workerData: { url: `${base}/healthz`, everyMs: 20 } });
  const probeDone = new Promise<{ ms: number[]; bad: Record<string, number> }>((resolve) => probe.once('message', resolve));
  await Promise.all(Array.from({ length: opts.concurrency }, (_, c) => client(c)));
  probe.postMessage('stop');
  const probed = await probeDone;
  await probe.terminate();
  healthMs.push(...probed.ms);
  Object.assign(codes, probed.bad);
  const seconds = (performance.now() - started) / 1000;
  child.send({ type: 'stats' });
  const server = await next<Record<string, unknown>>('stats');
  child.send({ type: 'stop' });

  const result = {
    reports: summary.stored.length,
    requests: opts.requests,
    concurrency: opts.concurrency,
    heavy_clients: opts.heavy,
    seconds: Math.round(seconds * 10) / 10,
    requests_per_s: Math.round(opts.requests / seconds),
    codes,
    healthz: latencySummary(healthMs),
    heavy: latencySummary(heavyMs),
    light: latencySummary(lightMs),
    server,
  };
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    say(`${result.requests} requests (${opts.heavy} of ${opts.concurrency} clients heavy) in ${result.seconds} s, ${result.requests_per_s}/s`);
    say(`status codes: ${JSON.stringify(codes)}`);
    say(`/healthz (every 20 ms, ${result.healthz.n}): p50 ${result.healthz.p50_ms} ms, p99 ${result.healthz.p99_ms} ms, max ${result.healthz.max_ms} ms`);
    say(`heavy: p50 ${result.heavy.p50_ms} ms, p99 ${result.heavy.p99_ms} ms; light: p50 ${result.light.p50_ms} ms, p99 ${result.light.p99_ms} ms`);
    say(`server: ${JSON.stringify(server)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
