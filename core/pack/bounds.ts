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
  const w = Array.from(sizes).filter((x) => x > 0).sort((a, b) => b - a); // non-increasing
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
