import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Self time per function from a V8 .cpuprofile (node --cpu-prof): where a phase spends its time. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface HotSpot {
  fn: string;
  where: string;
  self_pct: number;
}

export function hotSpots(file: string, root: string, top = 12): HotSpot[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const hits = new Map<string, { fn: string; where: string; n: number }>();
  let total = 0;
  for (const node of p.nodes) {
    const n = node.hitCount ?? 0;
    if (n === 0) continue;
    total += n;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const path = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url || '(native)';
    const key = `${functionName}@${path}:${lineNumber + 1}`;
    const h = hits.get(key) ?? { fn: functionName || '(anonymous)', where: `${path}:${lineNumber + 1}`, n: 0 };
    h.n += n;
    hits.set(key, h);
  }
  return [...hits.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, top)
    .map((h) => ({ fn: h.fn, where: h.where, self_pct: Math.round((h.n / Math.max(1, total)) * 1000) / 10 }));
}

/**
 * The main thread's profile in `dir`: every thread writes one (tsx's module loader and worker
 * threads run on their own), named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile, the main
 * thread being thread 0.
 */
export function mainProfile(dir: string): string | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const main = files.find((f) => f.split('.')[4] === '0');
  return main ? join(dir, main) : null;
}

/** The largest profile of another thread (the parse workers'), if any. */
export function workerProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && f.split('.')[4] !== '0')
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return files[0] ?? null;
}
