// The maximum-correlation (MC) selector's arithmetic: which of n items has the highest R² of its history
// regressed on the others' (CloudSim's PowerVmSelectionPolicyMaximumCorrelation).
//
// CloudSim refits Commons Math's OLS (Householder QR of [1 | others]) once per item: O(m·n³) per selection, most
// of a day's simulation time. A screen first computes all n leave-one-out R² from one correlation matrix P of
// the histories, O(m·n² + n³), because R²_r = 1 − 1 / (P⁻¹)_rr for a regression with intercept. Those are the
// same numbers up to rounding, not the same bits, so they only name the candidates (within MARGIN of the best);
// the exact QR then decides among them and CloudSim's choice is kept bit for bit. The screen refuses (every QR
// runs, as in CloudSim) whenever rounding could matter:
//   - an item's history is nearly flat (centred sum of squares ≤ FLAT × raw sum of squares): the QR may meet an
//     exactly singular column (Commons Math throws, MC falls back to MMT) or fit noise;
//   - an item is explained almost perfectly by the others ((P⁻¹)_rr > COLLINEAR, R² > 1 − 1/COLLINEAR); otherwise
//     κ(P) ≤ n·trace(P⁻¹) ≤ n²·COLLINEAR ≈ 10⁷ and both computations are accurate to ~10⁻⁹ in R²
//     (measured on the ten PlanetLab days: at most 3·10⁻¹³ apart, against a MARGIN of 10⁻⁶; on 4 000 random hosts
//     of 2–29 PlanetLab histories of 30 samples, at most 3.9·10⁻¹³, and 2.6·10⁻¹³ with P[a][b] computed as
//     s_ab / √(s_aa·s_bb) per pair instead of s_ab · (1/√s_aa · 1/√s_bb));
//   - the best R² is below FLOOR (CloudSim's start value Double.MIN_VALUE must surely lose to it);
//   - n ≥ m: P is singular (rank ≤ m − 1), so the Cholesky or the COLLINEAR test would refuse anyway (P's
//     rounding, ~1e-11, is far below any pivot they let pass); this only saves the attempt.
// WASM (assembly/sim/max-correlation.ts) repeats the screen's operations in the same order; its exact QRs share
// work between the regressions and stop solving once an R² is exactly 1 (no later one can win), with the same answer.
//
// Layout: hist[c·m + row] is item c's history (column-major, n columns of m rows); work holds the n×n matrix P,
// then its Cholesky factor L (row-major, lower triangle), then n means (later each item's screened R²), then
// one column of L⁻¹ (before it, each item's 1/√ of its centred sum of squares; n·n + 2n in all); candidate[c] = 1
// marks an item the exact QR must still decide.
import { olsRSquared } from './stats';

const FLAT = 1e-5;
const COLLINEAR = 1e4;
const FLOOR = 1e-3;
const MARGIN = 1e-6;

/** Scratch for n ≤ maxN items of m ≤ maxM samples. */
export interface McScratch {
  readonly x: Float64Array; readonly q: Float64Array; readonly rd: Float64Array; readonly yv: Float64Array;
  readonly beta: Float64Array; readonly work: Float64Array; readonly candidate: Uint8Array;
}

export function mcScratch(maxN: number, maxM: number): McScratch {
  return {
    x: new Float64Array(maxN * maxM), q: new Float64Array((maxN + 1) * maxM), rd: new Float64Array(maxN + 1),
    yv: new Float64Array(maxM), beta: new Float64Array(maxN + 1), work: new Float64Array(maxN * maxN + 2 * maxN),
    candidate: new Uint8Array(maxN),
  };
}

/**
 * Index of the item CloudSim's MC selects among n histories (hist as above, 2 ≤ n ≤ m), or -1 where CloudSim's
 * regression throws (singular design) and it falls back to MMT. Without the screen (screen = false) every QR
 * runs, exactly as CloudSim does; the screen changes the work, never the answer (test/unit/sim/max-correlation).
 */
export function maxCorrelationIndex(hist: Float64Array, n: number, m: number, s: McScratch, screen = true): number {
  const k = n - 1;
  const screened = screen ? screenMaxCorrelation(hist, n, m, s.work, s.candidate) : -1;
  if (screened === 1) return s.candidate.indexOf(1);
  let best = 0, bestMetric = 4.9e-324; // Double.MIN_VALUE, CloudSim's start value
  for (let r = 0; r < n; r++) {
    if (screened > 0 && s.candidate[r] === 0) continue;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (j === r) continue;
      s.x.set(hist.subarray(j * m, j * m + m), c * m);
      c++;
    }
    const r2 = olsRSquared(s.x, k, hist.subarray(r * m, r * m + m), m, s.q, s.rd, s.yv, s.beta);
    if (r2 === null) return -1;
    if (r2 > bestMetric) { bestMetric = r2; best = r; }
  }
  return best;
}

/** Number of candidates (≥ 1) flagged in candidate[0, n), or -1 when every item needs the exact QR. */
export function screenMaxCorrelation(hist: Float64Array, n: number, m: number, work: Float64Array,
  candidate: Uint8Array): number {
  const p = work; // n×n, then overwritten by L
  const d = n * n; // offset of the inverse diagonal
  // Centred cross products: means first, then sums of (x − mean)(y − mean) in row order.
  for (let c = 0; c < n; c++) {
    const o = c * m;
    let sum = 0, raw = 0;
    for (let row = 0; row < m; row++) { const v = hist[o + row]; sum += v; raw += v * v; }
    work[d + c] = sum / m;
    let centred = 0;
    for (let row = 0; row < m; row++) { const z = hist[o + row] - work[d + c]; centred += z * z; }
    if (!(centred > FLAT * raw)) return -1;
    p[c * n + c] = centred;
  }
  // P[a][b] = s_ab · (1/√s_aa · 1/√s_bb): one square root and one division per item instead of per pair.
  const scale = d + n; // 1/√s_cc, in the inverse's column until the Cholesky
  for (let c = 0; c < n; c++) work[scale + c] = 1 / Math.sqrt(p[c * n + c]);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      const oa = a * m, ob = b * m, ma = work[d + a], mb = work[d + b];
      let s = 0;
      for (let row = 0; row < m; row++) s += (hist[oa + row] - ma) * (hist[ob + row] - mb);
      p[a * n + b] = s * (work[scale + a] * work[scale + b]);
    }
  }
  for (let c = 0; c < n; c++) p[c * n + c] = 1;
  if (n >= m) return -1; // n centred histories of m samples span at most m − 1 dimensions: P is singular
  // Cholesky P = L·Lᵀ in place (lower triangle).
  for (let j = 0; j < n; j++) {
    let s = p[j * n + j];
    for (let k = 0; k < j; k++) s -= p[j * n + k] * p[j * n + k];
    if (!(s > 1 / COLLINEAR)) return -1;
    const l = Math.sqrt(s);
    p[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let t = p[i * n + j];
      for (let k = 0; k < j; k++) t -= p[i * n + k] * p[j * n + k];
      p[i * n + j] = t / l;
    }
  }
  // (P⁻¹)_rr = Σ_i x_i² for x = L⁻¹·e_r (forward substitution into work[d + n, d + 2n)).
  const x = d + n;
  let best = -Infinity;
  for (let r = 0; r < n; r++) {
    let inv = 0;
    for (let i = r; i < n; i++) {
      let t = i === r ? 1 : 0;
      for (let k = r; k < i; k++) t -= p[i * n + k] * work[x + k];
      t /= p[i * n + i];
      work[x + i] = t;
      inv += t * t;
    }
    if (!(inv <= COLLINEAR)) return -1;
    const r2 = 1 - 1 / inv;
    work[d + r] = r2;
    if (r2 > best) best = r2;
  }
  if (!(best >= FLOOR)) return -1;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const near = work[d + r] >= best - MARGIN;
    candidate[r] = near ? 1 : 0;
    if (near) count++;
  }
  return count;
}
