// Statistics the detectors and the MC selector need, written so that the WASM kernel (assembly/sim/stats.ts)
// performs the same f64 operations in the same order. They follow the Apache Commons Math 3 routines that
// CloudSim 4.0 calls (Percentile LEGACY estimate, SimpleRegression, OLS via Householder QR), so results
// also match CloudSim bit for bit. All work on caller-provided scratch arrays: no allocation per call.

/** Insertion sort of a[0..n) ascending (n ≤ 30 here: insertion sort is fast and simple to mirror). */
export function sortAscending(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

/** Commons Math Percentile(50), legacy estimate, of a[0..n) (sorted in place). */
export function median(a: Float64Array, n: number): number {
  sortAscending(a, n);
  return medianSorted(a, n);
}

/** CloudSim MathUtil.iqr: sorted quartiles at round(0.25(n+1))−1 and round(0.75(n+1))−1. */
export function iqr(a: Float64Array, n: number): number {
  sortAscending(a, n);
  const q1 = Math.floor(0.25 * (n + 1) + 0.5) - 1;
  const q3 = Math.floor(0.75 * (n + 1) + 0.5) - 1;
  return a[q3] - a[q1];
}

/**
 * CloudSim MathUtil.mad: median of |x − median(x)|. a is sorted in place; b receives the deviations, sorted
 * by merging the two monotone runs either side of the median (same values a full sort would give).
 */
export function mad(a: Float64Array, b: Float64Array, n: number): number {
  if (n <= 0) return 0;
  const m = median(a, n);
  let lo = 0;
  while (lo < n && a[lo] < m) lo++;
  let left = lo - 1, right = lo, k = 0;
  while (left >= 0 || right < n) {
    const dl = left >= 0 ? Math.abs(m - a[left]) : Infinity;
    const dr = right < n ? Math.abs(m - a[right]) : Infinity;
    if (dr <= dl) { b[k++] = dr; right++; } else { b[k++] = dl; left--; }
  }
  return medianSorted(b, n);
}

/** Percentile(50) of already sorted b[0..n). */
export function medianSorted(a: Float64Array, n: number): number {
  return percentileOfSorted(a, n, 50);
}

/**
 * The p-th percentile (0 < p ≤ 100) of already sorted a[0..n) as commons-math3's Percentile estimates it by default
 * (LEGACY): position p·(n + 1)/100, linear between the neighbouring order statistics, clamped to the ends.
 */
export function percentileOfSorted(a: ArrayLike<number>, n: number, p: number): number {
  const pos = p * (n + 1) / 100;
  const fpos = Math.floor(pos);
  const intPos = fpos | 0;
  const dif = pos - fpos;
  if (pos < 1) return a[0];
  if (pos >= n) return a[n - 1];
  const lower = a[intPos - 1];
  const upper = a[intPos];
  return lower + dif * (upper - lower);
}

/**
 * Commons Math SimpleRegression (with intercept) of y[0..n) on x = 1..n; writes [intercept, slope] into out.
 * This is what CloudSim's LR and LRR compute: their loess weights are never applied (the LR = LRR quirk).
 */
export function simpleRegression(y: Float64Array, n: number, out: Float64Array): void {
  let sumX = 0, sumY = 0, sumXX = 0, sumXY = 0, xbar = 0, ybar = 0;
  for (let i = 0; i < n; i++) {
    const x = i + 1.0;
    const v = y[i];
    if (i === 0) { xbar = x; ybar = v; } else {
      const fact1 = 1.0 + i;
      const fact2 = i / (1.0 + i);
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
  const slope = n < 2 ? NaN : sumXY / sumXX;
  out[0] = (sumY - slope * sumX) / n;
  out[1] = slope;
}

/** Weighted least squares of y[0..n) on x = 1..n with weights w; [intercept, slope] into out. */
export function weightedRegression(y: Float64Array, w: Float64Array, n: number, out: Float64Array): boolean {
  let sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
  for (let i = 0; i < n; i++) {
    const x = i + 1.0;
    sw += w[i]; swx += w[i] * x; swy += w[i] * y[i]; swxx += w[i] * x * x; swxy += w[i] * x * y[i];
  }
  const det = sw * swxx - swx * swx;
  if (!(sw > 0) || !(Math.abs(det) > 1e-12)) return false;
  const slope = (sw * swxy - swx * swy) / det;
  out[0] = (swy - slope * swx) / sw;
  out[1] = slope;
  return true;
}

/** Tricube weights of a local regression centred on the newest point x = n: (1 − (d/(n−1))³)³. */
export function tricubeWeights(w: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const d = (n - 1 - i) / (n - 1);
    const c = 1 - d * d * d;
    w[i] = c > 0 ? c * c * c : 0;
  }
}

/**
 * Loess prediction as the 2012 paper intends (the corrected model): tricube-weighted least squares, and for
 * the robust variant one more pass with bisquare weights on the residuals (Cleveland 1979). res, b, w2 are
 * scratch of n. Falls back to plain least squares when the weighted system is degenerate.
 */
export function loess(y: Float64Array, n: number, robust: boolean, w: Float64Array, res: Float64Array,
  b: Float64Array, w2: Float64Array, out: Float64Array): void {
  tricubeWeights(w, n);
  if (!weightedRegression(y, w, n, out)) { simpleRegression(y, n, out); return; }
  if (!robust) return;
  for (let i = 0; i < n; i++) { res[i] = y[i] - (out[0] + out[1] * (i + 1.0)); b[i] = Math.abs(res[i]); }
  const s = 6 * median(b, n);
  if (!(s > 0)) return;
  for (let i = 0; i < n; i++) {
    const r = res[i] / s;
    const c = 1 - r * r;
    w2[i] = Math.abs(r) < 1 ? w[i] * c * c : 0;
  }
  const i0 = out[0], s0 = out[1];
  if (!weightedRegression(y, w2, n, out)) { out[0] = i0; out[1] = s0; }
}

/**
 * R² of the OLS regression (with intercept) of y[0..m) on the k columns of x (column-major: x[c·m + r]),
 * as Commons Math OLSMultipleLinearRegression.calculateRSquared computes it: Householder QR of [1 | X],
 * β from the QR solver, residual sum of squares over SecondMoment(y). Returns NaN-free results as
 * CloudSim sees them; returns null where Commons Math throws (too little data, singular design), which
 * makes MC fall back to MMT. qrt is scratch of (k+1)·m, rd of k+1, yv of m, beta of k+1.
 */
export function olsRSquared(x: Float64Array, k: number, y: Float64Array, m: number,
  qrt: Float64Array, rd: Float64Array, yv: Float64Array, beta: Float64Array): number | null {
  const n = k + 1;
  if (k < 1 || m < 1 || k + 1 > m) return null;
  // qrt = transpose of the augmented design: row c of qrt is column c of [1 | X].
  for (let r = 0; r < m; r++) qrt[r] = 1.0;
  for (let c = 0; c < k; c++) for (let r = 0; r < m; r++) qrt[(c + 1) * m + r] = x[c * m + r];
  for (let minor = 0; minor < n; minor++) {
    const mo = minor * m;
    let xNormSqr = 0;
    for (let row = minor; row < m; row++) { const c = qrt[mo + row]; xNormSqr += c * c; }
    const a = qrt[mo + minor] > 0 ? -Math.sqrt(xNormSqr) : Math.sqrt(xNormSqr);
    rd[minor] = a;
    if (a !== 0.0) {
      qrt[mo + minor] -= a;
      for (let col = minor + 1; col < n; col++) {
        const co = col * m;
        let alpha = 0;
        for (let row = minor; row < m; row++) alpha -= qrt[co + row] * qrt[mo + row];
        alpha /= a * qrt[mo + minor];
        for (let row = minor; row < m; row++) qrt[co + row] -= alpha * qrt[mo + row];
      }
    }
  }
  for (let i = 0; i < n; i++) if (Math.abs(rd[i]) <= 0) return null; // SingularMatrixException
  for (let r = 0; r < m; r++) yv[r] = y[r];
  for (let minor = 0; minor < n; minor++) {
    const mo = minor * m;
    let dot = 0;
    for (let row = minor; row < m; row++) dot += yv[row] * qrt[mo + row];
    dot /= rd[minor] * qrt[mo + minor];
    for (let row = minor; row < m; row++) yv[row] += dot * qrt[mo + row];
  }
  for (let row = n - 1; row >= 0; --row) {
    yv[row] /= rd[row];
    const yRow = yv[row];
    beta[row] = yRow;
    for (let i = 0; i < row; i++) yv[i] -= yRow * qrt[row * m + i];
  }
  // Residuals y − Xβ (X augmented with the intercept column), then their squared norm.
  let ssr = 0;
  for (let r = 0; r < m; r++) {
    let fit = 0;
    fit += 1.0 * beta[0];
    for (let c = 0; c < k; c++) fit += x[c * m + r] * beta[c + 1];
    const e = y[r] - fit;
    ssr += e * e;
  }
  // SecondMoment (Welford) of y.
  let m1 = 0, m2 = 0;
  for (let r = 0; r < m; r++) {
    const cnt = r + 1;
    const dev = y[r] - m1;
    const nDev = dev / cnt;
    m1 += nDev;
    m2 += (cnt - 1) * dev * nDev;
  }
  return 1 - ssr / m2;
}
