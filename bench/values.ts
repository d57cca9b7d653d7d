import { t3RowsPrintedIn } from '../src/catalog/index.js';
import { derive, rng, smallCount, type Rng } from './prng.js';

/**
 * Table figures for one report that obey the 勾稽 rules the parser checks (docs/data-contract.md §3):
 * R1 一 + 二 = （七）总计 + 四 per column, R2 each 表三 row's 总计 = Σ of its six applicant columns,
 * R3 （七）总计 = （一）+…+（六）, R4 each 表四 group's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 * Across years of one organisation they also agree where the cross-report checks look:
 * 上年结转 (Y) = 结转下年度 (Y−1), and 表二's stock of documents and items carries over.
 */

export const APPLICANTS = ['natural', 'org_commercial', 'org_research', 'org_social', 'org_legal', 'org_other'] as const;
/** The rows around the results: 一, 二, （七）总计 and 四 are drawn apart. */
const NOT_RESULTS: readonly string[] = ['new', 'carried_over', 'handled', 'carried_forward'];
export const T4_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** How likely a result row is to be 0 for a natural person (companies and others apply far less). */
const RESULT_ZERO: Record<string, number> = { granted: 0.45, partial: 0.85, 'unable.not_held': 0.8 };

export type Values = Map<string, number>;

export interface ValueInput {
  format: 'gov2019' | 'gov2021';
  /** Cells the template prints blank: a column (or 表四 group) with a blank cell is all 0. */
  blankKeys: ReadonlySet<string>;
  seed: number;
  org: number;
  year: number;
  firstYear: number;
}

/** 结转下年度 of an organisation-year, drawn the same way whichever year asks. */
function carriedForward(seed: number, org: number, year: number, col: number): number {
  return smallCount(rng(derive(seed, org, year, col, 0xcf)), col === 0 ? 0.8 : 0.97, 1.5);
}

function t3(input: ValueInput, r: Rng, out: Values): void {
  // The result rows each format prints, in table order (the catalog's): (一)…(六) with 2021's three (六) rows.
  const results = t3RowsPrintedIn(input.format).filter((row) => !NOT_RESULTS.includes(row));
  const rows = ['new', 'carried_over', ...results, 'handled', 'carried_forward'];
  const columnBlank = (col: string) => rows.some((row) => input.blankKeys.has(`applications.${row}.${col}`));
  APPLICANTS.forEach((col, ci) => {
    const set = (row: string, v: number) => out.set(`applications.${row}.${col}`, v);
    if (columnBlank(col)) {
      for (const row of rows) set(row, 0);
      return;
    }
    const scale = ci === 0 ? 1 : 0.15;
    let handled = 0;
    const got: Record<string, number> = {};
    for (const row of results) {
      const pZero = 1 - (1 - (RESULT_ZERO[row] ?? 0.97)) * scale;
      got[row] = smallCount(r, pZero, row === 'granted' ? 3 : 1.3);
      handled += got[row]!;
    }
    const over = input.year > input.firstYear ? carriedForward(input.seed, input.org, input.year - 1, ci) : smallCount(r, ci === 0 ? 0.8 : 0.97, 1.5);
    const forward = carriedForward(input.seed, input.org, input.year, ci);
    // 一 = （七） + 四 − 二 may not be negative: the missing cases were granted.
    const deficit = over - (handled + forward);
    if (deficit > 0) {
      got.granted! += deficit;
      handled += deficit;
    }
    for (const row of results) set(row, got[row]!);
    set('handled', handled);
    set('carried_forward', forward);
    set('carried_over', over);
    set('new', handled + forward - over);
  });
  for (const row of rows) {
    out.set(
      `applications.${row}.total`,
      APPLICANTS.reduce((s, c) => s + out.get(`applications.${row}.${c}`)!, 0),
    );
  }
}

function t4(input: ValueInput, r: Rng, out: Values): void {
  for (const g of T4_GROUPS) {
    const blank = [...T4_PARTS, 'total'].some((c) => input.blankKeys.has(`${g}.${c}`));
    let total = 0;
    for (const c of T4_PARTS) {
      const v = blank ? 0 : smallCount(r, g === 'review' ? 0.9 : 0.96, 1.3);
      out.set(`${g}.${c}`, v);
      total += v;
    }
    out.set(`${g}.total`, total);
  }
}

/** 表二 stocks carry over from year to year, so each year is replayed from the first. */
function t2(input: ValueInput, out: Values): void {
  const { seed, org, year, firstYear } = input;
  const base = rng(derive(seed, org, 0x7ab1e2));
  let inForce = smallCount(base, 0.3, 6);
  const prevItems: Record<string, number> = {};
  for (const row of ['licensing', 'other_services', 'penalty', 'coercion', 'fees']) prevItems[row] = smallCount(base, 0.4, 40);
  let totalPublished = inForce;
  for (let y = firstYear; y <= year; y++) {
    const r = rng(derive(seed, org, y, 0x7ab1e2));
    const issued = smallCount(r, 0.5, 2);
    const repealed = Math.min(inForce + issued, smallCount(r, 0.8, 1.5));
    inForce += issued - repealed;
    totalPublished += issued;
    const deltas: Record<string, number> = {};
    for (const row of Object.keys(prevItems)) deltas[row] = r.chance(0.8) ? 0 : Math.max(-prevItems[row]!, r.int(21) - 8);
    if (y === year) {
      out.set('active.regulations.issued', 0).set('active.regulations.repealed', 0).set('active.regulations.in_force', 0);
      out.set('active.normative_docs.issued', issued).set('active.normative_docs.repealed', repealed).set('active.normative_docs.in_force', inForce);
      out.set('active.regulations.new_made', 0).set('active.regulations.new_published', 0).set('active.regulations.total_published', 0);
      out.set('active.normative_docs.new_made', issued).set('active.normative_docs.new_published', issued);
      out.set('active.normative_docs.total_published', totalPublished);
      for (const row of Object.keys(prevItems)) {
        out.set(`active.${row}.prev_items`, prevItems[row]!);
        out.set(`active.${row}.delta_items`, deltas[row]!);
      }
      for (const [row, scale] of [
        ['licensing', 400],
        ['other_services', 100],
        ['penalty', 12],
        ['coercion', 2],
      ] as const) {
        out.set(`active.${row}.decisions`, smallCount(r, 0.35, scale));
      }
      out.set('active.fees.amount_wan', r.chance(0.7) ? 0 : Math.round(r.next() * 500) / 10);
      out.set('active.procurement.items', smallCount(r, 0.5, 3));
      out.set('active.procurement.amount_wan', r.chance(0.5) ? 0 : Math.round(r.next() * 2000) / 10);
    }
    // 上一年项目数量 (Y+1) = 上一年项目数量 (Y) + 本年增/减 (Y).
    for (const row of Object.keys(prevItems)) prevItems[row] = prevItems[row]! + deltas[row]!;
  }
}

/** Every figure of one report, consistent with itself and with the same organisation's other years. */
export function makeValues(input: ValueInput): Values {
  const out: Values = new Map();
  const r = rng(derive(input.seed, input.org, input.year, 0x3a1e5));
  t2(input, out);
  t3(input, r, out);
  t4(input, r, out);
  return out;
}

/** The cells a deliberate error may go into, in order of preference, given what the template prints. */
export function breakableKeys(cellKeys: ReadonlySet<string>, t3Complete: boolean): string[] {
  const t3Keys = t3Complete ? ['applications.handled.total', 'applications.new.natural', 'applications.granted.total'] : [];
  const t4Keys = T4_GROUPS.map((g) => `${g}.total`);
  return [...t3Keys, ...t4Keys].filter((k) => cellKeys.has(k));
}
