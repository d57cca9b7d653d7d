import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { MetricKey } from '../src/catalog/index.js';
import { parseReportText } from '../src/parsing/parse-report.js';
import { makeNames, type NameTable } from './names.js';
import { derive, rng, type Rng } from './prng.js';
import { reshape, SHAPES, type Shape } from './shapes.js';
import { loadSeeds, type Part, type SeedSet, type Template } from './template.js';
import { breakableKeys, makeValues, type Values } from './values.js';

/**
 * The synthetic national corpus: every organisation of a roster files one report a year, made from
 * one of the bundled real reports with a new name, county, year, date, figures and prose, in one of
 * the shapes and encodings reports arrive in. Known shares are late, in the outdated 2019 format,
 * truncated, copied from last year, or have a figure that breaks a 勾稽 rule on purpose; the
 * manifest says which, so the parse phase can check that the parser finds exactly those.
 */

export const CORPUS_VERSION = 7;

export interface CorpusOptions {
  dir: string;
  /** Reports per year = organisations that file. */
  reports: number;
  years: number;
  lastYear: number;
  seed: number;
  seedsDir: string;
  /** Called every few hundred files. */
  onProgress?: (done: number, total: number) => void;
}

/** Shares, per report. */
export const SHARES = {
  /** Year ≥ 2021 and still the 2019 tables. */
  outdated: 0.06,
  late: 0.06,
  truncated: 0.03,
  /** One figure off, breaking R1–R4. */
  broken: 0.04,
  /** Prose copied from the same organisation's report of the year before. */
  duplicate: 0.02,
  /** Organisations on the roster that never file (reminders and MISSING have someone to name). */
  nonFiler: 0.02,
} as const;

const SHAPE_WEIGHTS: Record<Shape, number> = { native: 40, pipes: 20, spaces: 20, oneline: 20 };
const ENCODINGS = ['utf-8', 'utf-8-bom-crlf', 'gb18030'] as const;
type Encoding = (typeof ENCODINGS)[number];
const ENCODING_WEIGHTS = [90, 5, 5];
/** zhangjiapo (complete) is the common 2021 template; mianyang's 表三 is cut short. */
const TEMPLATE_WEIGHT: Record<string, number> = { 'mianyang-2021.txt': 15, 'zhangjiapo-2021.txt': 85 };

export interface ReportSpec {
  org: number;
  year: number;
}

export interface Generated {
  bytes: Buffer;
  /** Expectations for the parse check. */
  name: string;
  region: string;
  format: 'gov2019' | 'gov2021';
  template: string;
  shape: Shape;
  encoding: Encoding;
  late: boolean;
  outdated: boolean;
  truncated: boolean;
  broken: boolean;
  duplicate: boolean;
}

export interface Corpus {
  dir: string;
  version: number;
  seed: number;
  reports: number;
  years: number[];
  /** Organisations on the roster (filers and non-filers). */
  organisations: number;
  regions: number;
  totalFiles: number;
  totalBytes: number;
  /** Paths relative to dir, year by year, in ingest order. */
  filesByYear: Record<string, string[]>;
  counts: Record<string, number>;
  /** Template × shape combinations left out because the parser does not read them back exactly. */
  excluded: string[];
  roster: string;
  manifest: string;
}

export interface Prepared {
  seeds: SeedSet;
  /** Shapes each template may be written in. */
  shapes: Map<Template, Shape[]>;
  excluded: string[];
}

function renderParts(parts: readonly Part[], ctx: RenderCtx, out: string[]): void {
  for (const p of parts) {
    if (typeof p === 'string') {
      out.push(p);
      continue;
    }
    switch (p.k) {
      case 'name':
        out.push(ctx.name);
        break;
      case 'bare':
        out.push(ctx.bare);
        break;
      case 'region':
        out.push(ctx.region);
        break;
      case 'year':
        out.push(String(ctx.year + p.d));
        break;
      case 'date':
        out.push(`${ctx.year + 1}年${ctx.date[0]}月${ctx.date[1]}日`);
        break;
      case 'cell': {
        const v = ctx.values.get(p.key);
        if (v === undefined) throw new Error(`no value for ${p.key}`);
        out.push(p.pre, String(v), p.post);
        break;
      }
      case 'recv':
        out.push(String(ctx.values.get('applications.new.total') ?? 0));
        break;
      case 'prose': {
        // A town that had applications (or a review) does not write that it had none.
        const applications = (ctx.values.get('applications.new.total') ?? 0) > 0;
        const review = ['review', 'litigation_direct', 'litigation_after_review'].some((g) => (ctx.values.get(`${g}.total`) ?? 0) > 0);
        const pool = ctx.pool[p.section];
        const n = Math.max(1, p.sentences + ctx.prose.int(3) - 1);
        for (let i = 0; i < n; i++) {
          let s = pool[ctx.prose.int(pool.length)]!;
          const unfit = (x: typeof s) => x.namesLaterYear || (applications && x.saysNoApplications) || (review && x.saysNoReview);
          for (let tries = 0; tries < 50 && unfit(s); tries++) {
            s = pool[ctx.prose.int(pool.length)]!;
          }
          renderParts(s.parts, ctx, out);
        }
        break;
      }
    }
  }
}

interface RenderCtx {
  name: string;
  bare: string;
  region: string;
  year: number;
  date: [number, number];
  values: Values;
  pool: SeedSet['pool'];
  prose: Rng;
}

/** The text of a template with everything filled in, one line per template line. */
export function renderLines(t: Template, ctx: RenderCtx): string[] {
  return t.lines.map((parts) => {
    const out: string[] = [];
    renderParts(parts, ctx, out);
    return out.join('');
  });
}

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  if (encoding === 'utf-8-bom-crlf') return Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`, 'utf8');
  return Buffer.from(text, 'utf8');
}

function distinctValues(t: Template): Values {
  const v: Values = new Map();
  let i = 11;
  for (const k of t.cellKeys) v.set(k, k.endsWith('amount_wan') ? i++ + 0.5 : i++);
  return v;
}

const SUM_CODES = new Set(['T3_BALANCE', 'T3_ROW_TOTAL', 'T3_RESULT_SUM', 'T4_TOTAL']);

/**
 * Loads the seeds and checks every template in every shape by parsing what it produces: the
 * figures written must be the figures read, the organisation, county, year and format must come
 * back, and valid figures must raise no sum error. Combinations that fail are left out (and named).
 */
export function prepare(seedsDir: string): Prepared {
  const seeds = loadSeeds(seedsDir);
  const shapes = new Map<Template, Shape[]>();
  const excluded: string[] = [];
  for (const alts of seeds.templates) {
    let best: { t: Template; ok: Shape[]; problems: string[] } | null = null;
    for (const t of [alts.left, alts.right]) {
      const result = verify(t, seeds.pool);
      if (!best || result.ok.length > best.ok.length) best = { t, ...result };
      if (result.ok.length === SHAPES.length) break;
    }
    excluded.push(...best!.problems);
    if (best!.ok.length > 0) shapes.set(best!.t, best!.ok);
  }
  return { seeds, shapes, excluded };
}

function verify(t: Template, pool: SeedSet['pool']): { ok: Shape[]; problems: string[] } {
  const ok: Shape[] = [];
  const out: string[] = [];
  for (const shape of SHAPES) {
    const problems: string[] = [];
    const valid = makeValues({ format: t.format as 'gov2019', blankKeys: t.blankKeys, seed: 7, org: 3, year: 2024, firstYear: 2020 });
    for (const [label, values] of [
      ['distinct', distinctValues(t)],
      ['valid', valid],
    ] as const) {
      const ctx: RenderCtx = { name: '碧峰镇', bare: '碧峰', region: '青岚县', year: 2024, date: [1, 20], values, pool, prose: rng(11) };
      const text = reshape(renderLines(t, ctx).join('\n'), shape);
      const parsed = parseReportText(text);
      if (!parsed.ok) {
        problems.push(`${label}: ${parsed.error.message}`);
        continue;
      }
      const r = parsed.report;
      if (r.name !== '碧峰镇' || r.region !== '青岚县' || r.year !== 2024 || r.format !== t.format) {
        problems.push(`${label}: read ${r.name}/${r.region}/${r.year}/${r.format}`);
      }
      if (label === 'distinct') {
        const wrong = [...t.cellKeys].filter((k) => r.metrics[k as MetricKey] !== values.get(k));
        if (wrong.length > 0) problems.push(`${wrong.length} cells read back wrong (${wrong.slice(0, 3).join(', ')}…)`);
      } else {
        const sums = r.findings.filter((f) => SUM_CODES.has(f.code));
        if (sums.length > 0) problems.push(`valid figures raise ${sums.map((f) => f.code).join(', ')}`);
      }
    }
    if (problems.length === 0) ok.push(shape);
    else out.push(`${t.file} × ${shape}: ${problems.join('; ')}`);
  }
  return { ok, problems: out };
}

export interface Plan {
  names: NameTable;
  /** Organisation indices that file, in roster order. */
  filers: number[];
  years: number[];
}

/** Who is on the roster and who files: `reports` filers plus about 2% who never do. */
export function planCorpus(reports: number, years: number, lastYear: number, seed: number): Plan {
  const filers: number[] = [];
  const isNonFiler = (i: number) => derive(seed, i, 0xf11e) % 1000 < SHARES.nonFiler * 1000;
  let total = 0;
  while (filers.length < reports) {
    if (!isNonFiler(total)) filers.push(total);
    total++;
  }
  const yearList = Array.from({ length: years }, (_, i) => lastYear - years + 1 + i);
  return { names: makeNames(total, seed), filers, years: yearList };
}

/** One report, deterministic from (seed, organisation, year). */
export function generateReport(prep: Prepared, plan: Plan, seed: number, org: number, year: number): Generated {
  const r = rng(derive(seed, org, year, 1));
  const firstYear = plan.years[0]!;
  const outdated = year >= 2021 && r.chance(SHARES.outdated);
  const format: 'gov2019' | 'gov2021' = year >= 2021 && !outdated ? 'gov2021' : 'gov2019';
  const candidates = [...prep.shapes.keys()].filter((t) => t.format === format);
  if (candidates.length === 0) throw new Error(`no usable template in the ${format} format`);
  const t = candidates[r.weighted(candidates.map((c) => TEMPLATE_WEIGHT[c.file] ?? 10))]!;
  const shapes = prep.shapes.get(t)!;
  const shape = shapes[r.weighted(shapes.map((s) => SHAPE_WEIGHTS[s]))]!;
  const encoding = ENCODINGS[r.weighted(ENCODING_WEIGHTS)]!;
  const late = t.hasDate && r.chance(SHARES.late);
  const truncated = r.chance(SHARES.truncated);
  const duplicate = year > firstYear && r.chance(SHARES.duplicate);
  const breakable = truncated ? [] : breakableKeys(t.cellKeys, t.t3Complete);
  const broken = breakable.length > 0 && r.chance(SHARES.broken);

  const values = makeValues({ format, blankKeys: t.blankKeys, seed, org, year, firstYear });
  if (broken) {
    const key = breakable[r.int(breakable.length)]!;
    values.set(key, values.get(key)! + 1 + r.int(3));
  }
  const n = plan.names.orgs[org]!;
  const region = plan.names.regions[plan.names.regionOf[org]!]!.name;
  const ctx: RenderCtx = {
    name: n.name,
    bare: n.bare,
    region,
    year,
    date: late ? [2 + r.int(2), 1 + r.int(28)] : [1, 1 + r.int(31)],
    values,
    pool: prep.seeds.pool,
    prose: rng(derive(seed, org, duplicate ? year - 1 : year, 2)),
  };
  let lines = renderLines(t, ctx);
  if (truncated) lines = lines.slice(0, t.tablesFrom + 1 + r.int(Math.max(1, t.tablesTo - t.tablesFrom)));
  const text = reshape(lines.join('\n'), shape);
  return {
    bytes: encode(text, encoding),
    name: n.name,
    region,
    format,
    template: t.file,
    shape,
    encoding,
    late,
    outdated,
    truncated,
    broken,
    duplicate,
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function corpusKey(o: Pick<CorpusOptions, 'reports' | 'years' | 'lastYear' | 'seed'>): string {
  return `v${CORPUS_VERSION}-r${o.reports}-y${o.years}-l${o.lastYear}-s${o.seed}`;
}

/**
 * Writes the corpus (or reuses one already written with the same options in `dir`): one folder per
 * year, files named by organisation so that a folder ingests county by county, a roster CSV, a
 * manifest TSV with the expectations of every file, and corpus.json.
 */
export function buildCorpus(o: CorpusOptions, prep: Prepared = prepare(o.seedsDir)): Corpus {
  const meta = join(o.dir, 'corpus.json');
  if (existsSync(meta)) {
    const c = JSON.parse(readFileSync(meta, 'utf8')) as Corpus & { key: string };
    if (c.key === corpusKey(o)) return { ...c, dir: o.dir };
  }
  mkdirSync(o.dir, { recursive: true });
  const plan = planCorpus(o.reports, o.years, o.lastYear, o.seed);
  const filesByYear: Record<string, string[]> = {};
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const manifest: string[] = ['file\tname\tregion\tyear\tformat\ttemplate\tshape\tencoding\tflags'];
  const total = plan.filers.length * plan.years.length;
  let done = 0;
  let totalBytes = 0;
  for (const year of plan.years) {
    mkdirSync(join(o.dir, String(year)), { recursive: true });
    const list: string[] = [];
    for (const org of plan.filers) {
      const g = generateReport(prep, plan, o.seed, org, year);
      const rel = `${year}/t${pad(org, 6)}.txt`;
      writeFileSync(join(o.dir, rel), g.bytes);
      totalBytes += g.bytes.length;
      list.push(rel);
      const flags = (['late', 'outdated', 'truncated', 'broken', 'duplicate'] as const).filter((f) => g[f]);
      for (const f of flags) count(f);
      count(`format:${g.format}`);
      count(`shape:${g.shape}`);
      count(`encoding:${g.encoding}`);
      count(`template:${g.template}`);
      manifest.push([rel, g.name, g.region, year, g.format, g.template, g.shape, g.encoding, flags.join(',')].join('\t'));
      if (++done % 250 === 0 || done === total) o.onProgress?.(done, total);
    }
    filesByYear[year] = list;
  }
  // About a third of the towns have bound their group (contact), as `roster import` allows.
  const rosterLines = ['name,region,kind,contact'];
  plan.names.orgs.forEach((n, i) => {
    const contact = derive(o.seed, i, 0xc0) % 10 < 3 ? `telegram:-100${1000000 + i}` : '';
    rosterLines.push(`${n.name},${plan.names.regions[plan.names.regionOf[i]!]!.name},${n.suffix},${contact}`);
  });
  writeFileSync(join(o.dir, 'roster.csv'), `${rosterLines.join('\n')}\n`);
  writeFileSync(join(o.dir, 'manifest.tsv'), `${manifest.join('\n')}\n`);
  const corpus: Corpus & { key: string } = {
    key: corpusKey(o),
    dir: o.dir,
    version: CORPUS_VERSION,
    seed: o.seed,
    reports: o.reports,
    years: plan.years,
    organisations: plan.names.orgs.length,
    regions: plan.names.regions.length,
    totalFiles: total,
    totalBytes,
    filesByYear,
    counts,
    excluded: prep.excluded,
    roster: 'roster.csv',
    manifest: 'manifest.tsv',
  };
  writeFileSync(meta, JSON.stringify(corpus));
  return corpus;
}
