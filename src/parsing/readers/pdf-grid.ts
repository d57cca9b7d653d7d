/**
 * Ruled tables of one PDF page, rebuilt from the ruling segments alone: the segments that touch
 * each other form one table; the distinct rule positions cut it into elementary cells; two
 * neighbouring elementary cells with no rule between them belong to one merged cell (a header over
 * several columns, a row-group label over several rows).
 */
import type { HSeg, VSeg } from './pdf-extract.js';

/** Rules closer than this (units; 1 unit = 16 pt) are one rule: double borders, rounding. */
const SNAP = 0.25;

export interface Grid {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Column boundaries, left to right (first = left, last = right). */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  /** Merged-cell id of elementary cell (i, j), at `j * (xs.length - 1) + i`. */
  cellOf: Int32Array;
}

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]!]!;
    a = parent[a]!;
  }
  return a;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

const touches = (h: HSeg, v: VSeg): boolean => v.x >= h.x1 - SNAP && v.x <= h.x2 + SNAP && h.y >= v.y1 - SNAP && h.y <= v.y2 + SNAP;

/** Sorted positions with those closer than SNAP merged (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  for (const v of sorted) {
    if (n > 0 && v - sum / n > SNAP) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

const coversH = (hs: readonly HSeg[], y: number, x: number) => hs.some((h) => Math.abs(h.y - y) <= SNAP && h.x1 - SNAP <= x && x <= h.x2 + SNAP);
const coversV = (vs: readonly VSeg[], x: number, y: number) => vs.some((v) => Math.abs(v.x - x) <= SNAP && v.y1 - SNAP <= y && y <= v.y2 + SNAP);

function buildGrid(hs: HSeg[], vs: VSeg[]): Grid | null {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const h of hs) {
    left = Math.min(left, h.x1);
    right = Math.max(right, h.x2);
    top = Math.min(top, h.y);
    bottom = Math.max(bottom, h.y);
  }
  for (const v of vs) {
    left = Math.min(left, v.x);
    right = Math.max(right, v.x);
    top = Math.min(top, v.y1);
    bottom = Math.max(bottom, v.y2);
  }
  const xs = cluster([left, right, ...vs.map((v) => v.x)]);
  const ys = cluster([top, bottom, ...hs.map((h) => h.y)]);
  const nx = xs.length - 1;
  const ny = ys.length - 1;
  if (nx < 1 || ny < 1) return null;
  const parent = new Int32Array(nx * ny).map((_, k) => k);
  for (let j = 0; j < ny; j++) {
    const midY = (ys[j]! + ys[j + 1]!) / 2;
    for (let i = 0; i < nx; i++) {
      const midX = (xs[i]! + xs[i + 1]!) / 2;
      if (i + 1 < nx && !coversV(vs, xs[i + 1]!, midY)) union(parent, j * nx + i, j * nx + i + 1);
      if (j + 1 < ny && !coversH(hs, ys[j + 1]!, midX)) union(parent, j * nx + i, (j + 1) * nx + i);
    }
  }
  const cellOf = new Int32Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) cellOf[k] = find(parent, k);
  return { left, top, right, bottom, xs, ys, cellOf };
}

/**
 * More rules than this on one page is a drawing (a chart, a map, hatching), not a report's tables;
 * the page is then read as running text, and the pairwise check stays cheap.
 */
const MAX_RULES = 3000;

/** The ruled tables of a page: groups of touching rules with at least two of each direction. */
export function findGrids(h: readonly HSeg[], v: readonly VSeg[]): Grid[] {
  const n = h.length + v.length;
  if (h.length < 2 || v.length < 2 || n > MAX_RULES) return [];
  const parent = new Int32Array(n).map((_, k) => k);
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) if (touches(h[i]!, v[j]!)) union(parent, i, h.length + j);
  }
  const groups = new Map<number, { hs: HSeg[]; vs: VSeg[] }>();
  for (let k = 0; k < n; k++) {
    const root = find(parent, k);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    if (k < h.length) g.hs.push(h[k]!);
    else g.vs.push(v[k - h.length]!);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.hs.length < 2 || g.vs.length < 2) continue;
    const grid = buildGrid(g.hs, g.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.top - b.top);
}

function indexIn(bounds: readonly number[], p: number): number {
  for (let k = 0; k < bounds.length - 1; k++) if (p < bounds[k + 1]!) return k;
  return bounds.length - 2;
}

/** The elementary cell (column, row) a point falls in, or null when outside the grid. */
export function locate(grid: Grid, x: number, y: number): { i: number; j: number } | null {
  if (x < grid.left || x > grid.right || y < grid.top || y > grid.bottom) return null;
  return { i: indexIn(grid.xs, x), j: indexIn(grid.ys, y) };
}
