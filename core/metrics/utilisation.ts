// Per-resource utilisation of the hosts in use: packed demand ÷ allocatable capacity, per dimension.
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import { hostGroupOf, usedHosts, type PackedLevel } from './level';

export type PerDimension = Readonly<Record<Dimension, number>>;

export function perDimension(values: readonly number[]): PerDimension {
  return Object.fromEntries(DIMENSIONS.map((d, k) => [d, values[k]])) as Record<Dimension, number>;
}

/** Σ allocatable and Σ allocated (allocatable − residual) over used hosts, per dimension. */
export function allocation(level: PackedLevel): { capacity: number[]; allocated: number[] } {
  const groupOf = hostGroupOf(level);
  const capacity = new Array<number>(DIMS).fill(0);
  const allocated = new Array<number>(DIMS).fill(0);
  for (const h of usedHosts(level)) {
    const g = groupOf(h);
    for (let d = 0; d < DIMS; d++) {
      capacity[d] += g.allocatable[d];
      allocated[d] += g.allocatable[d] - level.hostResidual[h * DIMS + d];
    }
  }
  return { capacity, allocated };
}

export function utilisation(level: PackedLevel): PerDimension {
  const { capacity, allocated } = allocation(level);
  return perDimension(capacity.map((c, d) => (c > 0 ? allocated[d] / c : 0)));
}
