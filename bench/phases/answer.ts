import { openApp } from '../../src/app.js';
import { answerQuestion } from '../../src/bot/core/handle.js';
import { loadConfig } from '../../src/config.js';
import { derive, rng, type Rng } from '../prng.js';
import { latencySummary, round } from '../stats.js';
import { progressBar, type Job } from './common.js';

/**
 * The fixed mix of questions: one kind after another (metric, compare, trend, rank, status), each
 * phrased several ways, about organisations and counties drawn at random from the database.
 * Rank and status are asked of one county, as a county office or a town would; the same kinds
 * asked of the whole country are measured apart (`national`), since their answers list every
 * organisation in China.
 */
export const KINDS = ['metric', 'compare', 'trend', 'rank', 'status'] as const;
type Kind = (typeof KINDS)[number];

interface Org {
  name: string;
  region: string;
}

interface Asked {
  kind: Kind | 'national-rank' | 'national-status';
  q: string;
}

function question(kind: Kind, r: Rng, orgs: Org[], regions: string[], years: number[]): string {
  const o = r.pick(orgs);
  const y = r.pick(years);
  switch (kind) {
    case 'metric':
      return r.pick([
        `${o.name}${y}年依申请公开多少件`,
        `${o.name}${y}年行政许可多少件`,
        `${o.name}${y}年收到几个信息公开申请？`,
        `${o.name}${y}年行政处罚几起`,
      ]);
    case 'compare': {
      // Usually two towns of one county, sometimes from anywhere.
      const sameCounty = orgs.filter((x) => x.region === o.region && x.name !== o.name);
      const b = sameCounty.length > 0 && r.chance(0.8) ? r.pick(sameCounty) : r.pick(orgs);
      return r.pick([`${o.name}和${b.name}${y}年依申请公开各多少件`, `${o.name}与${b.name}${y}年的依申请公开比较`]);
    }
    case 'trend': {
      const from = Math.min(...years);
      const to = Math.max(...years);
      return r.pick([`${o.name}历年依申请公开`, from < to ? `${o.name}${from}到${to}年依申请公开` : `${o.name}每年依申请公开多少`]);
    }
    case 'rank': {
      const region = r.pick(regions);
      return r.pick([`${region}${y}年哪个镇依申请公开最多`, `${region}${y}年各镇主动公开信息排名`, `${region}${y}年行政许可最多的是哪个镇`]);
    }
    case 'status':
      return r.chance(0.5) ? r.pick([`${o.name}${y}年报告有什么问题`, `${o.name}的年报完整吗`]) : `${r.pick(regions)}哪些报告不完整`;
  }
}

export interface AnswerResult {
  reports_in_db: number;
  organisations: number;
  questions: number;
  /** The first question of the process: builds the organisation index from nothing. */
  cold_ms: number;
  /**
   * The first question after the organisation list changes (a new town is added; the service has
   * been answering): the store reads the list again and the index takes in what changed.
   */
  first_ms: number;
  /** The same after the new town is taken out again. */
  first_after_removal_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
  by_kind: Record<string, ReturnType<typeof latencySummary>>;
  /**
   * Questions about all organisations in China: asked once (`ms`, what a user waits for the first
   * time after the database changed) and again (`again_ms`, answers kept for the snapshot).
   */
  national: Record<string, { ms: number; again_ms: number; kind: string; chars: number }>;
  /** The national top 10 asked again after a chat message's own writes (an update seen, a conversation). */
  after_chat_write_ms: number;
  /** Questions answered with another kind than asked (the benchmark would be measuring the wrong thing). */
  misunderstood: number;
  misunderstood_examples: string[];
}

export function runAnswer(job: Extract<Job, { phase: 'answer' }>): AnswerResult {
  const loaded = loadConfig({ NIANBAO_DB: job.db });
  if (!loaded.ok) throw new Error(loaded.message);
  const now = new Date(job.now);
  const app = openApp(loaded.config, { now: () => now });
  const handle = app.db;
  try {
    const deps = app.coreDeps;
    const orgs = handle.sqlite.prepare('SELECT name, region FROM orgs WHERE region IS NOT NULL ORDER BY id').all() as Org[];
    const regions = [...new Set(orgs.map((o) => o.region))];
    const years = (handle.sqlite.prepare('SELECT DISTINCT year FROM reports ORDER BY year').all() as Array<{ year: number }>).map((r) => r.year);
    const reportsInDb = (handle.sqlite.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    const r = rng(derive(job.seed, 0xa5));

    const asked: Asked[] = [];
    for (let i = 0; i < job.questions; i++) {
      const kind = KINDS[i % KINDS.length]!;
      asked.push({ kind, q: question(kind, r, orgs, regions, years) });
    }

    const firstQuestion = `${orgs[0]!.name}${years.at(-1)}年依申请公开多少件`;
    const timed = (q: string) => {
      const s = performance.now();
      const answer = answerQuestion(deps, q, now);
      return { ms: performance.now() - s, answer };
    };
    const coldMs = timed(firstQuestion).ms;
    // Warm-up: the JIT and SQLite's page cache, as in a service that has been running.
    for (const a of asked.slice(0, 25)) answerQuestion(deps, a.q, now);

    const bar = progressBar(job.progress, 'answer', asked.length);
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    let misunderstood = 0;
    const examples: string[] = [];
    for (const a of asked) {
      const s = performance.now();
      const answer = answerQuestion(deps, a.q, now);
      const ms = performance.now() - s;
      all.push(ms);
      byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), ms]);
      if (answer.kind !== a.kind) {
        misunderstood++;
        if (examples.length < 8) examples.push(`${a.q} → ${answer.kind}: ${answer.text.slice(0, 60)}`);
      }
      bar.tick();
    }
    bar.stop();

    const national: AnswerResult['national'] = {};
    const y = years.at(-1)!;
    for (const [label, q] of [
      ['rank_top10', `${y}年依申请公开前10名`],
      ['missing_all', '哪些镇还没交'],
      ['overdue_all', '谁逾期没交'],
      ['late_all', '哪些镇逾期了'],
      ['status_all', '哪些报告不完整'],
    ] as const) {
      const first = timed(q);
      national[label] = { ms: round(first.ms, 1), again_ms: round(timed(q).ms, 1), kind: first.answer.kind, chars: first.answer.text.length };
    }

    // What every chat message writes before its question is answered (the update seen, the
    // conversation): not a report, so the national answers worked out above stay good.
    void handle.stores.seenUpdates.add(`bench:${job.seed}`);
    handle.stores.conversations.save('bench:chat', null, now);
    const afterChatWriteMs = timed(`${y}年依申请公开前10名`).ms;

    // A new town is set up in a county (its organisation row, as an ingest or a roster import
    // would add it), and taken out again: each time the next question finds the list changed.
    const region = orgs[0]!.region;
    handle.sqlite
      .prepare("INSERT INTO orgs (org, name, region, kind, created_at) VALUES (?, ?, ?, 'town', ?)")
      .run(`${region}新设镇人民政府`, '新设镇', region, new Date(job.now).toISOString());
    const firstMs = timed(firstQuestion).ms;
    handle.sqlite.prepare("DELETE FROM orgs WHERE name = '新设镇' AND region = ?").run(region);
    const removalMs = timed(firstQuestion).ms;

    const summary = latencySummary(all);
    return {
      reports_in_db: reportsInDb,
      organisations: orgs.length,
      questions: asked.length,
      cold_ms: round(coldMs, 1),
      first_ms: round(firstMs, 1),
      first_after_removal_ms: round(removalMs, 1),
      p50_ms: summary.p50_ms,
      p95_ms: summary.p95_ms,
      p99_ms: summary.p99_ms,
      max_ms: summary.max_ms,
      mean_ms: summary.mean_ms,
      by_kind: Object.fromEntries([...byKind].map(([k, v]) => [k, latencySummary(v)])),
      national,
      after_chat_write_ms: round(afterChatWriteMs, 1),
      misunderstood,
      misunderstood_examples: examples,
    };
  } finally {
    app.close();
  }
}
