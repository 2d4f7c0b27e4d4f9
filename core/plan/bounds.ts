// Lower bounds on the number of hosts. Volume bound per dimension: the fewest hosts whose capacities, largest
// first, add up to the total demand in that dimension (for identical hosts this is ceil(Σ demand / capacity));
// the same count argument on item slots when every host has an item limit. When every host offers the same
// allocatable capacity, the Martello–Toth L2 bound of each dimension applies too (core/pack/bounds.ts). The
// bound is the largest of them.
import type { PackOutcome } from '../kernel/packer';
import { DIMENSIONS, DIMS, type Dimension } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { binLowerBound } from '../pack/bounds';
import { groupStarts } from './encode';

export interface LowerBound {
  /** Hosts; null when no finite number of pool-sized hosts can hold the demand (a dimension has no capacity). */
  readonly hosts: number | null;
  /** The dimension (or item slots) that gives the bound. */
  readonly by: Dimension | 'items' | null;
  /** Which bound: the volume (or slot) count, or Martello–Toth L2. */
  readonly method?: 'volume' | 'l2';
}

/** Fewest hosts covering `total` when host capacity per group is `cap(g)`, largest first; extends with the largest host beyond the pool. */
export function coverCount(total: number, groups: readonly HostGroup[], cap: (g: HostGroup) => number): number | null {
  if (total <= 0) return 0;
  const sorted = groups.filter((g) => cap(g) > 0).sort((a, b) => cap(b) - cap(a));
  if (sorted.length === 0) return null;
  let remaining = total, hosts = 0;
  for (const g of sorted) {
    const c = cap(g);
    if (remaining <= g.count * c) return hosts + Math.ceil(remaining / c);
    hosts += g.count;
    remaining -= g.count * c;
  }
  return hosts + Math.ceil(remaining / cap(sorted[0]));
}

/** `demandTotals` per dimension (kernel units) and `itemCount` of the items to place. */
export function volumeLowerBound(demandTotals: readonly number[], itemCount: number, hosts: readonly HostGroup[]): LowerBound {
  let best: LowerBound = { hosts: 0, by: null };
  for (let d = 0; d < DIMS; d++) {
    const k = coverCount(demandTotals[d], hosts, (g) => g.allocatable[d]);
    if (k === null) return { hosts: null, by: DIMENSIONS[d] };
    if (k > (best.hosts ?? 0)) best = { hosts: k, by: DIMENSIONS[d] };
  }
  if (hosts.length > 0 && hosts.every((g) => g.maxItems > 0)) {
    const k = coverCount(itemCount, hosts, (g) => g.maxItems);
    if (k !== null && k > (best.hosts ?? 0)) best = { hosts: k, by: 'items' };
  }
  return best;
}

/** Best bound for the items `out` placed (all items when `out` is null) of an expansion; `l2` false: volume only. */
export function planLowerBound(e: Expansion, out: Pick<PackOutcome, 'itemHost'> | null, l2 = true): LowerBound {
  const starts = groupStarts(e.items);
  const totals = new Array<number>(DIMS).fill(0);
  let count = 0;
  e.items.forEach((g, k) => {
    for (let i = starts[k]; i < starts[k + 1]; i++) {
      if (out && out.itemHost[i] < 0) continue;
      count++;
      for (let d = 0; d < DIMS; d++) totals[d] += g.demand[d];
    }
  });
  const volume = volumeLowerBound(totals, count, e.hosts);
  const best: LowerBound = { ...volume, method: 'volume' };
  const first = e.hosts[0];
  if (!l2 || volume.hosts === null || !first || !e.hosts.every((g) => g.allocatable.every((c, d) => c === first.allocatable[d]))) return best;
  const demands = new Float64Array(count * DIMS);
  let j = 0;
  e.items.forEach((g, k) => {
    for (let i = starts[k]; i < starts[k + 1]; i++) if (!(out && out.itemHost[i] < 0)) demands.set(g.demand, DIMS * j++);
  });
  const bin = binLowerBound(DIMS, first.allocatable, demands, count);
  return bin.bins > (best.hosts ?? 0) && Number.isFinite(bin.bins) ? { hosts: bin.bins, by: DIMENSIONS[bin.dim], method: bin.method } : best;
}
