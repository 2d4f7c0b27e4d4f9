// The maximum-correlation selector's arithmetic: the item with the highest R² of its history on the others',
// screened from one correlation matrix before the exact Householder QR decides among the candidates. The
// reasoning, thresholds and guards are explained in the reference, core/sim/reference/max-correlation.ts, which
// this file follows operation by operation.
//
// Layout (raw f64/u8 regions laid out by engine.ts):
//   hist[c·m + row]   item c's history, n columns of m rows (column-major)
//   work[0, n·n)      correlation matrix P, then its Cholesky factor L (row-major, lower triangle)
//   work[n·n, +n)     column means, then each item's screened R²
//   work[n·n+n, +n)   one column of L⁻¹
//   candidate[c]      1 where the exact QR must still decide
//   full[c·m + row]   the QR of F = [1 | hist] (n + 1 columns) step by step; fullRd its R diagonal
//   q[c·m + row]      one regression's QR (n columns), from F's columns and then its own steps; before that, the
//                     screen's centred histories (row-major, n·m)
import { f64At, setF64, setU8, u8At } from './mem';
import { householderStep, olsFinish, olsOk } from './stats';

const FLAT: f64 = 1e-5;
const COLLINEAR: f64 = 1e4;
const FLOOR: f64 = 1e-3;
const MARGIN: f64 = 1e-6;

/**
 * Index of the item CloudSim's MC selects among n histories (2 ≤ n ≤ m), or -1 where CloudSim's regression
 * throws and it falls back to MMT. full, fullRd, q, rd, yv, beta: the QR's scratch.
 *
 * Each candidate r's R² is olsRSquared's of y = h_r on [h_0 … h_{r−1}, h_{r+1} … h_{n−1}], bit for bit, but the
 * QRs share work: that design [1, h_0 … h_{r−1}, h_{r+1} …] starts with the r + 1 columns [1, h_0 … h_{r−1}] of
 * F = [1, h_0 … h_{n−1}], and a Householder step transforms each later column by the current pivot column alone
 * (stats.ts householderStep). So after F's steps 0…r, F's columns 0…r are that regression's final columns 0…r
 * (with F's R diagonal), and F's columns r + 2…n are its columns r + 1…n − 1 after its steps 0…r: the regression
 * continues from there with its steps r + 1…n − 1. One QR of F plus the tails costs about a third of n QRs.
 */
export function maxCorrelationIndex(hist: usize, n: i32, m: i32, work: usize, candidate: usize,
  full: usize, fullRd: usize, q: usize, rd: usize, yv: usize, beta: usize): i32 {
  const k = n - 1;
  const screened = screenMaxCorrelation(hist, n, m, work, candidate, q);
  if (screened == 1) {
    for (let r = 0; r < n; r++) if (u8At(candidate, r) != 0) return r;
  }
  if (k < 1 || m < 1 || k + 1 > m) return -1; // olsRSquared's refusal, the same for every candidate
  const bytes = <usize>m << 3;
  for (let row = 0; row < m; row++) setF64(full, row, 1.0);
  memory.copy(full + bytes, hist, <usize>n * bytes);
  let best = 0;
  let bestMetric: f64 = 5e-324;
  for (let r = 0; r < n; r++) {
    householderStep(full, m, r, n + 1, fullRd);
    if (screened > 0 && u8At(candidate, r) == 0) continue;
    memory.copy(q, full, <usize>(r + 1) * bytes);
    if (r + 1 < n) memory.copy(q + <usize>(r + 1) * bytes, full + <usize>(r + 2) * bytes, <usize>(n - 1 - r) * bytes);
    memory.copy(rd, fullRd, <usize>(r + 1) << 3);
    for (let minor = r + 1; minor < n; minor++) householderStep(q, m, minor, n, rd);
    const r2 = olsFinish(q, n, hist, r, hist + <usize>r * bytes, m, rd, yv, beta);
    if (!olsOk) return -1;
    if (r2 > bestMetric) { bestMetric = r2; best = r; }
  }
  return best;
}

/** P[a][b] from the sum of products of the centred columns a and b. */
@inline function correlate(work: usize, n: i32, a: i32, b: i32, s: f64): void {
  setF64(work, a * n + b, s / sqrt<f64>(f64At(work, a * n + a) * f64At(work, b * n + b)));
}

/**
 * Number of candidates (≥ 1) flagged in candidate[0, n), or -1 when every item needs the exact QR. centred: n·m
 * scratch for the centred histories, row-major (centred[row·n + c] = hist[c·m + row] − mean c), so that the sums
 * of products of item a's column with two items' columns b, b + 1 run in the two lanes of one f64x2 — each lane
 * the same operations in the same order as the scalar loop (SIMD f64 arithmetic rounds each lane as scalar
 * arithmetic does), several pairs at a time instead of one serial chain of additions.
 */
function screenMaxCorrelation(hist: usize, n: i32, m: i32, work: usize, candidate: usize, centred: usize): i32 {
  const d = n * n;
  for (let c = 0; c < n; c++) {
    const o = c * m;
    let sum: f64 = 0, raw: f64 = 0;
    for (let row = 0; row < m; row++) { const v = f64At(hist, o + row); sum += v; raw += v * v; }
    setF64(work, d + c, sum / <f64>m);
    let centred: f64 = 0;
    for (let row = 0; row < m; row++) { const z = f64At(hist, o + row) - f64At(work, d + c); centred += z * z; }
    if (!(centred > FLAT * raw)) return -1;
    setF64(work, c * n + c, centred);
  }
  for (let c = 0; c < n; c++) {
    const o = c * m, mc = f64At(work, d + c);
    for (let row = 0; row < m; row++) setF64(centred, row * n + c, f64At(hist, o + row) - mc);
  }
  const stride = <usize>n << 3;
  for (let a = 0; a < n; a++) {
    const ca = centred + (<usize>a << 3);
    let b = 0;
    for (; b + 3 < a; b += 4) { // columns b … b + 3 in two f64x2 accumulators
      const cb = centred + (<usize>b << 3);
      let s01 = f64x2.splat(0), s23 = f64x2.splat(0);
      for (let row = 0; row < m; row++) {
        const at = <usize>row * stride;
        const x = f64x2.splat(load<f64>(ca + at));
        s01 = f64x2.add(s01, f64x2.mul(x, v128.load(cb + at)));
        s23 = f64x2.add(s23, f64x2.mul(x, v128.load(cb + at, 16)));
      }
      correlate(work, n, a, b, f64x2.extract_lane(s01, 0));
      correlate(work, n, a, b + 1, f64x2.extract_lane(s01, 1));
      correlate(work, n, a, b + 2, f64x2.extract_lane(s23, 0));
      correlate(work, n, a, b + 3, f64x2.extract_lane(s23, 1));
    }
    for (; b < a; b++) {
      const cb = centred + (<usize>b << 3);
      let s: f64 = 0;
      for (let row = 0; row < m; row++) {
        const at = <usize>row * stride;
        s += load<f64>(ca + at) * load<f64>(cb + at);
      }
      correlate(work, n, a, b, s);
    }
  }
  for (let c = 0; c < n; c++) setF64(work, c * n + c, 1);
  for (let j = 0; j < n; j++) {
    let s = f64At(work, j * n + j);
    for (let k = 0; k < j; k++) s -= f64At(work, j * n + k) * f64At(work, j * n + k);
    if (!(s > 1 / COLLINEAR)) return -1;
    const l = sqrt<f64>(s);
    setF64(work, j * n + j, l);
    for (let i = j + 1; i < n; i++) {
      let t = f64At(work, i * n + j);
      for (let k = 0; k < j; k++) t -= f64At(work, i * n + k) * f64At(work, j * n + k);
      setF64(work, i * n + j, t / l);
    }
  }
  const x = d + n;
  let best: f64 = -Infinity;
  for (let r = 0; r < n; r++) {
    let inv: f64 = 0;
    for (let i = r; i < n; i++) {
      let t: f64 = i == r ? 1 : 0;
      for (let k = r; k < i; k++) t -= f64At(work, i * n + k) * f64At(work, x + k);
      t /= f64At(work, i * n + i);
      setF64(work, x + i, t);
      inv += t * t;
    }
    if (!(inv <= COLLINEAR)) return -1;
    const r2 = 1 - 1 / inv;
    setF64(work, d + r, r2);
    if (r2 > best) best = r2;
  }
  if (!(best >= FLOOR)) return -1;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const near = f64At(work, d + r) >= best - MARGIN;
    setU8(candidate, r, near ? 1 : 0);
    if (near) count++;
  }
  return count;
}
