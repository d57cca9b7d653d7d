import { readFileSync } from 'node:fs';

/** Small statistics and formatting for the benchmark report. */

/** Nearest-rank percentile of an ascending-sorted list (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  const s = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function latencySummary(ms: readonly number[]): { n: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; mean_ms: number } {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50_ms: round(percentile(s, 50), 3),
    p95_ms: round(percentile(s, 95), 3),
    p99_ms: round(percentile(s, 99), 3),
    max_ms: round(s[s.length - 1] ?? NaN, 3),
    mean_ms: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), 3),
  };
}

export function round(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Peak resident set size of this process so far (worker threads included), in MB. On Linux this is
 * VmHWM from /proc/self/status: getrusage's ru_maxrss is inherited across fork and exec, so a phase
 * process would report at least the RSS its parent had when it started it.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return round(Number(m[1]) / 1024, 0);
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return round(process.resourceUsage().maxRSS / 1024, 0);
}

/** Median of each numeric leaf over several runs of the same shaped object. */
export function medianOf<T>(runs: readonly T[]): T {
  const first = runs[0];
  if (typeof first === 'number') return median(runs as unknown as number[]) as unknown as T;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return first as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first as object)) {
    out[key] = medianOf(runs.map((r) => (r as Record<string, unknown>)[key]));
  }
  return out as T;
}
