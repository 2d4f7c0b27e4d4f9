// Overhead breakdown: where the physical capacity of the hosts in use goes, per dimension, in kernel units.
//
//   physical = reservations (host) + Σ item parts + free − overcommit
//
// Item parts come from the deployment model (workload, guest OS, hypervisor, runtime, sidecars, flavour
// rounding, and for node VMs their reservations and unused inside); free is the hosts' residual capacity;
// overcommit is the capacity a ratio above 1 adds to the allocatable space, entered as a negative amount so
// the categories add up to physical capacity exactly. All values are integers, so the sum is exact.
import { DIMS, type Vector } from '../model/dimensions';
import { ITEM_PARTS, type ItemPart } from '../model/expansion';
import { hostGroupOf, placedPerGroup, usedHosts, type PackedLevel } from './level';

export const BREAKDOWN_CATEGORIES = [...ITEM_PARTS, 'overcommit', 'free'] as const;
export type BreakdownCategory = (typeof BREAKDOWN_CATEGORIES)[number];

export interface OverheadBreakdown {
  /** Σ physical capacity of the used hosts. */
  readonly capacity: Vector;
  /** Amount per category; Σ over categories = capacity, per dimension (overcommit ≤ 0). */
  readonly categories: Readonly<Record<BreakdownCategory, Vector>>;
}

const zero = (): Vector => [0, 0, 0, 0];

export function overheadBreakdown(level: PackedLevel): OverheadBreakdown {
  const categories = Object.fromEntries(BREAKDOWN_CATEGORIES.map((c) => [c, zero()])) as Record<BreakdownCategory, Vector>;
  const add = (c: BreakdownCategory, v: ArrayLike<number>, times = 1) => {
    for (let d = 0; d < DIMS; d++) categories[c][d] += v[d] * times;
  };
  const capacity = zero();
  const hostOf = hostGroupOf(level);
  for (const h of usedHosts(level)) {
    const g = hostOf(h);
    for (let d = 0; d < DIMS; d++) capacity[d] += g.physical[d];
    if (g.reserved) add('reservations', g.reserved);
    if (g.overcommit) add('overcommit', g.overcommit, -1);
    add('free', level.hostResidual.subarray(h * DIMS, h * DIMS + DIMS));
  }
  placedPerGroup(level).forEach((placed, k) => {
    if (placed === 0) return;
    const item = level.expansion.items[k];
    if (!item.parts) { add('workload', item.demand, placed); return; }
    for (const part of Object.keys(item.parts) as ItemPart[]) add(part, item.parts[part]!, placed);
  });
  return { capacity, categories };
}
