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
import { f64At, setF64, setU8, u8At } from './mem';
import { olsOk, olsRSquared } from './stats';

const FLAT: f64 = 1e-5;
const COLLINEAR: f64 = 1e4;
const FLOOR: f64 = 1e-3;
const MARGIN: f64 = 1e-6;

/**
 * Index of the item CloudSim's MC selects among n histories (2 ≤ n ≤ m), or -1 where CloudSim's regression
 * throws and it falls back to MMT. x, q, rd, yv, beta: the QR's scratch (olsRSquared).
 */
export function maxCorrelationIndex(hist: usize, n: i32, m: i32, work: usize, candidate: usize,
  x: usize, q: usize, rd: usize, yv: usize, beta: usize): i32 {
  const k = n - 1;
  const screened = screenMaxCorrelation(hist, n, m, work, candidate);
  if (screened == 1) {
    for (let r = 0; r < n; r++) if (u8At(candidate, r) != 0) return r;
  }
  let best = 0;
  let bestMetric: f64 = 5e-324;
  for (let r = 0; r < n; r++) {
    if (screened > 0 && u8At(candidate, r) == 0) continue;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (j == r) continue;
      memory.copy(x + (<usize>(c * m) << 3), hist + (<usize>(j * m) << 3), <usize>m << 3);
      c++;
    }
    const r2 = olsRSquared(x, k, hist + (<usize>(r * m) << 3), m, q, rd, yv, beta);
    if (!olsOk) return -1;
    if (r2 > bestMetric) { bestMetric = r2; best = r; }
  }
  return best;
}

/** Number of candidates (≥ 1) flagged in candidate[0, n), or -1 when every item needs the exact QR. */
function screenMaxCorrelation(hist: usize, n: i32, m: i32, work: usize, candidate: usize): i32 {
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
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      const oa = a * m, ob = b * m, ma = f64At(work, d + a), mb = f64At(work, d + b);
      let s: f64 = 0;
      for (let row = 0; row < m; row++) s += (f64At(hist, oa + row) - ma) * (f64At(hist, ob + row) - mb);
      setF64(work, a * n + b, s / sqrt<f64>(f64At(work, a * n + a) * f64At(work, b * n + b)));
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
