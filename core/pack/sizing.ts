// A sizing answer in the style of Google Borg's cell compaction (Verma et al., "Large-scale cluster management at
// Google with Borg", EuroSys 2015, §5.1): "how small a cell could this workload fit into? Remove machines until
// the workload no longer fits, re-packing from scratch each time, repeat with different random seeds and report
// a percentile." Here each run shuffles the host pool with its own seed (mulberry32) and finds the fewest hosts,
// taken in that order, that still hold every item the whole pool holds, by bisection between a lower bound and
// the pool size (a host subset that fits stays fitting when hosts are added back, as far as the packer is
// concerned). The answer is the requested percentile (nearest rank) of the runs' host counts.
import { mulberry32 } from '../examples/random';
import type { ArenaInputs, PackArena, PackOptions, Packer } from '../kernel/packer';

export interface SizingOptions {
  readonly runs: number;
  /** 0–100. */
  readonly percentile: number;
  readonly seed: number;
  /** Bisection starts here (a proven lower bound on hosts). */
  readonly lowerBound: number;
}

export interface Sizing {
  readonly runs: number;
  readonly percentile: number;
  /** Hosts needed at the percentile. */
  readonly hosts: number;
  /** Hosts needed per run, sorted. */
  readonly samples: readonly number[];
}

/** Fills the packer's arena with the items of `x` and the hosts order[0..k), in that order. */
export function loadHostSubset(packer: Packer, x: ArenaInputs, order: ArrayLike<number>, k: number): PackArena {
  const a = packer.reserve(k, x.items, x.dims, { labelWords: x.labelWords, spreadGroups: x.spreadGroups });
  const d = x.dims, w = x.labelWords;
  for (let j = 0; j < k; j++) {
    const h = order[j];
    a.hostCapacity.set(x.hostCapacity.subarray(h * d, h * d + d), j * d);
    a.hostMaxItems[j] = x.hostMaxItems[h];
    a.hostCost[j] = x.hostCost[h];
    a.hostRack[j] = x.hostRack[h];
    a.hostSite[j] = x.hostSite[h];
    if (w > 0) a.hostLabels.set(x.hostLabels.subarray(h * w, h * w + w), j * w);
  }
  a.itemDemand.set(x.itemDemand);
  a.itemTenant.set(x.itemTenant);
  a.itemExclusive.set(x.itemExclusive);
  a.itemSpread.set(x.itemSpread);
  a.itemAffinity.set(x.itemAffinity);
  if (w > 0) a.itemLabels.set(x.itemLabels);
  a.spreadLevel.set(x.spreadLevel);
  a.spreadMax.set(x.spreadMax);
  return a;
}

/** Seeded Fisher–Yates shuffle of 0..n-1. */
export function shuffledHosts(n: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  return order;
}

/**
 * Borg-style sizing of the workload in `x` with `options` (a constructive pass; the improvement phase is off in
 * trials). `unplacedWithPool` is what the whole pool leaves unplaced: a subset "fits" when it leaves no more.
 * Returns null when the percentile cannot be computed (no runs).
 */
export function borgSizing(packer: Packer, x: ArenaInputs, options: PackOptions, unplacedWithPool: number, o: SizingOptions): Sizing | null {
  if (o.runs <= 0 || x.hosts === 0) return null;
  const trial = { ...options, iterations: 0, targetCost: 0 };
  const fits = (order: Int32Array, k: number) => {
    loadHostSubset(packer, x, order, k);
    return packer.pack(trial).unplaced <= unplacedWithPool;
  };
  const samples: number[] = [];
  for (let r = 0; r < o.runs; r++) {
    const order = shuffledHosts(x.hosts, o.seed + r);
    let lo = Math.max(0, Math.min(o.lowerBound, x.hosts)), hi = x.hosts; // fits(hi) holds: it is the whole pool
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fits(order, mid)) hi = mid; else lo = mid + 1;
    }
    samples.push(hi);
  }
  samples.sort((p, q) => p - q);
  const rank = Math.max(1, Math.ceil((o.percentile / 100) * samples.length));
  return { runs: o.runs, percentile: o.percentile, hosts: samples[rank - 1], samples };
}
