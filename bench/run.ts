import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { buildCorpus, corpusKey, prepare, type Corpus } from './corpus.js';
import type { AnswerResult } from './phases/answer.js';
import type { Job } from './phases/common.js';
import { progressBar } from './phases/common.js';
import type { FilesResult } from './phases/files.js';
import type { IngestResult } from './phases/ingest.js';
import type { CorpusCheck, ThroughputResult } from './phases/parse.js';
import type { PlanResult } from './phases/plan.js';
import type { WorstCaseResult } from './phases/worst.js';
import { hotSpots, mainProfile, workerProfile, type HotSpot } from './profile.js';
import { medianOf, peakRssMb, round } from './stats.js';

/**
 * `npm run bench`: builds a synthetic national corpus from the bundled reports and measures parse,
 * ingest, answer and reminder planning on it, each phase in its own process (its peak RSS is its
 * own). Prints a table, or one JSON document with --json. Speed is measured here, never asserted
 * in tests.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const SEEDS = join(ROOT, 'samples', 'reports');

const PHASES = ['floor', 'parse', 'workers', 'worst', 'files', 'ingest', 'answer', 'plan'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  reports: number;
  years: number;
  lastYear: number;
  seed: number;
  questions: number;
  workers: number;
  runs: number;
  phases: Phase[];
  dir?: string;
  keep: boolean;
  json: boolean;
  profile: boolean;
  progress: boolean;
}

const int = (min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer ≥ ${min}`);
  return n;
};

function parseArgs(argv: string[]): Options {
  const program = new Command('bench')
    .description('Benchmarks at national scale: parse, ingest, answer and plan reminders on a synthetic corpus')
    .option('--reports <n>', 'reports per year (= organisations that file)', int(1), 2000)
    .option('--years <n>', 'years of reports (5 × 40000 = 200,000 reports)', int(1), 1)
    .option('--last-year <y>', 'the newest report year', int(2019), 2024)
    .option('--seed <n>', 'corpus and question seed', int(0), 1)
    .option('--questions <n>', 'questions in the answer mix', int(5), 500)
    .option('--workers <n>', 'worker threads for the parallel parse', int(1), availableParallelism())
    .option('--runs <n>', 'repeat the measurements (same corpus, fresh database) and report medians', int(1), 1)
    .option('--phases <list>', `comma-separated subset of ${PHASES.join(',')}`, (v) => {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((p) => !(PHASES as readonly string[]).includes(p));
      if (bad.length > 0) throw new InvalidArgumentError(`unknown phase ${bad.join(', ')}`);
      return list as Phase[];
    })
    .option('--dir <path>', 'corpus folder (reused when it holds the same corpus; kept)')
    .option('--keep', 'keep the generated corpus and databases', false)
    .option('--json', 'print one JSON document on stdout', false)
    .option('--profile', 'record a CPU profile of each phase and list its hot spots', false)
    .option('--no-progress', 'no progress bars on stderr');
  program.parse(argv, { from: 'user' });
  const o = program.opts<Omit<Options, 'phases'> & { phases?: Phase[] }>();
  return { ...o, phases: o.phases ?? [...PHASES] };
}

interface ChildOutcome<T> {
  result: T;
  rss_mb: number;
  hot?: HotSpot[];
  /** The busiest other thread (parse workers, tsx's loader when there are none). */
  workerHot?: HotSpot[];
}

function runChild<T>(job: Job, profileDir: string | null): Promise<ChildOutcome<T>> {
  const execArgv = [...process.execArgv];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', profileDir);
  }
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let outcome: { ok: true; result: T; rss_mb: number } | { ok: false; error: string } | null = null;
    child.on('message', (m: typeof outcome) => (outcome = m));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!outcome) return reject(new Error(`${job.phase}: the phase process exited with ${code} and no result`));
      if (!outcome.ok) return reject(new Error(`${job.phase} failed:\n${outcome.error}`));
      const prof = profileDir ? mainProfile(profileDir) : null;
      const worker = profileDir ? workerProfile(profileDir) : null;
      resolve({
        result: outcome.result,
        rss_mb: outcome.rss_mb,
        hot: prof ? hotSpots(prof, ROOT) : undefined,
        workerHot: worker ? hotSpots(worker, ROOT) : undefined,
      });
    });
    child.send(job);
  });
}

const log = (opts: Options, line: string) => {
  if (opts.progress || !opts.json) process.stderr.write(`${line}\n`);
};

interface RunResult {
  floor?: ThroughputResult;
  parse?: ThroughputResult & { check: CorpusCheck };
  workers?: ThroughputResult & { workers: number };
  /** The real PDFs: nianbao's reader and parse against pdf2json alone. */
  files?: FilesResult;
  ingest?: IngestResult & { by_year: IngestResult['by_year'] };
  /** Answer latency at each database size, keyed by the number of reports on file. */
  answer: Record<string, AnswerResult>;
  plan?: PlanResult;
  worst?: WorstCaseResult;
  rss_mb: Record<string, number>;
  hot: Record<string, HotSpot[]>;
}

async function measure(opts: Options, corpus: Corpus, work: string, run: number): Promise<RunResult> {
  const years = corpus.years;
  const db = join(work, `run${run}.db`);
  const out: RunResult = { answer: {}, rss_mb: {}, hot: {} };
  const prof = (name: string) => (opts.profile ? join(work, 'profiles', `${name}-run${run}`) : null);
  const phase = async <T>(name: string, job: Job): Promise<T> => {
    const t0 = performance.now();
    const r = await runChild<T>(job, prof(name));
    out.rss_mb[name] = Math.max(out.rss_mb[name] ?? 0, r.rss_mb);
    if (r.hot) out.hot[name] = r.hot;
    if (r.workerHot && (name === 'ingest' || name === 'parse_workers')) out.hot[`${name} (worker thread)`] = r.workerHot;
    log(opts, `  ${name.padEnd(13)} done in ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${r.rss_mb} MB`);
    return r.result;
  };
  const base = { dir: corpus.dir, progress: opts.progress };
  const has = (p: Phase) => opts.phases.includes(p);

  if (has('floor')) out.floor = await phase('floor', { ...base, phase: 'floor', years });
  if (has('parse')) out.parse = await phase('parse', { ...base, phase: 'parse', years });
  if (has('workers')) out.workers = await phase('parse_workers', { ...base, phase: 'parse-workers', years, workers: opts.workers });
  if (has('files')) out.files = await phase('files', { phase: 'files' });
  if (has('worst')) out.worst = await phase('worst', { ...base, phase: 'worst', sizesMb: [1, 4, 15] });

  if (has('ingest')) {
    const now = `${corpus.years.at(-1)! + 1}-06-01T10:00:00+08:00`;
    const askAt = async () => {
      if (!has('answer')) return;
      const a = await phase<AnswerResult>('answer', { ...base, phase: 'answer', db, questions: opts.questions, seed: opts.seed, now });
      out.answer[String(a.reports_in_db)] = a;
    };
    // One year first (a national year is ~40,000 reports), answers at that size, then the rest.
    const first = await phase<IngestResult>('ingest', { ...base, phase: 'ingest', db, years: years.slice(0, 1), now });
    let ingest = first;
    await askAt();
    if (years.length > 1) {
      const rest = await phase<IngestResult>('ingest', { ...base, phase: 'ingest', db, years: years.slice(1), now });
      const seconds = first.seconds + rest.seconds;
      const reports = first.reports + rest.reports;
      const findings = rest.findings;
      ingest = {
        ...rest,
        reports,
        seconds,
        reports_per_s: reports / seconds,
        stored: first.stored + rest.stored,
        rejected: first.rejected + rest.rejected,
        by_year: [...first.by_year, ...rest.by_year],
        findings,
        rejected_examples: [...first.rejected_examples, ...rest.rejected_examples].slice(0, 5),
      };
      await askAt();
    }
    out.ingest = ingest;
    if (has('plan')) out.plan = await phase('plan', { ...base, phase: 'plan', db, year: years.at(-1)!, seed: opts.seed });
  }
  if (!opts.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  return out;
}

const TARGETS = {
  parse_reports_per_s: 2000,
  floor_ratio: 10,
  /** 40,000 reports in 60 s. */
  ingest_reports_per_s: 40000 / 60,
  answer_p99_ms: 20,
  /** The first question after the organisation list changes, at 40,000 organisations. */
  answer_first_ms: 300,
  /** A national top 10 and 「哪些镇还没交」 over all organisations. */
  national_ms: 100,
  plan_seconds: 1,
  /** Any pathological input up to the 16 MB limit (bench/pathological.ts). */
  worst_case_s: 2,
  rss_mb: 1024,
};

function summarize(opts: Options, corpus: Corpus, runs: RunResult[], generateSeconds: number, generateRss: number) {
  const m = <T>(pick: (r: RunResult) => T | undefined): T | undefined => {
    const vals = runs.map(pick).filter((v): v is T => v !== undefined);
    return vals.length > 0 ? medianOf(vals) : undefined;
  };
  const floor = m((r) => r.floor);
  const parse = m((r) => (r.parse ? { ...r.parse, check: undefined } : undefined));
  const workers = m((r) => r.workers);
  const ingest = m((r) => (r.ingest ? { ...r.ingest, by_year: undefined, findings: undefined, rejected_examples: undefined } : undefined));
  const sizes = Object.keys(runs[0]?.answer ?? {});
  const answerAt: Record<string, Omit<AnswerResult, 'misunderstood_examples'>> = {};
  for (const size of sizes) {
    const a = m((r): Omit<AnswerResult, 'misunderstood_examples'> | undefined => {
      if (!r.answer[size]) return undefined;
      const { misunderstood_examples: _, ...rest } = r.answer[size]!;
      return rest;
    });
    if (a) answerAt[size] = a;
  }
  const largest = sizes.sort((a, b) => Number(a) - Number(b)).at(-1);
  const answer = largest ? answerAt[largest] : undefined;
  const plan = m((r) => r.plan);
  const files = m((r) => r.files);
  // The slowest run of the slowest input: a worst case is not averaged away.
  const worstRuns = runs.map((r) => r.worst).filter((w): w is WorstCaseResult => w !== undefined);
  const worst = worstRuns.length > 0 ? worstRuns.reduce((a, b) => (b.worst_case_s > a.worst_case_s ? b : a)) : undefined;
  const rssKeys = [...new Set(runs.flatMap((r) => Object.keys(r.rss_mb)))];
  const rss: Record<string, number> = { generate: generateRss };
  for (const k of rssKeys) rss[k] = Math.max(...runs.map((r) => r.rss_mb[k] ?? 0));
  const floorRatio = floor && parse ? floor.reports_per_s / parse.reports_per_s : undefined;
  const ingest40k = ingest ? 40000 / ingest.reports_per_s : undefined;

  const doc = {
    reports: corpus.totalFiles,
    organisations: corpus.organisations,
    regions: corpus.regions,
    years: corpus.years,
    runs: runs.length,
    seed: opts.seed,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', mem_gb: round(totalmem() / 2 ** 30, 0), node: process.version },
    corpus: { mb: round(corpus.totalBytes / 1048576, 1), generate_s: round(generateSeconds, 1), counts: corpus.counts, excluded: corpus.excluded },
    parse: (parse || worst) && {
      worst_case_s: worst ? round(worst.worst_case_s, 2) : null,
      worst_case: worst?.inputs ?? null,
      ...(parse && {
        reports_per_s: round(parse.reports_per_s, 0),
        mb_per_s: round(parse.mb_per_s, 2),
        floor_ratio: floorRatio === undefined ? null : round(floorRatio, 1),
        workers_reports_per_s: workers ? round(workers.reports_per_s, 0) : null,
        workers: workers?.workers ?? null,
        floor_reports_per_s: floor ? round(floor.reports_per_s, 0) : null,
        floor_mb_per_s: floor ? round(floor.mb_per_s, 1) : null,
      }),
    },
    ingest: ingest && {
      seconds: round(ingest.seconds, 1),
      reports_per_s: round(ingest.reports_per_s, 0),
      db_bytes_per_report: round(ingest.db_bytes_per_report, 0),
      db_mb: round(ingest.db_bytes / 1048576, 0),
      seconds_per_40000: round(ingest40k!, 1),
      by_year: runs.at(-1)!.ingest!.by_year.map((y) => ({ ...y, seconds: round(y.seconds, 1) })),
      rejected: ingest.rejected,
      findings: runs.at(-1)!.ingest!.findings,
    },
    answer: answer && {
      p50_ms: answer.p50_ms,
      p95_ms: answer.p95_ms,
      p99_ms: answer.p99_ms,
      at: answerAt,
      misunderstood_examples: runs.at(-1)!.answer[largest!]?.misunderstood_examples ?? [],
    },
    plan: plan && { ...plan, seconds: round(plan.seconds, 3), planning_s: round(plan.planning_s, 3) },
    files,
    rss_mb: rss,
    checks: runs.at(-1)!.parse?.check,
    targets: {
      parse_per_core: parse ? parse.reports_per_s >= TARGETS.parse_reports_per_s : null,
      parse_worst_case: worst ? worst.worst_case_s <= TARGETS.worst_case_s : null,
      floor_ratio: floorRatio === undefined ? null : floorRatio <= TARGETS.floor_ratio,
      ingest_40000_in_60s: ingest ? ingest.reports_per_s >= TARGETS.ingest_reports_per_s : null,
      answer_p99: answer ? answer.p99_ms <= TARGETS.answer_p99_ms : null,
      answer_first: answer ? answer.first_ms <= TARGETS.answer_first_ms : null,
      national_top10: answer?.national.rank_top10 ? answer.national.rank_top10.ms <= TARGETS.national_ms : null,
      national_missing: answer?.national.missing_all ? answer.national.missing_all.ms <= TARGETS.national_ms : null,
      plan_1s: plan ? plan.seconds <= TARGETS.plan_seconds : null,
      rss_1gb: Object.values(rss).every((v) => v <= TARGETS.rss_mb),
    },
    hot_spots: opts.profile ? runs.at(-1)!.hot : undefined,
  };
  return doc;
}

type Doc = ReturnType<typeof summarize>;

function printTable(doc: Doc): void {
  const rows: Array<[string, string, string, string]> = [];
  const ok = (b: boolean | null | undefined) => (b === null || b === undefined ? '' : b ? 'met' : 'MISSED');
  const f = (x: number | null | undefined, d = 0) =>
    x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  if (doc.parse?.worst_case_s !== null && doc.parse?.worst_case_s !== undefined) {
    rows.push(['parse, worst input', `${f(doc.parse.worst_case_s, 2)} s`, '≤ 2 s', ok(doc.targets.parse_worst_case)]);
  }
  if (doc.parse?.reports_per_s !== undefined) {
    rows.push([
      'parse, 1 core',
      `${f(doc.parse.reports_per_s)} reports/s, ${f(doc.parse.mb_per_s, 1)} MB/s`,
      '≥ 2,000 reports/s',
      ok(doc.targets.parse_per_core),
    ]);
    rows.push(['read+decode floor', `${f(doc.parse.floor_reports_per_s)} reports/s, ${f(doc.parse.floor_mb_per_s, 1)} MB/s`, '', '']);
    rows.push(['parse / floor', `${f(doc.parse.floor_ratio, 1)}×`, '≤ 10×', ok(doc.targets.floor_ratio)]);
    if (doc.parse.workers_reports_per_s !== null) rows.push([`parse, ${doc.parse.workers} threads`, `${f(doc.parse.workers_reports_per_s)} reports/s`, '', '']);
  }
  if (doc.ingest) {
    rows.push(['ingest', `${f(doc.ingest.reports_per_s)} reports/s (${f(doc.ingest.seconds, 1)} s)`, '40,000 in ≤ 60 s', ok(doc.targets.ingest_40000_in_60s)]);
    rows.push(['  40,000 reports', `${f(doc.ingest.seconds_per_40000, 1)} s`, '', '']);
    rows.push(['  database', `${f(doc.ingest.db_bytes_per_report / 1024, 1)} KB/report (${f(doc.ingest.db_mb)} MB)`, '', '']);
  }
  if (doc.answer) {
    for (const [size, a] of Object.entries(doc.answer.at)) {
      rows.push([
        `answer @ ${Number(size).toLocaleString('en-US')}`,
        `p50 ${f(a.p50_ms, 2)} / p95 ${f(a.p95_ms, 2)} / p99 ${f(a.p99_ms, 2)} ms`,
        size === String(Math.max(...Object.keys(doc.answer.at).map(Number))) ? 'p99 ≤ 20 ms' : '',
        '',
      ]);
      for (const [kind, k] of Object.entries(a.by_kind)) rows.push([`  ${kind}`, `p50 ${f(k.p50_ms, 2)} / p99 ${f(k.p99_ms, 2)} ms`, '', '']);
      const isLargest = size === String(Math.max(...Object.keys(doc.answer.at).map(Number)));
      rows.push(['  first question', `${f(a.cold_ms, 0)} ms (builds the name index)`, '', '']);
      rows.push([
        '  after a new town',
        `${f(a.first_ms, 0)} ms (then ${f(a.first_after_removal_ms, 0)} ms when it goes)`,
        isLargest ? '≤ 300 ms' : '',
        isLargest ? ok(doc.targets.answer_first) : '',
      ]);
      for (const [label, n] of Object.entries(a.national)) {
        const target =
          isLargest && label === 'rank_top10' ? doc.targets.national_top10 : isLargest && label === 'missing_all' ? doc.targets.national_missing : undefined;
        rows.push([
          `  national ${label}`,
          `${f(n.ms, 0)} ms, again ${f(n.again_ms, 0)} ms (${n.kind}, ${f(n.chars)} chars)`,
          target === undefined ? '' : '≤ 100 ms',
          ok(target),
        ]);
      }
      if (a.misunderstood > 0) rows.push(['  misunderstood', `${a.misunderstood} of ${a.questions}`, '', '']);
    }
    const last = rows.findIndex((r) => r[2] === 'p99 ≤ 20 ms');
    if (last >= 0) rows[last]![3] = ok(doc.targets.answer_p99);
  }
  if (doc.files) {
    const x = doc.files;
    rows.push([
      `PDF read+parse, ${x.files} real files`,
      `${f(x.reader_and_parse.ms_per_file, 1)} ms/file (${f(x.reader_and_parse.files_per_s, 1)}/s); pdf2json alone ${f(x.library.ms_per_file, 1)} ms`,
      'overhead ≤ 50 %',
      x.overhead_ratio <= 0.5 ? 'met' : 'MISSED',
    ]);
    rows.push([
      `.docx read+parse, ${x.docx.files} seeds`,
      `${f(x.docx.reader_and_parse.ms_per_file, 1)} ms/file (${f(x.docx.reader_and_parse.files_per_s, 1)}/s); mammoth alone ${f(x.docx.library.ms_per_file, 1)} ms`,
      'overhead ≤ 50 %',
      x.docx.overhead_ratio <= 0.5 ? 'met' : 'MISSED',
    ]);
  }
  if (doc.plan) {
    rows.push([
      `plan, ${f(doc.plan.roster)} orgs`,
      `${f(doc.plan.seconds, 2)} s (remind ${f(doc.plan.parts.remind_s, 2)}, escalate ${f(doc.plan.parts.escalate_s, 2)}, check ${f(doc.plan.parts.check_s, 2)})`,
      '≤ 1 s',
      ok(doc.targets.plan_1s),
    ]);
    rows.push(['  without reads', `${f(doc.plan.planning_s, 2)} s (reading roster and reports: ${f(doc.plan.parts.load_s, 2)} s)`, '', '']);
  }
  rows.push([
    'peak RSS',
    Object.entries(doc.rss_mb)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') + ' MB',
    '≤ 1,024 MB each',
    ok(doc.targets.rss_1gb),
  ]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(w[i]! - [...c].length))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    `nianbao bench: ${doc.reports.toLocaleString('en-US')} reports (${doc.organisations.toLocaleString('en-US')} organisations in ${doc.regions.toLocaleString('en-US')} counties, years ${doc.years.join(', ')}), ` +
      `${doc.corpus.mb} MB; ${doc.runs} run${doc.runs > 1 ? 's (medians)' : ''}; ${doc.machine.cpus} × ${doc.machine.model.trim()}, Node ${doc.machine.node}\n\n`,
  );
  process.stdout.write(`${line(['phase', 'measured', 'target', ''])}\n${rows.map(line).join('\n')}\n`);
  const c = doc.checks;
  if (c) {
    process.stdout.write(
      `\ncorpus check: ${c.refused} refused, ${c.wrong_identity} wrong name/county/year, ${c.wrong_format} wrong format; ` +
        `broken on purpose ${c.broken_expected}, sum errors found ${c.broken_found} (missed ${c.sums_missed}, false ${c.sums_false}; ${c.sums_on_truncated} more on truncated reports); ` +
        `outdated ${c.outdated_found}/${c.outdated_expected}, late ${c.late_found}/${c.late_expected}, truncated flagged ${c.truncated_flagged}/${c.truncated_expected}\n`,
    );
    for (const e of c.examples) process.stdout.write(`  ${e}\n`);
  }
  if (doc.hot_spots) {
    for (const [phase, list] of Object.entries(doc.hot_spots)) {
      process.stdout.write(`\nhot spots, ${phase} (self time):\n`);
      for (const h of list) process.stdout.write(`  ${String(h.self_pct).padStart(5)}%  ${h.fn}  ${h.where}\n`);
    }
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const corpusDir = opts.dir ?? join(work, 'corpus');
  const reuse = opts.dir !== undefined && existsSync(join(opts.dir, 'corpus.json'));
  const cleanup = () => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    log(opts, `corpus ${corpusKey({ ...opts })} in ${corpusDir}${reuse ? ' (reusing if it matches)' : ''}`);
    const t0 = performance.now();
    const total = opts.reports * opts.years;
    const bar = progressBar(opts.progress, 'generate', total);
    let shown = 0;
    const prep = prepare(SEEDS);
    for (const e of prep.excluded) log(opts, `  left out: ${e}`);
    const corpus = buildCorpus(
      {
        dir: corpusDir,
        reports: opts.reports,
        years: opts.years,
        lastYear: opts.lastYear,
        seed: opts.seed,
        seedsDir: SEEDS,
        onProgress: (done) => (bar.tick(done - shown), (shown = done)),
      },
      prep,
    );
    bar.stop();
    const generateSeconds = (performance.now() - t0) / 1000;
    const generateRss = peakRssMb();
    log(opts, `  ${corpus.totalFiles} files, ${(corpus.totalBytes / 1048576).toFixed(0)} MB, ${generateSeconds.toFixed(1)} s`);
    const runs: RunResult[] = [];
    for (let i = 1; i <= opts.runs; i++) {
      log(opts, `run ${i} of ${opts.runs}`);
      runs.push(await measure(opts, corpus, work, i));
    }
    const doc = summarize(opts, corpus, runs, generateSeconds, generateRss);
    // Medians of an even number of runs are means of two: three decimals are plenty.
    if (opts.json) process.stdout.write(`${JSON.stringify(doc, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 3) : v))}\n`);
    else printTable(doc);
    if (opts.keep) log(opts, `kept: ${work}${opts.dir ? ` and ${opts.dir}` : ''}`);
  } finally {
    cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
