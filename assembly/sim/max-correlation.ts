// The maximum-correlation selector's arithmetic: the item with the highest R² of its history on the others',
// screened from one correlation matrix before the exact Householder QR decides among the candidates. The
// reasoning, thresholds and guards are explained in the reference, core/sim/reference/max-correlation.ts, which
// this file follows operation by operation.
//
// Layout (raw f64/u8 regions laid out by engine.ts):
//   cols[c]           u32 address of item c's history: m f64 from the newest (read in place, in the item's ring)
//   kept              the correlation matrix of the last call whose screen computed one, for the next call on the
//                     same histories less some items (see reuseCorrelations): i32 n and m at 0 (n = 0: none), then
//                     at 8 P (n·n, column-major: P[a][b] at b·n + a; the lower triangle and the diagonal of 1)
//   keptHist          that call's histories, n columns of m rows (column-major: keptHist[c·m + row]); once the
//                     screen has run, the current call's (what the exact QR reads)
//   work[0, n·n)      the Cholesky factor L of P (column-major: L[i][j] at j·n + i, lower triangle)
//   work[n·n, +n·n)   X = L⁻¹ (row-major: X[i][r] at i·n + r, lower triangle); before it, reuseCorrelations' i32
//                     column map
//   work[2n·n, +n)    (P⁻¹)_rr, then each item's screened R²
//   candidate[c]      1 where the exact QR must still decide
//   full[c·m + row]   the QR of F = [1 | keptHist] (n + 1 columns) step by step; fullRd its R diagonal
//   q[c·m + row]      one regression's QR (n columns), from F's columns and then its own steps; before that, the
//                     screen's centred histories (row-major: m rows of n rounded up to a multiple of 4)
import { f64At, setF64, setU8, u8At } from './mem';
import { householderStep, olsFinish, olsOk, singularQr } from './stats';

const FLAT: f64 = 1e-5;
const COLLINEAR: f64 = 1e4;
const FLOOR: f64 = 1e-3;
const MARGIN: f64 = 1e-6;

/**
 * Index of the item CloudSim's MC selects among n histories (2 ≤ n ≤ m), or -1 where CloudSim's regression
 * throws and it falls back to MMT. cols: the u32 addresses of the n histories (m f64 each, newest first), read in
 * place; kept, keptHist: what the screen keeps from call to call (zeroed: nothing); full, fullRd, q, rd, yv, beta:
 * the QR's scratch.
 *
 * Each candidate r's R² is olsRSquared's of y = h_r on [h_0 … h_{r−1}, h_{r+1} … h_{n−1}], bit for bit, but the
 * QRs share work: that design [1, h_0 … h_{r−1}, h_{r+1} …] starts with the r + 1 columns [1, h_0 … h_{r−1}] of
 * F = [1, h_0 … h_{n−1}], and a Householder step transforms each later column by the current pivot column alone
 * (stats.ts householderStep). So after F's steps 0…r, F's columns 0…r are that regression's final columns 0…r
 * (with F's R diagonal), and F's columns r + 2…n are its columns r + 1…n − 1 after its steps 0…r: the regression
 * continues from there with its steps r + 1…n − 1. One QR of F plus the tails costs about a third of n QRs.
 * Once a fit's R² is exactly 1 no later one can win, so the later ones run only as far as olsFinish's refusal.
 */
export function maxCorrelationIndex(cols: usize, n: i32, m: i32, kept: usize, keptHist: usize, work: usize,
  candidate: usize, full: usize, fullRd: usize, q: usize, rd: usize, yv: usize, beta: usize): i32 {
  const k = n - 1;
  const screened = screenMaxCorrelation(cols, n, m, kept, keptHist, work, candidate, q);
  if (screened == 1) {
    for (let r = 0; r < n; r++) if (u8At(candidate, r) != 0) return r;
  }
  if (k < 1 || m < 1 || k + 1 > m) return -1; // olsRSquared's refusal, the same for every candidate
  const bytes = <usize>m << 3, hist = keptHist; // the screen has left this call's histories there
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
    if (bestMetric == 1.0) {
      // No R² exceeds 1 (1 − ssr / m2 with ssr, m2 ≥ 0, or NaN) and a tie keeps the first, so from here on only
      // olsFinish's refusal can change the answer: its test alone. With n = m every fit is exact and every R² is
      // 1, so this saves all but the first fit's solution on those calls.
      if (singularQr(rd, n)) return -1;
      continue;
    }
    const r2 = olsFinish(q, n, hist, r, hist + <usize>r * bytes, m, rd, yv, beta);
    if (!olsOk) return -1;
    if (r2 > bestMetric) { bestMetric = r2; best = r; }
  }
  return best;
}

/** P[a][b] (a > b) from the sum of products of the centred columns a and b and each column's 1/√ of its centred
 * sum of squares (scale[c]), as the reference: s · (scale[a] · scale[b]). */
@inline function correlate(p: usize, n: i32, a: i32, b: i32, s: f64, scale: usize): void {
  setF64(p, b * n + a, s * (f64At(scale, a) * f64At(scale, b)));
}

/** correlate for the columns b and b + 1 whose sums are s's lanes, each only where it is below a. */
@inline function correlatePair(p: usize, n: i32, a: i32, b: i32, s: v128, scale: usize): void {
  if (b < a) correlate(p, n, a, b, f64x2.extract_lane(s, 0), scale);
  if (b + 1 < a) correlate(p, n, a, b + 1, f64x2.extract_lane(s, 1), scale);
}

/** The address of item c's history (cols[c]). */
@inline function column(cols: usize, c: i32): usize {
  return <usize>load<u32>(cols + (<usize>c << 2));
}

/** Whether columns a and b of m rows hold the same bits. */
@inline function sameColumn(a: usize, b: usize, m: i32): bool {
  for (let row = 0; row < m; row++) {
    const at = <usize>row << 3;
    if (load<u64>(a + at) != load<u64>(b + at)) return false;
  }
  return true;
}

/**
 * Whether kept's P serves the histories at cols, and if so that P and keptHist, the rows and columns of the items no
 * longer there removed. P[a][b] is a function of columns a and b alone (each centred by its own mean), so where every
 * history at cols is, in order, a column of keptHist with the same bits and m is the same, the P a new computation
 * would give is kept's P at those columns (and every column passed the flatness test before). CloudSim selects from
 * an overloaded host one item at a time, removing each before it asks again: half the calls on the PlanetLab days are
 * such a call. The columns are matched first to last, each to the first kept column from the last match on with the
 * same bits.
 */
function reuseCorrelations(cols: usize, n: i32, m: i32, kept: usize, keptHist: usize, map: usize): bool {
  const kn = load<i32>(kept), p = kept + 8;
  if (kn < n || load<i32>(kept, 4) != m) return false;
  const bytes = <usize>m << 3;
  let o = 0;
  for (let c = 0; c < n; c++) {
    while (o < kn && !sameColumn(column(cols, c), keptHist + <usize>o * bytes, m)) o++;
    if (o == kn) return false;
    store<i32>(map + (<usize>c << 2), o++);
  }
  // In place, in increasing order of the new index b·n + a: it is never above the old one, which is read only here.
  for (let b = 0; b < n; b++) {
    const ob = load<i32>(map + (<usize>b << 2));
    setF64(p, b * n + b, 1);
    for (let a = b + 1; a < n; a++) setF64(p, b * n + a, f64At(p, ob * kn + load<i32>(map + (<usize>a << 2))));
  }
  store<i32>(kept, n);
  // keptHist likewise: each column moves to its new index, never above its old one (nothing moves before the first
  // item removed).
  for (let c = 0; c < n; c++) {
    const o = load<i32>(map + (<usize>c << 2));
    if (o != c) memory.copy(keptHist + <usize>c * bytes, keptHist + <usize>o * bytes, bytes);
  }
  return true;
}

/**
 * Number of candidates (≥ 1) flagged in candidate[0, n), or -1 when every item needs the exact QR. P is kept's
 * where reuseCorrelations allows, else computed into kept (correlations) from the histories copied into keptHist;
 * either way keptHist then holds this call's histories. centred: scratch for correlations (m rows of n rounded up
 * to a multiple of 4).
 */
function screenMaxCorrelation(cols: usize, n: i32, m: i32, kept: usize, keptHist: usize, work: usize,
  candidate: usize, centred: usize): i32 {
  const d = n * n, p = kept + 8;
  const x = work + (<usize>d << 3), sq = work + (<usize>(2 * d) << 3);
  if (!reuseCorrelations(cols, n, m, kept, keptHist, x)) {
    store<i32>(kept, 0);
    const bytes = <usize>m << 3;
    for (let c = 0; c < n; c++) memory.copy(keptHist + <usize>c * bytes, column(cols, c), bytes);
    if (!correlations(keptHist, n, m, p, centred, sq)) return -1;
    store<i32>(kept, n); store<i32>(kept, m, 4);
  }
  // With n ≥ m the n centred histories span at most m − 1 dimensions: P is singular and would fail the Cholesky
  // below or the COLLINEAR test (its rounding, ~1e-11, is far below any pivot those let pass). P is still kept for
  // the next call on these histories less the item chosen.
  if (n >= m) return -1;
  if (!cholesky(p, n, work)) return -1;
  // (P⁻¹)_rr = Σ_i X[i][r]² for X = L⁻¹, row by row: X[i][r] = (δ_ir − Σ_{k=r}^{i−1} L[i][k]·X[k][r]) / L[i][i], the
  // reference's forward substitution for column r, and its sum of squares in the same order (i ascending).
  // Within a row the columns are independent: r and r + 1 run in the two lanes of one f64x2, lane r doing its
  // first term (k = r) before the lanes go on together.
  for (let r = 0; r < n; r++) setF64(sq, r, 0);
  for (let i = 0; i < n; i++) {
    const l = f64At(work, i * n + i);
    const xi = x + (<usize>(i * n) << 3);
    let r = 0;
    for (; r + 3 < i; r += 4) { // columns r, r + 1 and r + 2, r + 3: two independent chains
      let t0: f64 = 0;
      t0 -= f64At(work, r * n + i) * f64At(x, r * n + r);
      let t = f64x2.replace_lane(f64x2.splat(0), 0, t0);
      t = f64x2.sub(t, f64x2.mul(f64x2.splat(f64At(work, (r + 1) * n + i)), v128.load(x + (<usize>((r + 1) * n + r) << 3))));
      t = f64x2.sub(t, f64x2.mul(f64x2.splat(f64At(work, (r + 2) * n + i)), v128.load(x + (<usize>((r + 2) * n + r) << 3))));
      let u0: f64 = 0;
      u0 -= f64At(work, (r + 2) * n + i) * f64At(x, (r + 2) * n + r + 2);
      let u = f64x2.replace_lane(f64x2.splat(0), 0, u0);
      for (let k = r + 3; k < i; k++) {
        const c = f64x2.splat(f64At(work, k * n + i)), at = x + (<usize>(k * n + r) << 3);
        t = f64x2.sub(t, f64x2.mul(c, v128.load(at)));
        u = f64x2.sub(u, f64x2.mul(c, v128.load(at, 16)));
      }
      t = f64x2.div(t, f64x2.splat(l));
      u = f64x2.div(u, f64x2.splat(l));
      v128.store(xi + (<usize>r << 3), t);
      v128.store(xi + (<usize>r << 3), u, 16);
      const at = sq + (<usize>r << 3);
      v128.store(at, f64x2.add(v128.load(at), f64x2.mul(t, t)));
      v128.store(at, f64x2.add(v128.load(at, 16), f64x2.mul(u, u)), 16);
    }
    for (; r + 1 < i; r += 2) {
      let t0: f64 = 0;
      t0 -= f64At(work, r * n + i) * f64At(x, r * n + r);
      let t = f64x2.replace_lane(f64x2.splat(0), 0, t0);
      for (let k = r + 1; k < i; k++) {
        t = f64x2.sub(t, f64x2.mul(f64x2.splat(f64At(work, k * n + i)), v128.load(x + (<usize>(k * n + r) << 3))));
      }
      t = f64x2.div(t, f64x2.splat(l));
      v128.store(xi + (<usize>r << 3), t);
      const at = sq + (<usize>r << 3);
      v128.store(at, f64x2.add(v128.load(at), f64x2.mul(t, t)));
    }
    for (; r <= i; r++) {
      let t: f64 = i == r ? 1 : 0;
      for (let k = r; k < i; k++) t -= f64At(work, k * n + i) * f64At(x, k * n + r);
      t /= l;
      setF64(xi, r, t);
      setF64(sq, r, f64At(sq, r) + t * t);
    }
  }
  let best: f64 = -Infinity;
  for (let r = 0; r < n; r++) {
    const inv = f64At(sq, r);
    if (!(inv <= COLLINEAR)) return -1;
    const r2 = 1 - 1 / inv;
    setF64(sq, r, r2);
    if (r2 > best) best = r2;
  }
  if (!(best >= FLOOR)) return -1;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const near = f64At(sq, r) >= best - MARGIN;
    setU8(candidate, r, near ? 1 : 0);
    if (near) count++;
  }
  return count;
}

/**
 * P = L·Lᵀ into l (column-major, as P), or false where the reference's Cholesky refuses. Column j's entries below the
 * diagonal are independent: rows i and i + 1 run in the two lanes of one f64x2, contiguous in both P and L.
 */
function cholesky(p: usize, n: i32, l: usize): bool {
  for (let j = 0; j < n; j++) {
    let s = f64At(p, j * n + j);
    for (let k = 0; k < j; k++) s -= f64At(l, k * n + j) * f64At(l, k * n + j);
    if (!(s > 1 / COLLINEAR)) return false;
    const ljj = sqrt<f64>(s);
    setF64(l, j * n + j, ljj);
    const lj = f64x2.splat(ljj);
    let i = j + 1;
    for (; i + 3 < n; i += 4) { // rows i … i + 3: two independent chains
      let t = v128.load(p + (<usize>(j * n + i) << 3)), u = v128.load(p + (<usize>(j * n + i) << 3), 16);
      for (let k = 0; k < j; k++) {
        const at = l + (<usize>(k * n + i) << 3), c = f64x2.splat(f64At(l, k * n + j));
        t = f64x2.sub(t, f64x2.mul(v128.load(at), c));
        u = f64x2.sub(u, f64x2.mul(v128.load(at, 16), c));
      }
      v128.store(l + (<usize>(j * n + i) << 3), f64x2.div(t, lj));
      v128.store(l + (<usize>(j * n + i) << 3), f64x2.div(u, lj), 16);
    }
    for (; i + 1 < n; i += 2) {
      let t = v128.load(p + (<usize>(j * n + i) << 3));
      for (let k = 0; k < j; k++) {
        t = f64x2.sub(t, f64x2.mul(v128.load(l + (<usize>(k * n + i) << 3)), f64x2.splat(f64At(l, k * n + j))));
      }
      v128.store(l + (<usize>(j * n + i) << 3), f64x2.div(t, lj));
    }
    if (i < n) {
      let t = f64At(p, j * n + i);
      for (let k = 0; k < j; k++) t -= f64At(l, k * n + i) * f64At(l, k * n + j);
      setF64(l, j * n + i, t / ljj);
    }
  }
  return true;
}

/**
 * P (as kept's, at p) from the histories, or false where an item's history is nearly flat. The means and centred
 * sums of squares are taken two columns at a time, two independent chains of additions each in the reference's
 * order. centred: the centred histories, row-major with a row of `stride` columns, n rounded up to a multiple of 4
 * (centred[row·stride + c] = hist[c·m + row] − mean c, stored as it is squared; the columns from n on hold 0), so
 * that the sums of products of item a's column with items' columns b, b + 1 run in the two lanes of one f64x2 —
 * each lane the same operations in the same order as the scalar loop (SIMD f64 arithmetic rounds each lane as scalar
 * arithmetic does). Each pair is one serial chain of additions, so the more pairs run at once, the less the chains'
 * latency shows: eight columns b at a time (four f64x2 chains), then four. Row a runs over the columns below a
 * rounded up to a multiple of 4, so no pair is left to a scalar chain; the products with columns from a on are
 * computed and not used. scale: n f64 for each column's 1/√ of its centred sum of squares (one square root and
 * one division per item instead of per pair).
 */
function correlations(hist: usize, n: i32, m: i32, p: usize, centred: usize, scale: usize): bool {
  const stride = (n + 3) & ~3, rowBytes = <usize>stride << 3;
  for (let c = 0; c < n; c += 2) {
    const o = c * m, o2 = c + 1 < n ? o + m : o; // an odd last column is computed twice
    let sum: f64 = 0, raw: f64 = 0, sum2: f64 = 0, raw2: f64 = 0;
    for (let row = 0; row < m; row++) {
      const v = f64At(hist, o + row), v2 = f64At(hist, o2 + row);
      sum += v; raw += v * v;
      sum2 += v2; raw2 += v2 * v2;
    }
    const mc = sum / <f64>m, mc2 = sum2 / <f64>m;
    let ss: f64 = 0, ss2: f64 = 0;
    for (let row = 0; row < m; row++) {
      const z = f64At(hist, o + row) - mc, z2 = f64At(hist, o2 + row) - mc2;
      ss += z * z; ss2 += z2 * z2;
      const at = centred + (<usize>(row * stride + c) << 3);
      store<f64>(at, z);
      if (c + 1 < n) store<f64>(at, z2, 8);
    }
    if (!(ss > FLAT * raw) || !(ss2 > FLAT * raw2)) return false;
    setF64(p, c * n + c, ss);
    if (c + 1 < n) setF64(p, (c + 1) * n + c + 1, ss2);
  }
  for (let row = 0; row < m; row++) for (let c = n; c < stride; c++) setF64(centred, row * stride + c, 0);
  for (let c = 0; c < n; c++) setF64(scale, c, 1 / sqrt<f64>(f64At(p, c * n + c)));
  for (let a = 1; a < n; a++) {
    const ca = centred + (<usize>a << 3), end = (a + 3) & ~3;
    let b = 0;
    for (; b + 7 < end; b += 8) {
      const cb = centred + (<usize>b << 3);
      let s01 = f64x2.splat(0), s23 = f64x2.splat(0), s45 = f64x2.splat(0), s67 = f64x2.splat(0);
      for (let row = 0; row < m; row++) {
        const at = <usize>row * rowBytes;
        const x = f64x2.splat(load<f64>(ca + at));
        s01 = f64x2.add(s01, f64x2.mul(x, v128.load(cb + at)));
        s23 = f64x2.add(s23, f64x2.mul(x, v128.load(cb + at, 16)));
        s45 = f64x2.add(s45, f64x2.mul(x, v128.load(cb + at, 32)));
        s67 = f64x2.add(s67, f64x2.mul(x, v128.load(cb + at, 48)));
      }
      correlatePair(p, n, a, b, s01, scale);
      correlatePair(p, n, a, b + 2, s23, scale);
      correlatePair(p, n, a, b + 4, s45, scale);
      correlatePair(p, n, a, b + 6, s67, scale);
    }
    if (b < end) { // four columns left (end is a multiple of 4)
      const cb = centred + (<usize>b << 3);
      let s01 = f64x2.splat(0), s23 = f64x2.splat(0);
      for (let row = 0; row < m; row++) {
        const at = <usize>row * rowBytes;
        const x = f64x2.splat(load<f64>(ca + at));
        s01 = f64x2.add(s01, f64x2.mul(x, v128.load(cb + at)));
        s23 = f64x2.add(s23, f64x2.mul(x, v128.load(cb + at, 16)));
      }
      correlatePair(p, n, a, b, s01, scale);
      correlatePair(p, n, a, b + 2, s23, scale);
    }
  }
  for (let c = 0; c < n; c++) setF64(p, c * n + c, 1);
  return true;
}
