// commons-math3 Percentile with its default estimation (LEGACY), as ContainerDatacenterBroker.submitContainers
// uses it for the overbooking factor: position p·(n + 1)/100, linear between the neighbouring order statistics,
// clamped to the smallest and largest value. The kernel mirrors it (assembly/cis/engine.ts) for the corrected
// "past samples only" variant.

import { percentileOfSorted } from '../reference/stats';

export { percentileOfSorted };

export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, sorted.length, p);
}
