import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { metricEntries } from '../src/catalog/index.js';
import { parseReportText } from '../src/parsing/parse-report.js';
import type { ParsedReport, ReportFormat } from '../src/parsing/types.js';

/**
 * A bundled real report turned into a template: its text with the organisation, county, years,
 * signature date, every table cell the parser reads, and the prose paragraphs replaced by slots.
 * The parser itself says where each cell is (provenance: line and text), so a template follows
 * whatever layout the seed has; the corpus generator verifies every template and shape by parsing
 * what it produced.
 */

export type ProseSection = 'overview' | 'problems' | 'other';

export type Slot =
  | { k: 'name' }
  | { k: 'bare' }
  | { k: 'region' }
  /** A year relative to the report year (0: the report year, 1: the year it is published). */
  | { k: 'year'; d: number }
  | { k: 'date' }
  /** A table cell: whitespace before the number, then the number, then what followed it (a unit, spaces). */
  | { k: 'cell'; key: string; pre: string; post: string }
  /** "收到…申请N件" in prose: the number of applications received. */
  | { k: 'recv' }
  /** One paragraph of prose, drawn from the pool of that part, about as many sentences as the seed had. */
  | { k: 'prose'; section: ProseSection; sentences: number };

export type Part = string | Slot;

export interface Template {
  file: string;
  format: ReportFormat;
  seedYear: number;
  /** One entry per line of the seed. */
  lines: Part[][];
  /** Cells printed with a number. */
  cellKeys: Set<string>;
  /** Cells printed blank ("", "/", "—"): kept blank, and they count as 0 in the sums. */
  blankKeys: Set<string>;
  /** Line index (0-based) of the first 表三 cell and of the last 表四 cell: where truncation cuts. */
  tablesFrom: number;
  tablesTo: number;
  /** Whether the parser finds 表三 complete in the seed (the sums can be checked). */
  t3Complete: boolean;
  /** Whether the seed prints a signature date (else no generated report can be late). */
  hasDate: boolean;
}

/** A prose sentence of the pool, and whether it says there were no applications or no review/litigation. */
export interface Sentence {
  parts: Part[];
  saysNoApplications: boolean;
  saysNoReview: boolean;
  /**
   * Names a later year than the report's. Such sentences are left out: in a report whose title
   * has no year, the parser takes the year the prose names most, and a mix of borrowed sentences
   * could make that the next year.
   */
  namesLaterYear: boolean;
}

const SAYS_NO_APPLICATIONS = /(?:未|没有|尚未|无)(?:收到|受理|接到)[^;。]{0,30}?申请|(?:未|没有)(?:发生|产生)[^;。]{0,6}?依申请公开|无依申请公开/;
const SAYS_NO_REVIEW = /(?:未|没有|无|尚未)[^;。]{0,40}?行政复议|行政复议[^;。]{0,16}?(?:均为0|均为零|为0|为零)/;

export function sentence(parts: Part[]): Sentence {
  const text = parts.filter((p): p is string => typeof p === 'string').join('');
  return {
    parts,
    saysNoApplications: SAYS_NO_APPLICATIONS.test(text),
    saysNoReview: SAYS_NO_REVIEW.test(text),
    namesLaterYear: parts.some((p) => typeof p !== 'string' && p.k === 'year' && p.d > 0),
  };
}

export interface SeedSet {
  /** Each seed under both alignments (the generator keeps the one that reads back). */
  templates: Array<Record<Alignment, Template>>;
  /** Sentences of each prose part over all seeds, with slots for names and years. */
  pool: Record<ProseSection, Sentence[]>;
}

const TABLE_KEY = /^(?:active|applications|review|litigation_direct|litigation_after_review)\./;
const PROSE_SECTIONS: readonly ProseSection[] = ['overview', 'problems', 'other'];
const PROSE_MIN_CHARS = 40;
const CELL_NUMBER = /^(\s*)(-?\d+(?:\.\d+)?)(\s*(?:万元|件|条|个|项)?\s*)$/;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits text into literal parts and slots for the seed's names, years and signature date. */
function templatizer(report: ParsedReport): (text: string) => Part[] {
  const year = report.year!;
  const name = report.name!;
  const bare = name.replace(/(镇|乡|街道)$/, '');
  const alternatives: string[] = [];
  if (report.signedDate) {
    const [y, m, d] = report.signedDate.split('-').map(Number) as [number, number, number];
    alternatives.push(`(?<date>${y}\\s*年\\s*${m}\\s*月\\s*${d}\\s*日)`);
  }
  if (report.region) alternatives.push(`(?<region>${esc(report.region)})`);
  alternatives.push(`(?<name>${esc(name)})`);
  if (bare !== name && bare.length >= 2) alternatives.push(`(?<bare>${esc(bare)})`);
  alternatives.push(`(?<year>20\\d\\d)(?=\\s*年)`);
  const re = new RegExp(alternatives.join('|'), 'g');
  return (text) => {
    const out: Part[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      let slot: Slot | null = null;
      if (g.date) slot = { k: 'date' };
      else if (g.region) slot = { k: 'region' };
      else if (g.name) slot = { k: 'name' };
      else if (g.bare) slot = { k: 'bare' };
      else if (g.year) {
        const d = Number(g.year) - year;
        if (Math.abs(d) <= 3) slot = { k: 'year', d };
      }
      if (!slot) continue;
      if (m.index > last) out.push(text.slice(last, m.index));
      out.push(slot);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  };
}

const RECEIVED = /(收到[^,;。\d]{0,20}?申请[^,;。\d]{0,4}?)(\d+)(\s*(?:件|个|份|宗))/;

/** The figure "收到…申请N件" becomes a slot, so prose and 表三 agree. */
function withReceived(parts: Part[]): Part[] {
  return parts.flatMap((p): Part[] => {
    if (typeof p !== 'string') return [p];
    const m = RECEIVED.exec(p);
    if (!m) return [p];
    const at = m.index + m[1]!.length;
    return [p.slice(0, at), { k: 'recv' }, p.slice(at + m[2]!.length)];
  });
}

/** Contract order of the cells in one printed row: table, row, column. */
const COLUMN_ORDER = [
  'new_made',
  'new_published',
  'total_published',
  'issued',
  'repealed',
  'in_force',
  'prev_items',
  'delta_items',
  'decisions',
  'items',
  'amount_wan',
  'natural',
  'org_commercial',
  'org_research',
  'org_social',
  'org_legal',
  'org_other',
  'upheld',
  'corrected',
  'other',
  'pending',
  'total',
];
const GROUP_ORDER = ['active', 'applications', 'review', 'litigation_direct', 'litigation_after_review'];
function cellOrder(a: string, b: string): number {
  const ga = GROUP_ORDER.indexOf(a.split('.')[0]!);
  const gb = GROUP_ORDER.indexOf(b.split('.')[0]!);
  if (ga !== gb) return ga - gb;
  const ca = a.slice(a.lastIndexOf('.') + 1);
  const cb = b.slice(b.lastIndexOf('.') + 1);
  return COLUMN_ORDER.indexOf(ca) - COLUMN_ORDER.indexOf(cb);
}

/**
 * How the cells of a printed row are matched with the keys the parser read from it when the row has
 * more numbers than keys (a stray 0 at the end or the start): from the left, or from the right.
 * The corpus generator keeps the alignment under which every cell reads back.
 */
export type Alignment = 'left' | 'right';

/** The cells of one line, matched in order with the keys the parser read from it. */
function cellParts(line: string, keys: string[], values: Record<string, number | null>, align: Alignment, where: string, lit: (s: string) => Part[]): Part[] {
  const cells = line.split('\t');
  const sorted = [...keys].sort(cellOrder);
  const slots: Array<Slot | null> = cells.map(() => null);
  const order = align === 'left' ? cells.map((_, i) => i) : cells.map((_, i) => cells.length - 1 - i);
  const wanted = align === 'left' ? sorted : [...sorted].reverse();
  let p = 0;
  for (const i of order) {
    if (p >= wanted.length) break;
    const m = CELL_NUMBER.exec(cells[i]!);
    if (m && Number(m[2]) === values[wanted[p]!]) slots[i] = { k: 'cell', key: wanted[p++]!, pre: m[1]!, post: m[3]! };
  }
  if (p !== sorted.length) throw new Error(`${where}: matched ${p} of ${sorted.length} cells (${sorted.join(', ')})`);
  const out: Part[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) out.push('\t');
    const slot = slots[i];
    if (slot) out.push(slot);
    else out.push(...lit(cell));
  });
  return out;
}

function sentencesOf(parts: Part[]): Part[][] {
  const out: Part[][] = [];
  let cur: Part[] = [];
  for (const p of parts) {
    if (typeof p !== 'string') {
      cur.push(p);
      continue;
    }
    let rest = p;
    for (let i = rest.indexOf('。'); i >= 0; i = rest.indexOf('。')) {
      cur.push(rest.slice(0, i + 1));
      out.push(cur);
      cur = [];
      rest = rest.slice(i + 1);
    }
    if (rest) cur.push(rest);
  }
  if (cur.some((p) => typeof p !== 'string' || p.trim() !== '')) out.push(cur);
  return out;
}

export function compileTemplate(file: string, raw: string, pool: Record<ProseSection, Sentence[]>, align: Alignment = 'left'): Template {
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const outcome = parseReportText(text);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error.message}`);
  const report = outcome.report;
  if (!report.name || report.year === null) throw new Error(`${file}: no organisation or year`);
  const lit = templatizer(report);
  const raws = text.split('\n');

  const byLine = new Map<number, string[]>();
  const cellKeys = new Set<string>();
  const blankKeys = new Set<string>();
  for (const [key, src] of metricEntries(report.sources)) {
    if (src.derived || !TABLE_KEY.test(key)) continue;
    if (report.metrics[key] === null) {
      blankKeys.add(key);
      continue;
    }
    cellKeys.add(key);
    const list = byLine.get(src.line - 1) ?? [];
    list.push(key);
    byLine.set(src.line - 1, list);
  }

  const proseLines = new Map<number, ProseSection>();
  const spans = [...report.spans].sort((a, b) => a.line - b.line);
  spans.forEach((s, i) => {
    if (!(PROSE_SECTIONS as readonly string[]).includes(s.key)) return;
    const end = i + 1 < spans.length ? spans[i + 1]!.line - 1 : raws.length;
    for (let l = s.line; l < end; l++) {
      const t = raws[l]!.trim();
      if (t.length >= PROSE_MIN_CHARS && !t.includes('\t') && !byLine.has(l)) proseLines.set(l, s.key as ProseSection);
    }
  });

  const lines: Part[][] = raws.map((line, i) => {
    const keys = byLine.get(i);
    if (keys) return cellParts(line, keys, report.metrics, align, `${file}:${i + 1}`, lit);
    const section = proseLines.get(i);
    if (section) {
      const sentences = sentencesOf(withReceived(lit(line)));
      pool[section].push(...sentences.map(sentence));
      return [{ k: 'prose', section, sentences: Math.max(1, sentences.length) }];
    }
    return withReceived(lit(line));
  });

  // Every generated report states its county in the title, even when the seed only named it in prose.
  const titleIdx = lines.findIndex((parts, i) => i < 12 && parts.some((p) => typeof p !== 'string' && p.k === 'name'));
  if (titleIdx >= 0) {
    const parts = lines[titleIdx]!;
    const at = parts.findIndex((p) => typeof p !== 'string' && p.k === 'name');
    const before = parts[at - 1];
    if (!(before && typeof before !== 'string' && before.k === 'region')) parts.splice(at, 0, { k: 'region' });
  }

  const cellLines = [...byLine.entries()];
  const t3Lines = cellLines.filter(([, ks]) => ks.some((k) => k.startsWith('applications.'))).map(([l]) => l);
  const t4Lines = cellLines.filter(([, ks]) => ks.some((k) => /^(review|litigation)/.test(k))).map(([l]) => l);
  const t3Complete = !report.findings.some((f) => f.code === 'TRUNCATED_TABLE' && f.message.includes('表三'));
  return {
    file: basename(file),
    format: report.format,
    seedYear: report.year,
    lines,
    cellKeys,
    blankKeys,
    tablesFrom: Math.min(...t3Lines),
    tablesTo: Math.max(...t4Lines, ...t3Lines),
    t3Complete,
    hasDate: lines.some((parts) => parts.some((p) => typeof p !== 'string' && p.k === 'date')),
  };
}

export function loadSeeds(dir: string): SeedSet {
  const pool: Record<ProseSection, Sentence[]> = { overview: [], problems: [], other: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no seed reports in ${dir}`);
  const templates = files.map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    return { left: compileTemplate(f, raw, pool, 'left'), right: compileTemplate(f, raw, { overview: [], problems: [], other: [] }, 'right') };
  });
  return { templates, pool };
}
