/**
 * Deterministic pseudo-random numbers for the corpus: the same --seed gives byte-identical files on
 * every machine. Each report draws from its own stream, derived from (seed, organisation, year,
 * purpose), so a report does not depend on the order in which the others were generated.
 */

/** 32-bit mix (the finaliser of MurmurHash3): a cheap, well-spread hash of a number. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A seed for one purpose, from any number of integer parts. */
export function derive(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32((h ^ mix32(p | 0)) + 0x7f4a7c15);
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** An index chosen with the given weights. */
  weighted(weights: readonly number[]): number;
}

/** mulberry32: small, fast, and good enough for test data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)]!,
    weighted(weights) {
      const sum = weights.reduce((a, b) => a + b, 0);
      let x = next() * sum;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** Small counts as townships report them: mostly 0, sometimes a few, rarely many. */
export function smallCount(r: Rng, pZero: number, mean = 2): number {
  if (r.chance(pZero)) return 0;
  let n = 1;
  while (r.chance(1 - 1 / mean) && n < 200) n++;
  return n;
}
