// Lower bounds on the number of identical bins for a benchmark-style instance (every bin has capacity C per
// dimension). Each dimension alone is a 1-D bin-packing relaxation of the vector problem, so any 1-D bound
// of any dimension bounds the vector optimum.
//   volume: ceil(Σ sizes / C)
//   L2:     Martello & Toth, "Lower bounds and reduction procedures for the bin packing problem", Discrete
//           Applied Mathematics 28 (1990) 59–70: for each threshold α in [0, C/2], items larger than C − α
//           (J1) and those in (C/2, C − α] (J2) need a bin each; items in [α, C/2] (J3) must fit in the J2
//           bins' free space or in extra bins.

export interface BinBound {
  readonly bins: number;
  /** Which bound gives it, and in which dimension. */
  readonly method: 'volume' | 'l2';
  readonly dim: number;
}

/** ceil(x) for a quotient that may carry rounding error from float division of integers. */
function ceilQuotient(total: number, capacity: number): number {
  const q = Math.ceil(total / capacity);
  return (q - 1) * capacity >= total ? q - 1 : q;
}

export function volumeBound(sizes: ArrayLike<number>, capacity: number): number {
  let total = 0;
  for (let i = 0; i < sizes.length; i++) total += sizes[i];
  return total <= 0 ? 0 : ceilQuotient(total, capacity);
}

/** Martello–Toth L2 for one dimension; O(n log n). Items larger than C make it Infinity (nothing fits). */
export function martelloTothL2(sizes: ArrayLike<number>, capacity: number): number {
  // Non-increasing positive sizes: a typed array's numeric sort (no comparator calls), reversed in place.
  const w = Float64Array.from(sizes).filter((x) => x > 0).sort().reverse();
  if (w.length === 0) return 0;
  if (w[0] > capacity) return Infinity;
  const n = w.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + w[i];
  // count of items with size > x, via binary search on the non-increasing array
  const countAbove = (x: number) => { let lo = 0, hi = n; while (lo < hi) { const m = (lo + hi) >> 1; if (w[m] > x) lo = m + 1; else hi = m; } return lo; };
  const countAtLeast = (x: number) => { let lo = 0, hi = n; while (lo < hi) { const m = (lo + hi) >> 1; if (w[m] >= x) lo = m + 1; else hi = m; } return lo; };
  const half = capacity / 2;
  const alphas = [0, ...new Set(w.filter((x) => x <= half))];
  let best = 0;
  for (const alpha of alphas) {
    const j1 = countAbove(capacity - alpha);
    const j12 = countAbove(half); // J1 ∪ J2
    const j123 = countAtLeast(Math.max(alpha, 1e-300)); // sizes >= α (α = 0 counts every positive size)
    const j2Sum = prefix[j12] - prefix[j1];
    const j2Free = (j12 - j1) * capacity - j2Sum;
    const j3Sum = prefix[j123] - prefix[j12];
    const extra = j3Sum > j2Free ? ceilQuotient(j3Sum - j2Free, capacity) : 0;
    best = Math.max(best, j12 + extra);
  }
  return best;
}

/**
 * martelloTothL2 of items given as distinct sizes with multiplicities (`counts[i]` items of size `sizes[i]`): the
 * same bound, in time linear in the distinct sizes (a fleet is many replicas of few shapes).
 */
export function martelloTothL2Counted(sizes: ArrayLike<number>, counts: ArrayLike<number>, capacity: number): number {
  const merged = new Map<number, number>();
  for (let i = 0; i < sizes.length; i++) if (sizes[i] > 0 && counts[i] > 0) merged.set(sizes[i], (merged.get(sizes[i]) ?? 0) + counts[i]);
  if (merged.size === 0) return 0;
  const w = Float64Array.from(merged.keys()).sort().reverse(); // distinct sizes, non-increasing
  if (w[0] > capacity) return Infinity;
  const m = w.length;
  // Items (and their total size) among the first i distinct sizes.
  const items = new Float64Array(m + 1), total = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const c = merged.get(w[i])!;
    items[i + 1] = items[i] + c;
    total[i + 1] = total[i] + c * w[i];
  }
  /** Distinct sizes > x (or >= x): an index into the cumulative arrays. */
  const above = (x: number, orEqual: boolean) => { let lo = 0, hi = m; while (lo < hi) { const k = (lo + hi) >> 1; if (w[k] > x || (orEqual && w[k] === x)) lo = k + 1; else hi = k; } return lo; };
  const half = capacity / 2;
  let best = 0;
  const alphas = [0];
  for (let i = 0; i < m; i++) if (w[i] <= half) alphas.push(w[i]);
  for (const alpha of alphas) {
    const i1 = above(capacity - alpha, false), i12 = above(half, false), i123 = above(Math.max(alpha, 1e-300), true);
    const j1 = items[i1], j12 = items[i12];
    const j2Free = (j12 - j1) * capacity - (total[i12] - total[i1]);
    const j3Sum = total[i123] - total[i12];
    const extra = j3Sum > j2Free ? ceilQuotient(j3Sum - j2Free, capacity) : 0;
    best = Math.max(best, j12 + extra);
  }
  return best;
}

/** binLowerBound of item groups (`counts[k]` items of demand row k of `demands`), without expanding them. */
export function countedBinLowerBound(dims: number, capacity: readonly number[], demands: Float64Array, counts: ArrayLike<number>): BinBound {
  let best: BinBound = { bins: 0, method: 'volume', dim: 0 };
  const groups = counts.length;
  for (let d = 0; d < dims; d++) {
    const sizes = new Float64Array(groups);
    let total = 0, demanded = false, negative = false;
    for (let k = 0; k < groups; k++) {
      sizes[k] = demands[k * dims + d];
      if (counts[k] <= 0) continue;
      total += sizes[k] * counts[k];
      if (sizes[k] > 0) demanded = true;
      if (sizes[k] < 0) negative = true;
    }
    if (capacity[d] <= 0) {
      if (demanded) return { bins: Infinity, method: 'volume', dim: d };
      continue;
    }
    const v = total <= 0 ? 0 : ceilQuotient(total, capacity[d]);
    if (v > best.bins) best = { bins: v, method: 'volume', dim: d };
    if (negative) continue;
    const l2 = martelloTothL2Counted(sizes, counts, capacity[d]);
    if (l2 > best.bins) best = { bins: l2, method: 'l2', dim: d };
  }
  return best;
}

/** Best of the volume and L2 bounds over all dimensions. */
export function binLowerBound(dims: number, capacity: readonly number[], demands: Float64Array, items: number): BinBound {
  let best: BinBound = { bins: 0, method: 'volume', dim: 0 };
  for (let d = 0; d < dims; d++) {
    const sizes = new Float64Array(items);
    for (let i = 0; i < items; i++) sizes[i] = demands[i * dims + d];
    if (capacity[d] <= 0) {
      if (sizes.some((x) => x > 0)) return { bins: Infinity, method: 'volume', dim: d };
      continue;
    }
    const v = volumeBound(sizes, capacity[d]);
    if (v > best.bins) best = { bins: v, method: 'volume', dim: d };
    // L2 reasons about item sizes in [0, C]: with negative sizes in this dimension only the volume bound holds.
    if (sizes.some((x) => x < 0)) continue;
    const l2 = martelloTothL2(sizes, capacity[d]);
    if (l2 > best.bins) best = { bins: l2, method: 'l2', dim: d };
  }
  return best;
}
