import { parseReportBytes } from '../../src/parsing/parse-report.js';
import { pathologicalInputs } from '../pathological.js';
import type { Job } from './common.js';

export interface WorstCaseResult {
  /** The slowest parse of any pathological input, seconds. */
  worst_case_s: number;
  inputs: Array<{ name: string; mb: number; seconds: number; outcome: string }>;
}

/**
 * Parses each pathological input (bench/pathological.ts) once, after one warm-up parse of the
 * smallest, and reports the slowest: the parser must stay linear on any input up to the size limit.
 */
export function runWorst(job: Extract<Job, { phase: 'worst' }>): WorstCaseResult {
  const inputs = pathologicalInputs(job.sizesMb);
  parseReportBytes(inputs[0]!.bytes);
  const out: WorstCaseResult['inputs'] = [];
  for (const { name, bytes } of inputs) {
    const t0 = performance.now();
    const r = parseReportBytes(bytes);
    const seconds = (performance.now() - t0) / 1000;
    out.push({ name, mb: Math.round((bytes.length / 1048576) * 10) / 10, seconds: Math.round(seconds * 1000) / 1000, outcome: r.ok ? 'report' : r.error.code });
    if (job.progress) process.stderr.write(`  ${name}: ${seconds.toFixed(2)} s\n`);
  }
  return { worst_case_s: Math.max(...out.map((i) => i.seconds)), inputs: out };
}
