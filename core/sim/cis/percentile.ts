// commons-math3 Percentile with its default estimation (LEGACY), as ContainerDatacenterBroker.submitContainers
// uses it for the overbooking factor: position p·(n + 1)/100, linear between the neighbouring order statistics,
// clamped to the smallest and largest value. The kernel mirrors it (assembly/cis/engine.ts) for the corrected
// "past samples only" variant.

/** The p-th percentile (0 < p ≤ 100) of `sorted` (ascending, n ≥ 1 values). */
export function percentileOfSorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n === 1) return sorted[0];
  const pos = p * (n + 1) / 100;
  const fpos = Math.floor(pos);
  const intPos = fpos | 0;
  const dif = pos - fpos;
  if (pos < 1) return sorted[0];
  if (pos >= n) return sorted[n - 1];
  const lower = sorted[intPos - 1];
  const upper = sorted[intPos];
  return lower + dif * (upper - lower);
}

export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, sorted.length, p);
}
