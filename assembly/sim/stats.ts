// Statistics for the detectors and the MC selector: the same f64 operations in the same order as
// core/sim/reference/stats.ts (Commons Math 3 as CloudSim 4.0 calls it). Arrays are raw f64 regions.
import { f64At, setF64 } from './mem';

export function sortAscending(a: usize, n: i32): void {
  for (let i = 1; i < n; i++) {
    const v = f64At(a, i);
    let j = i - 1;
    while (j >= 0 && f64At(a, j) > v) { setF64(a, j + 1, f64At(a, j)); j--; }
    setF64(a, j + 1, v);
  }
}

/** Commons Math's position of the median among n sorted values, 1-based: 50 · (n + 1) / 100. */
@inline function medianPosition(n: i32): f64 {
  return 50 * <f64>(n + 1) / 100;
}

/** The last index medianSorted(·, n) reads. */
@inline function medianLastIndex(n: i32): i32 {
  const pos = medianPosition(n);
  return pos < 1 ? 0 : (pos >= <f64>n ? n - 1 : <i32>floor(pos));
}

export function medianSorted(a: usize, n: i32): f64 {
  const pos: f64 = medianPosition(n);
  const fpos = floor(pos);
  const intPos = <i32>fpos;
  const dif = pos - fpos;
  if (pos < 1) return f64At(a, 0);
  if (pos >= <f64>n) return f64At(a, n - 1);
  const lower = f64At(a, intPos - 1);
  const upper = f64At(a, intPos);
  return lower + dif * (upper - lower);
}

export function median(a: usize, n: i32): f64 {
  sortAscending(a, n);
  return medianSorted(a, n);
}

export function iqr(a: usize, n: i32): f64 {
  sortAscending(a, n);
  const q1 = <i32>floor(0.25 * <f64>(n + 1) + 0.5) - 1;
  const q3 = <i32>floor(0.75 * <f64>(n + 1) + 0.5) - 1;
  return f64At(a, q3) - f64At(a, q1);
}

/**
 * Median absolute deviation: the deviations |m − a[i]| come out sorted by merging outwards from the median (a is
 * sorted), and only as far as medianSorted(b, n) reads; where they start (the first a[i] ≥ m) is found by
 * bisection. The same values as merging all n after a linear search.
 */
export function mad(a: usize, b: usize, n: i32): f64 {
  if (n <= 0) return 0;
  const m = median(a, n);
  let lo = 0, hi = n; // a[i] < m holds for i < lo and fails from hi on
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f64At(a, mid) < m) lo = mid + 1; else hi = mid;
  }
  const need = medianLastIndex(n);
  let left = lo - 1, right = lo, k = 0;
  while (k <= need) {
    const dl: f64 = left >= 0 ? abs<f64>(m - f64At(a, left)) : Infinity;
    const dr: f64 = right < n ? abs<f64>(m - f64At(a, right)) : Infinity;
    if (dr <= dl) { setF64(b, k++, dr); right++; } else { setF64(b, k++, dl); left--; }
  }
  return medianSorted(b, n);
}

// ── Order statistics without sorting ──
// IQR and MAD read only two or four order statistics of 12–30 values, and the detectors compute them ~75 k times a
// day; sorting them by insertion spends most of its time on mispredicted loop exits. orderStat finds the value at
// position k of the ascending order by probing elements: a probe v counts, two lanes at a time and without branches,
// the values below it and those not above it, which says whether v is at position k or on which side that value
// lies; values outside the bounds found so far are not probed, so one pass over the elements suffices. The value at
// a position of an ascending order is unique among values that compare equal, which are the same value except +0
// and −0 — and the detectors' results do not depend on which of those sits where (see medianOf, iqrOf, madOf) — so
// the results are those of the sorts. Callers check that every value is finite (allFinite) first: ±∞ would break
// the open bounds and NaN the order, and they keep the sorting code for those.

/** Whether a[0, n) holds only finite values (v − v is 0 exactly for those, NaN for ±∞ and NaN). */
export function allFinite(a: usize, n: i32): bool {
  let acc = f64x2.splat(0);
  let j = 0;
  for (; j + 1 < n; j += 2) { const v = v128.load(a + (<usize>j << 3)); acc = f64x2.add(acc, f64x2.sub(v, v)); }
  let rest: f64 = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (j < n) { const v = f64At(a, j); rest += v - v; }
  return rest == 0;
}

/**
 * A value no less than iqr(a, n) and mad(a, b, n) of finite values, from their range alone (one pass, no order
 * statistic), so that a detector can rule overload out without them. Both spreads are differences of two values of a
 * (IQR: a[q3] − a[q1]) or of two deviations |m − a[i]| with the median m between min and max, interpolated — each such
 * difference is at most max − min, as rounding is monotone. The interpolation (lower + dif · (upper − lower), dif < 1)
 * may round one unit past its upper deviation, hence the relative and absolute margins; a range of 0 (every value
 * equal) makes both spreads exactly 0.
 */
export function spreadBound(a: usize, n: i32): f64 {
  let lo = f64x2.splat(Infinity), hi = f64x2.splat(-Infinity);
  let j = 0;
  for (; j + 1 < n; j += 2) { const v = v128.load(a + (<usize>j << 3)); lo = f64x2.pmin(lo, v); hi = f64x2.pmax(hi, v); }
  let least = min<f64>(f64x2.extract_lane(lo, 0), f64x2.extract_lane(lo, 1));
  let most = max<f64>(f64x2.extract_lane(hi, 0), f64x2.extract_lane(hi, 1));
  if (j < n) { const v = f64At(a, j); least = min<f64>(least, v); most = max<f64>(most, v); }
  const range = most - least;
  spreadLeast = least; spreadMost = most;
  return range == 0 ? 0 : range * (1 + 1e-9) + 1e-300;
}
/** The least and the greatest value spreadBound saw. */
export let spreadLeast: f64 = 0, spreadMost: f64 = 0;

// ── Is the spread above d? ──
// A detector only asks whether iqr or mad exceeds d = (1 − utilisation) / s. Where the spread is not within a
// relative SPREAD_MARGIN of d, counting the values on either side of d settles it without the last order statistics
// (IQR: its upper quartile; MAD: both order statistics of the deviations): 1 above, 0 below, −1 too close to tell,
// then the caller computes the spread. The margin dwarfs every rounding between the spread and the detector's
// comparison (a few units in the 16th digit), so the answer is the comparison's wherever one is given; callers keep
// d, the values and the utilisation within bounds (engine.ts overloaded) so that no rounding outweighs it either.
const SPREAD_MARGIN: f64 = 1e-6;

/** How many of a[0, n) are ≤ hi (into countNotAbove) and < lo (returned); with `deviations`, of |m − a[i]|. */
let countNotAbove: i32 = 0;
function countAround(a: usize, n: i32, deviations: bool, m: f64, lo: f64, hi: f64): i32 {
  const vm = f64x2.splat(m), vlo = f64x2.splat(lo), vhi = f64x2.splat(hi);
  let below = i64x2.splat(0), notAbove = i64x2.splat(0);
  let j = 0;
  for (; j + 1 < n; j += 2) {
    let x = v128.load(a + (<usize>j << 3));
    if (deviations) x = f64x2.abs(f64x2.sub(vm, x));
    below = i64x2.sub(below, f64x2.lt(x, vlo));
    notAbove = i64x2.sub(notAbove, f64x2.le(x, vhi));
  }
  let less = <i32>(i64x2.extract_lane(below, 0) + i64x2.extract_lane(below, 1));
  let lessEq = <i32>(i64x2.extract_lane(notAbove, 0) + i64x2.extract_lane(notAbove, 1));
  if (j < n) {
    let x = f64At(a, j);
    if (deviations) x = abs<f64>(m - x);
    if (x < lo) less++;
    if (x <= hi) lessEq++;
  }
  countNotAbove = lessEq;
  return less;
}

/** iqrOf(a, n) > d? (every value finite, iqrInRange(n)). From the lower quartile q and the count of values up to
 * q + d: the upper quartile is above q + d·(1 + margin) when at most q3 values are not above it. */
export function iqrAbove(a: usize, n: i32, d: f64): i32 {
  const q1 = <i32>floor(0.25 * <f64>(n + 1) + 0.5) - 1;
  const q3 = <i32>floor(0.75 * <f64>(n + 1) + 0.5) - 1;
  const lower = orderStat(a, n, q1);
  const below = countAround(a, n, false, 0, lower + d * (1 - SPREAD_MARGIN), lower + d * (1 + SPREAD_MARGIN));
  if (countNotAbove <= q3) return 1;
  if (below >= q3 + 1) return 0;
  return -1;
}

/** madOf(a, b, n) > d? (every value finite, n ≥ 2). The MAD lies between the deviations' order statistics at
 * medianSorted's lower and upper positions k, k + 1: above d when at most k deviations are not above d·(1 + margin),
 * below when at least k + 2 are below d·(1 − margin). */
export function madAbove(a: usize, n: i32, d: f64): i32 {
  const pos = medianPosition(n);
  if (pos < 1 || pos >= <f64>n) return -1;
  const k = <i32>floor(pos) - 1;
  const m = medianOf(a, n);
  const below = countAround(a, n, true, m, d * (1 - SPREAD_MARGIN), d * (1 + SPREAD_MARGIN));
  if (countNotAbove <= k) return 1;
  if (below >= k + 2) return 0;
  return -1;
}

/** The value at position k (0-based) of a[0, n) in ascending order; every value finite, 0 ≤ k < n. With `pair`
 * (k + 1 < n) the value at k + 1 too, into statNext: the same value where more than one more value is not above it,
 * else the least value above it (one more pass). */
let statNext: f64 = 0;
export function orderStat(a: usize, n: i32, k: i32, pair: bool = false): f64 {
  let lo = -Infinity, hi = Infinity; // the value sought lies strictly between lo and hi
  const start = k < n ? k : 0; // probe from position k on (wrapping): as good a guess as any for unsorted data
  for (let step = 0; step < n; step++) {
    let idx = start + step;
    if (idx >= n) idx -= n;
    const v = f64At(a, idx);
    if (!(v > lo && v < hi)) continue;
    const vv = f64x2.splat(v);
    let below = i64x2.splat(0), notAbove = i64x2.splat(0);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const x = v128.load(a + (<usize>j << 3));
      below = i64x2.sub(below, f64x2.lt(x, vv)); // a true lane is all ones, −1
      notAbove = i64x2.sub(notAbove, f64x2.le(x, vv));
    }
    let less = <i32>(i64x2.extract_lane(below, 0) + i64x2.extract_lane(below, 1));
    let lessEq = <i32>(i64x2.extract_lane(notAbove, 0) + i64x2.extract_lane(notAbove, 1));
    if (j < n) { const x = f64At(a, j); if (x < v) less++; if (x <= v) lessEq++; }
    if (less <= k && k < lessEq) {
      if (pair) statNext = k + 1 < lessEq ? v : leastAbove(a, n, v);
      return v;
    }
    if (k < less) hi = v; else lo = v;
  }
  return NaN; // not reached with finite values
}

/** The least of a[0, n) above v (one exists; every value finite). */
function leastAbove(a: usize, n: i32, v: f64): f64 {
  const vv = f64x2.splat(v), inf = f64x2.splat(Infinity);
  let m = inf;
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const x = v128.load(a + (<usize>j << 3));
    m = f64x2.pmin(m, v128.bitselect(x, inf, f64x2.gt(x, vv)));
  }
  let least = f64x2.extract_lane(m, 1) < f64x2.extract_lane(m, 0) ? f64x2.extract_lane(m, 1) : f64x2.extract_lane(m, 0);
  if (j < n) { const x = f64At(a, j); if (x > v && x < least) least = x; }
  return least;
}

/** medianSorted(sorted a, n), without sorting: lower + dif · (upper − lower) of the order statistics it reads. Where
 * those are zeros of either sign the result is +0 whichever sign sits where (±0 + dif · (±0 − ±0) is +0), and a
 * single zero ±0 beside a non-zero x gives the same sum either way. */
export function medianOf(a: usize, n: i32): f64 {
  const pos: f64 = medianPosition(n);
  const fpos = floor(pos);
  const intPos = <i32>fpos;
  const dif = pos - fpos;
  if (pos < 1) return orderStat(a, n, 0);
  if (pos >= <f64>n) return orderStat(a, n, n - 1);
  const lower = orderStat(a, n, intPos - 1, true);
  return lower + dif * (statNext - lower);
}

/** iqr(a, n) without sorting (the positions it reads must lie in [0, n)): q3 − q1 of the order statistics; where a
 * zero's sign differs from the sort's the difference can only differ in the sign of a zero result, and the detector
 * uses it as 1 − s · spread, which is 1 for either zero. */
export function iqrOf(a: usize, n: i32): f64 {
  const q1 = <i32>floor(0.25 * <f64>(n + 1) + 0.5) - 1;
  const q3 = <i32>floor(0.75 * <f64>(n + 1) + 0.5) - 1;
  return orderStat(a, n, q3) - orderStat(a, n, q1);
}

/** Whether iqrOf may stand in for iqr: the positions iqr reads lie within the n values. */
export function iqrInRange(n: i32): bool {
  return n >= 1 && <i32>floor(0.75 * <f64>(n + 1) + 0.5) - 1 < n;
}

/** mad(a, b, n) without sorting: the median of |m − a[i]| (written to b) with m = medianOf(a). The deviations are
 * absolute values, so never −0, and the same values as the merge in mad produces, in some order. */
export function madOf(a: usize, b: usize, n: i32): f64 {
  if (n <= 0) return 0;
  const m = medianOf(a, n);
  const vm = f64x2.splat(m);
  let j = 0;
  for (; j + 1 < n; j += 2) v128.store(b + (<usize>j << 3), f64x2.abs(f64x2.sub(vm, v128.load(a + (<usize>j << 3)))));
  if (j < n) setF64(b, j, abs<f64>(m - f64At(a, j)));
  return medianOf(b, n);
}

/** SimpleRegression of y[0..n) on x = 1..n; writes intercept, slope to out[0], out[1]. */
export function simpleRegression(y: usize, n: i32, out: usize): void {
  let sumX: f64 = 0, sumY: f64 = 0, sumXX: f64 = 0, sumXY: f64 = 0, xbar: f64 = 0, ybar: f64 = 0;
  for (let i = 0; i < n; i++) {
    const x: f64 = <f64>i + 1.0;
    const v = f64At(y, i);
    if (i == 0) { xbar = x; ybar = v; } else {
      const fact1: f64 = 1.0 + <f64>i;
      const fact2: f64 = <f64>i / (1.0 + <f64>i);
      const dx = x - xbar;
      const dy = v - ybar;
      sumXX += dx * dx * fact2;
      sumXY += dx * dy * fact2;
      xbar += dx / fact1;
      ybar += dy / fact1;
    }
    sumX += x;
    sumY += v;
  }
  const slope: f64 = n < 2 ? NaN : sumXY / sumXX;
  setF64(out, 0, (sumY - slope * sumX) / <f64>n);
  setF64(out, 1, slope);
}

// simpleRegression's terms that depend on x = 1..n only (dx, fact1, fact2, sumXX, sumX), computed for one n with
// the same operations in the same order and kept (static memory, n ≤ REG_MAX): regressReversed then does only the
// y-dependent ones.
const REG_MAX: i32 = 64;
const regDx: usize = memory.data(REG_MAX * 8, 8), regF1: usize = memory.data(REG_MAX * 8, 8), regF2: usize = memory.data(REG_MAX * 8, 8);
let regN: i32 = -1;
let regSumXX: f64 = 0, regSumX: f64 = 0;

function prepareRegression(n: i32): void {
  let sumX: f64 = 0, sumXX: f64 = 0, xbar: f64 = 0;
  for (let i = 0; i < n; i++) {
    const x: f64 = <f64>i + 1.0;
    if (i == 0) xbar = x; else {
      const fact1: f64 = 1.0 + <f64>i;
      const fact2: f64 = <f64>i / (1.0 + <f64>i);
      const dx = x - xbar;
      sumXX += dx * dx * fact2;
      xbar += dx / fact1;
      setF64(regDx, i, dx); setF64(regF1, i, fact1); setF64(regF2, i, fact2);
    }
    sumX += x;
  }
  regSumXX = sumXX; regSumX = sumX; regN = n;
}

/** simpleRegression of y[k] = a[n − 1 − k] (a read backwards), with the same result bit for bit. */
export function regressReversed(a: usize, n: i32, out: usize, scratch: usize): void {
  if (n > REG_MAX) {
    for (let k = 0; k < n; k++) setF64(scratch, k, f64At(a, n - 1 - k));
    simpleRegression(scratch, n, out);
    return;
  }
  if (n != regN) prepareRegression(n);
  let sumY: f64 = 0, sumXY: f64 = 0, ybar: f64 = 0;
  for (let i = 0; i < n; i++) {
    const v = f64At(a, n - 1 - i);
    if (i == 0) ybar = v; else {
      const dy = v - ybar;
      sumXY += f64At(regDx, i) * dy * f64At(regF2, i);
      ybar += dy / f64At(regF1, i);
    }
    sumY += v;
  }
  const slope: f64 = n < 2 ? NaN : sumXY / regSumXX;
  setF64(out, 0, (sumY - slope * regSumX) / <f64>n);
  setF64(out, 1, slope);
}

export function weightedRegression(y: usize, w: usize, n: i32, out: usize): bool {
  let sw: f64 = 0, swx: f64 = 0, swy: f64 = 0, swxx: f64 = 0, swxy: f64 = 0;
  for (let i = 0; i < n; i++) {
    const x: f64 = <f64>i + 1.0;
    const wi = f64At(w, i), yi = f64At(y, i);
    sw += wi; swx += wi * x; swy += wi * yi; swxx += wi * x * x; swxy += wi * x * yi;
  }
  const det = sw * swxx - swx * swx;
  if (!(sw > 0) || !(abs<f64>(det) > 1e-12)) return false;
  const slope = (sw * swxy - swx * swy) / det;
  setF64(out, 0, (swy - slope * swx) / sw);
  setF64(out, 1, slope);
  return true;
}

export function tricubeWeights(w: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const d: f64 = <f64>(n - 1 - i) / <f64>(n - 1);
    const c = 1 - d * d * d;
    setF64(w, i, c > 0 ? c * c * c : 0);
  }
}

export function loess(y: usize, n: i32, robust: bool, w: usize, res: usize, b: usize, w2: usize, out: usize): void {
  tricubeWeights(w, n);
  if (!weightedRegression(y, w, n, out)) { simpleRegression(y, n, out); return; }
  if (!robust) return;
  for (let i = 0; i < n; i++) {
    const r = f64At(y, i) - (f64At(out, 0) + f64At(out, 1) * (<f64>i + 1.0));
    setF64(res, i, r);
    setF64(b, i, abs<f64>(r));
  }
  const s = 6 * median(b, n);
  if (!(s > 0)) return;
  for (let i = 0; i < n; i++) {
    const r = f64At(res, i) / s;
    const c = 1 - r * r;
    setF64(w2, i, abs<f64>(r) < 1 ? f64At(w, i) * c * c : 0);
  }
  const i0 = f64At(out, 0), s0 = f64At(out, 1);
  if (!weightedRegression(y, w2, n, out)) { setF64(out, 0, i0); setF64(out, 1, s0); }
}

/**
 * R² of OLS (with intercept) of y[0..m) on k columns of x (column-major), Householder QR as Commons Math.
 * Returns NaN with *ok = false where Commons Math throws (the caller falls back to MMT).
 */
export let olsOk: bool = true;
export function olsRSquared(x: usize, k: i32, y: usize, m: i32, qrt: usize, rd: usize, yv: usize, beta: usize): f64 {
  olsOk = false;
  const n = k + 1;
  if (k < 1 || m < 1 || k + 1 > m) return NaN;
  for (let r = 0; r < m; r++) setF64(qrt, r, 1.0);
  for (let c = 0; c < k; c++) for (let r = 0; r < m; r++) setF64(qrt, (c + 1) * m + r, f64At(x, c * m + r));
  for (let minor = 0; minor < n; minor++) householderStep(qrt, m, minor, n, rd);
  return olsFinish(qrt, n, x, k, y, m, rd, yv, beta);
}

/**
 * y[r] += c · x[r] for r < len, elementwise, two r per f64x2 (each lane the scalar operations). With c = −alpha it
 * is Commons Math's y[r] − alpha · x[r] exactly: alpha · x is −(c · x) bit for bit, and y − (−p) is y + p.
 */
@inline function axpy(y: usize, x: usize, len: i32, c: f64): void {
  const vc = f64x2.splat(c);
  let r = 0;
  for (; r + 1 < len; r += 2) {
    const at = <usize>r << 3;
    v128.store(y + at, f64x2.add(v128.load(y + at), f64x2.mul(vc, v128.load(x + at))));
  }
  if (r < len) setF64(y, r, f64At(y, r) + c * f64At(x, r));
}

/**
 * Step `minor` of Commons Math's Householder QR of qrt (column-major, m rows, `cols` columns): rd[minor], and the
 * columns after `minor` reflected. Each of those columns is transformed by the reflector of column `minor` alone,
 * so a column's values after steps 0…j depend only on itself and on columns 0…j (max-correlation.ts uses this) —
 * and two columns' dot products with the pivot column run in one loop, two independent chains of additions.
 */
export function householderStep(qrt: usize, m: i32, minor: i32, cols: i32, rd: usize): void {
  const mo = minor * m;
  let xNormSqr: f64 = 0;
  for (let row = minor; row < m; row++) { const c = f64At(qrt, mo + row); xNormSqr += c * c; }
  const a: f64 = f64At(qrt, mo + minor) > 0 ? -sqrt<f64>(xNormSqr) : sqrt<f64>(xNormSqr);
  setF64(rd, minor, a);
  if (a != 0.0) {
    setF64(qrt, mo + minor, f64At(qrt, mo + minor) - a);
    const pivot = qrt + (<usize>(mo + minor) << 3);
    let col = minor + 1;
    for (; col + 3 < cols; col += 4) {
      const co = col * m, co2 = co + m, co3 = co2 + m, co4 = co3 + m;
      let alpha: f64 = 0, alpha2: f64 = 0, alpha3: f64 = 0, alpha4: f64 = 0;
      for (let row = minor; row < m; row++) {
        const v = f64At(qrt, mo + row);
        alpha -= f64At(qrt, co + row) * v;
        alpha2 -= f64At(qrt, co2 + row) * v;
        alpha3 -= f64At(qrt, co3 + row) * v;
        alpha4 -= f64At(qrt, co4 + row) * v;
      }
      const div = a * f64At(qrt, mo + minor);
      alpha /= div; alpha2 /= div; alpha3 /= div; alpha4 /= div;
      axpy(qrt + (<usize>(co + minor) << 3), pivot, m - minor, -alpha);
      axpy(qrt + (<usize>(co2 + minor) << 3), pivot, m - minor, -alpha2);
      axpy(qrt + (<usize>(co3 + minor) << 3), pivot, m - minor, -alpha3);
      axpy(qrt + (<usize>(co4 + minor) << 3), pivot, m - minor, -alpha4);
    }
    for (; col + 1 < cols; col += 2) {
      const co = col * m, co2 = co + m;
      let alpha: f64 = 0, alpha2: f64 = 0;
      for (let row = minor; row < m; row++) {
        const v = f64At(qrt, mo + row);
        alpha -= f64At(qrt, co + row) * v;
        alpha2 -= f64At(qrt, co2 + row) * v;
      }
      alpha /= a * f64At(qrt, mo + minor);
      alpha2 /= a * f64At(qrt, mo + minor);
      axpy(qrt + (<usize>(co + minor) << 3), pivot, m - minor, -alpha);
      axpy(qrt + (<usize>(co2 + minor) << 3), pivot, m - minor, -alpha2);
    }
    if (col < cols) {
      const co = col * m;
      let alpha: f64 = 0;
      for (let row = minor; row < m; row++) alpha -= f64At(qrt, co + row) * f64At(qrt, mo + row);
      alpha /= a * f64At(qrt, mo + minor);
      axpy(qrt + (<usize>(co + minor) << 3), pivot, m - minor, -alpha);
    }
  }
}

/** Whether a QR's R diagonal (n entries) has a zero, where Commons Math's solver throws (olsFinish refuses). */
export function singularQr(rd: usize, n: i32): bool {
  for (let i = 0; i < n; i++) if (abs<f64>(f64At(rd, i)) <= 0) return true;
  return false;
}

/**
 * olsRSquared after its QR: qrt and rd hold the factorisation of the n = k + 1 columns [1 | regressors]; regressor c
 * is column c of x below `skip`, column c + 1 from it on (skip ≥ k: x's columns in order). Sets olsOk.
 */
export function olsFinish(qrt: usize, n: i32, x: usize, skip: i32, y: usize, m: i32, rd: usize, yv: usize, beta: usize): f64 {
  olsOk = false;
  const k = n - 1;
  if (singularQr(rd, n)) return NaN;
  for (let r = 0; r < m; r++) setF64(yv, r, f64At(y, r));
  for (let minor = 0; minor < n; minor++) {
    const mo = minor * m;
    let dot: f64 = 0;
    for (let row = minor; row < m; row++) dot += f64At(yv, row) * f64At(qrt, mo + row);
    dot /= f64At(rd, minor) * f64At(qrt, mo + minor);
    axpy(yv + (<usize>minor << 3), qrt + (<usize>(mo + minor) << 3), m - minor, dot);
  }
  for (let row = n - 1; row >= 0; --row) {
    setF64(yv, row, f64At(yv, row) / f64At(rd, row));
    const yRow = f64At(yv, row);
    setF64(beta, row, yRow);
    axpy(yv, qrt + (<usize>(row * m) << 3), row, -yRow);
  }
  // Each row's fit is its own chain of additions: rows r and r + 1 in the two lanes of one f64x2.
  let ssr: f64 = 0;
  const fit0 = f64x2.add(f64x2.splat(0), f64x2.splat(1.0 * f64At(beta, 0)));
  let r = 0;
  for (; r + 1 < m; r += 2) {
    let fit = fit0;
    for (let c = 0; c < k; c++) {
      const col = x + (<usize>((c < skip ? c : c + 1) * m + r) << 3);
      fit = f64x2.add(fit, f64x2.mul(v128.load(col), f64x2.splat(f64At(beta, c + 1))));
    }
    const e = f64x2.sub(v128.load(y + (<usize>r << 3)), fit);
    const e0 = f64x2.extract_lane(e, 0), e1 = f64x2.extract_lane(e, 1);
    ssr += e0 * e0;
    ssr += e1 * e1;
  }
  if (r < m) {
    let fit: f64 = 0;
    fit += 1.0 * f64At(beta, 0);
    for (let c = 0; c < k; c++) fit += f64At(x, (c < skip ? c : c + 1) * m + r) * f64At(beta, c + 1);
    const e = f64At(y, r) - fit;
    ssr += e * e;
  }
  let m1: f64 = 0, m2: f64 = 0;
  for (let r = 0; r < m; r++) {
    const cnt: f64 = <f64>(r + 1);
    const dev = f64At(y, r) - m1;
    const nDev = dev / cnt;
    m1 += nDev;
    m2 += (cnt - 1) * dev * nDev;
  }
  olsOk = true;
  return 1 - ssr / m2;
}
