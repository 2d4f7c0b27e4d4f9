// The LP-relaxation lower bound on the number of identical bins: Gilmore & Gomory's configuration LP
// ("A linear programming approach to the cutting-stock problem", Operations Research 9, 1961), solved by
// column generation with HiGHS (the `highs` npm package, WASM). Items are grouped into types (equal size
// vectors); the master LP is min Σ x_p over packing patterns p subject to Σ_p a_ip x_p >= d_i for each type
// i. Pricing finds the pattern of largest dual value: a bounded knapsack, solved exactly by dynamic
// programming in one integer dimension and as a HiGHS MIP otherwise. At every iteration Farley's bound
// z / v* holds (z: master optimum, v*: best pattern value); when no pattern prices out (v* <= 1), z is the
// LP optimum. The bound is the ceiling of the best of these; on the one-dimensional benchmark sets it equals
// the optimum almost always (the "integer round-up property").
import type { Highs, ModelData } from 'highs';
import type { BenchmarkInstance } from './formats';

export interface LpBoundOptions {
  /** Give up (null) on instances with more item types than this. */
  readonly maxTypes?: number;
  /** Column-generation iterations at most. */
  readonly maxIterations?: number;
  /** Seconds per HiGHS solve. */
  readonly solveSeconds?: number;
  /** A loaded HiGHS; the `highs` package is loaded on first use otherwise. */
  readonly highs?: Highs;
}

const EPS = 1e-7;
const DP_CAPACITY_LIMIT = 300_000;
let loaded: Promise<Highs> | undefined;

function loadHighs(): Promise<Highs> {
  loaded ??= import('highs').then((m) => m.default());
  return loaded;
}

interface Types { readonly sizes: number[][]; readonly counts: number[] }

function itemTypes(b: BenchmarkInstance): Types | null {
  const index = new Map<string, number>();
  const sizes: number[][] = [], counts: number[] = [];
  for (let i = 0; i < b.items; i++) {
    const s = Array.from(b.demands.subarray(i * b.dims, i * b.dims + b.dims));
    if (s.some((x) => x < 0)) return null; // patterns assume sizes in [0, C]
    if (s.every((x) => x === 0)) continue;
    const key = s.join(',');
    const k = index.get(key);
    if (k === undefined) { index.set(key, sizes.length); sizes.push(s); counts.push(1); } else counts[k]++;
  }
  return { sizes, counts };
}

/** Copies of type i that fit one bin alone (at most its count). */
function alone(t: Types, capacity: readonly number[], i: number): number {
  let k = t.counts[i];
  t.sizes[i].forEach((s, d) => { if (s > 0) k = Math.min(k, Math.floor(capacity[d] / s)); });
  return k;
}

/** Best pattern for one integer dimension: bounded knapsack by binary splitting of each type's count. */
function priceByDp(t: Types, capacity: number, duals: number[]): { value: number; pattern: number[] } {
  const chunks: { type: number; copies: number }[] = [];
  t.counts.forEach((count, i) => {
    if (duals[i] <= EPS || t.sizes[i][0] > capacity) return;
    let left = Math.min(count, Math.floor(capacity / t.sizes[i][0]));
    for (let k = 1; left > 0; k <<= 1) { const c = Math.min(k, left); chunks.push({ type: i, copies: c }); left -= c; }
  });
  const best = new Float64Array(capacity + 1);
  const take = chunks.map(() => new Uint8Array(capacity + 1));
  chunks.forEach((ch, j) => {
    const w = t.sizes[ch.type][0] * ch.copies, v = duals[ch.type] * ch.copies;
    for (let c = capacity; c >= w; c--) if (best[c - w] + v > best[c]) { best[c] = best[c - w] + v; take[j][c] = 1; }
  });
  const pattern = new Array<number>(t.sizes.length).fill(0);
  let c = capacity;
  for (let j = chunks.length - 1; j >= 0; j--) {
    if (take[j][c]) { pattern[chunks[j].type] += chunks[j].copies; c -= t.sizes[chunks[j].type][0] * chunks[j].copies; }
  }
  return { value: best[capacity], pattern };
}

/** Best pattern in any dimension count, as a MIP; null if HiGHS does not prove optimality. */
function priceByMip(highs: Highs, t: Types, capacity: readonly number[], duals: number[], seconds: number): { value: number; pattern: number[] } | null {
  const n = t.sizes.length, dims = capacity.length;
  const starts = [0], indices: number[] = [], values: number[] = [];
  for (let i = 0; i < n; i++) {
    t.sizes[i].forEach((s, d) => { if (s > 0) { indices.push(d); values.push(s); } });
    starts.push(indices.length);
  }
  const data: ModelData = {
    numCols: n, numRows: dims, sense: highs.constants.objectiveSense.maximize,
    colCost: duals.map((y) => Math.max(0, y)), colLower: new Array<number>(n).fill(0),
    colUpper: t.counts.map((_, i) => alone(t, capacity, i)),
    rowLower: new Array<number>(dims).fill(-highs.infinity), rowUpper: [...capacity],
    matrix: { format: 'csc', numRows: dims, numCols: n, starts, indices, values },
    integrality: new Array(n).fill(highs.constants.variableType.integer),
  };
  return highs.withModel(data, (m) => {
    m.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0 });
    if (m.run().modelStatus !== highs.constants.modelStatus.optimal) return null;
    const x = m.getSolution().colValue;
    return { value: m.getObjectiveValue(), pattern: Array.from(x, (v) => Math.round(v)) };
  });
}

/** LP lower bound on bins, or null when the instance is too large or HiGHS cannot settle it. */
export async function lpLowerBound(b: BenchmarkInstance, options: LpBoundOptions = {}): Promise<number | null> {
  const t = itemTypes(b);
  if (!t) return null;
  if (t.sizes.length === 0) return 0;
  if (t.sizes.length > (options.maxTypes ?? 400) || t.sizes.some((_, i) => alone(t, b.capacity, i) < 1)) return null;
  const highs = options.highs ?? await loadHighs();
  const seconds = options.solveSeconds ?? 5;
  const n = t.sizes.length;
  const dp = b.dims === 1 && Number.isInteger(b.capacity[0]) && b.capacity[0] <= DP_CAPACITY_LIMIT && t.sizes.every((s) => Number.isInteger(s[0]));
  const master: ModelData = {
    numCols: n, numRows: n, colCost: new Array<number>(n).fill(1), colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(highs.infinity), rowLower: [...t.counts], rowUpper: new Array<number>(n).fill(highs.infinity),
    matrix: { format: 'csc', numRows: n, numCols: n, starts: Array.from({ length: n + 1 }, (_, j) => j), indices: t.sizes.map((_, i) => i), values: t.sizes.map((_, i) => alone(t, b.capacity, i)) },
  };
  return highs.withModel(master, (m) => {
    m.options.set({ output_flag: false, time_limit: seconds });
    let best = 0;
    for (let iter = 0; iter < (options.maxIterations ?? 500); iter++) {
      if (m.run().modelStatus !== highs.constants.modelStatus.optimal) break;
      const z = m.getObjectiveValue();
      const duals = Array.from(m.getSolution().rowDual, (y) => Math.max(0, y));
      const priced = dp ? priceByDp(t, b.capacity[0], duals) : priceByMip(highs, t, b.capacity, duals, seconds);
      if (!priced) break;
      if (priced.value <= 1 + EPS) { best = Math.max(best, Math.ceil(z - 1e-6)); break; }
      best = Math.max(best, Math.ceil(z / priced.value - 1e-6));
      const rows = priced.pattern.map((a, i) => (a > 0 ? i : -1)).filter((i) => i >= 0);
      m.addCol(1, 0, highs.infinity, { indices: rows, values: rows.map((i) => priced.pattern[i]) });
    }
    return best > 0 ? best : null;
  });
}
