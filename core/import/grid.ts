// Time series onto a regular grid, the shape a scenario trace has (one sample per intervalSeconds). Sources
// sample irregularly (Alibaba), drop points (Prometheus gaps, NaN) or use another step: samples are bucketed
// on the grid (mean of the samples in a bucket), gaps are filled with the previous value (leading gaps with
// the first), and the report counts both.
import { MAX_TRACE_SAMPLES } from './limits';

/** The most common positive difference between consecutive timestamps (the series' step), in seconds. */
export function detectStep(series: readonly ArrayLike<number>[]): number {
  const counts = new Map<number, number>();
  for (const ts of series) {
    for (let k = 1; k < ts.length; k++) {
      const d = Math.round((ts[k] - ts[k - 1]) * 1000) / 1000;
      if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best = 0, seen = 0;
  for (const [d, n] of counts) if (n > seen || (n === seen && d < best)) { best = d; seen = n; }
  return best;
}

export interface Grid {
  readonly t0: number;
  readonly step: number;
  readonly length: number;
}

/** A grid from t0 to tEnd at `step`, at most MAX_TRACE_SAMPLES long (the caller notes a truncation). */
export function makeGrid(t0: number, tEnd: number, step: number): Grid & { truncated: boolean } {
  const n = Math.floor((tEnd - t0) / step + 1e-9) + 1;
  return { t0, step, length: Math.max(1, Math.min(n, MAX_TRACE_SAMPLES)), truncated: n > MAX_TRACE_SAMPLES };
}

/** Accumulates samples into grid buckets (sum and count, so several samples in one bucket average). */
export class Buckets {
  readonly sum: Float64Array;
  readonly count: Uint32Array;
  constructor(readonly grid: Grid) {
    this.sum = new Float64Array(grid.length);
    this.count = new Uint32Array(grid.length);
  }

  /** Adds a sample at time t; false if t lies outside the grid. */
  add(t: number, v: number): boolean {
    const i = Math.round((t - this.grid.t0) / this.grid.step);
    if (i < 0 || i >= this.grid.length) return false;
    this.sum[i] += v;
    this.count[i]++;
    return true;
  }

  /** Bucket means, gaps (NaN) filled forward (leading gaps backward); null if no bucket has a sample. */
  values(): { values: Float64Array; filled: number } | null {
    const out = new Float64Array(this.grid.length);
    let first = -1;
    for (let i = 0; i < out.length; i++) {
      out[i] = this.count[i] > 0 ? this.sum[i] / this.count[i] : NaN;
      if (first < 0 && this.count[i] > 0) first = i;
    }
    if (first < 0) return null;
    return { values: out, filled: fillGaps(out) };
  }
}

/** Fills NaN gaps in place: forward with the last value, leading ones with the first; returns how many. */
export function fillGaps(values: Float64Array): number {
  let filled = 0;
  let last = NaN;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) { if (!Number.isNaN(last)) { values[i] = last; filled++; } } else last = values[i];
  }
  const first = values.findIndex((v) => !Number.isNaN(v));
  for (let i = 0; i < first; i++) { values[i] = values[first]; filled++; }
  return filled;
}

/** Percentile (0–100) of the finite values, nearest rank. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return 0;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

/** Trace samples as stored: shares clipped to [0, 1], rounded to 4 decimals; counts the clipped ones. */
export function toShares(values: ArrayLike<number>, scale: number): { samples: number[]; clipped: number; max: number } {
  const samples = new Array<number>(values.length);
  let clipped = 0, max = 0;
  for (let i = 0; i < values.length; i++) {
    const s = scale > 0 ? values[i] / scale : 0;
    if (s > max) max = s;
    if (s > 1) clipped++;
    samples[i] = Math.round(Math.min(1, Math.max(0, s)) * 10000) / 10000;
  }
  return { samples, clipped, max };
}
