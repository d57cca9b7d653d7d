import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReportText } from '../../src/parsing/parse-report.js';
import type { ParsedReport } from '../../src/parsing/types.js';

export const SEED_NAMES = ['kangzhuang-2020', 'longtan-2020', 'mianyang-2021', 'daliuzhuang-2022', 'zhangjiapo-2021'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const seedPath = (name: SeedName) => fileURLToPath(new URL(`../fixtures/seed-reports/${name}.txt`, import.meta.url));

export const readSeed = (name: SeedName): string => readFileSync(seedPath(name), 'utf8');

/** Parses text that must be a report; fails the test with the parser's reason otherwise. */
export function parseOk(text: string): ParsedReport {
  const outcome = parseReportText(text);
  if (!outcome.ok) throw new Error(`not parsed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.report;
}

export const codes = (r: ParsedReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
