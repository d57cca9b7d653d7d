import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Corpus } from '../corpus.js';

/** What a phase child is asked to do. */
export type Job =
  | { phase: 'floor'; dir: string; years: number[]; progress: boolean }
  | { phase: 'parse'; dir: string; years: number[]; progress: boolean }
  | { phase: 'parse-workers'; dir: string; years: number[]; workers?: number; progress: boolean }
  | { phase: 'ingest'; dir: string; years: number[]; db: string; now: string; progress: boolean }
  | { phase: 'answer'; dir: string; db: string; questions: number; seed: number; now: string; progress: boolean }
  | { phase: 'plan'; dir: string; db: string; year: number; seed: number; progress: boolean }
  | { phase: 'files'; rounds?: number }
  | { phase: 'worst'; dir: string; sizesMb: number[]; progress: boolean };

export type PhaseName = Job['phase'];

export function loadCorpus(dir: string): Corpus {
  return { ...(JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as Corpus), dir };
}

export function filesOf(corpus: Corpus, years: readonly number[]): string[] {
  return years.flatMap((y) => (corpus.filesByYear[y] ?? []).map((rel) => join(corpus.dir, rel)));
}

/** A progress bar on stderr (stdout stays clean for --json), or nothing. */
export function progressBar(enabled: boolean, label: string, total: number): { tick(n?: number): void; stop(): void } {
  if (!enabled || total === 0) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(14)} [{bar}] {percentage}% {value}/{total} {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
      // Written to a log (nohup …): a line every 15 s instead of a bar.
      noTTYOutput: true,
      notTTYSchedule: 15_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let done = 0;
  return {
    tick(n = 1) {
      done += n;
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}
