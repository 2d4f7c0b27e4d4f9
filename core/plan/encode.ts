// Writes an expansion straight into a packer's arena (kernel memory for the WASM packer): host groups and
// item groups are replicated row by row with typed-array fills, no per-replica objects.
import type { ArenaShape, PackArena, Packer } from '../kernel/packer';
import { DIMS } from '../model/dimensions';
import type { Expansion } from '../model/expansion';

export function totalCount(groups: readonly { count: number }[]): number {
  return groups.reduce((n, g) => n + g.count, 0);
}

/** Hosts and items in group order; `shape` reserves room for label words and spread groups (core/plan/constraints.ts). */
export function encodeExpansion(e: Expansion, packer: Packer, shape?: ArenaShape): PackArena {
  const arena = packer.reserve(totalCount(e.hosts), totalCount(e.items), DIMS, shape);
  let h = 0;
  for (const g of e.hosts) {
    for (let k = 0; k < g.count; k++, h++) {
      arena.hostCapacity.set(g.allocatable, h * DIMS);
      arena.hostMaxItems[h] = g.maxItems;
    }
  }
  let i = 0;
  for (const g of e.items) {
    for (let k = 0; k < g.count; k++, i++) arena.itemDemand.set(g.demand, i * DIMS);
  }
  return arena;
}

/** Each group's first global position (hosts or items); the last entry is the total. */
export function groupStarts(groups: readonly { count: number }[]): Int32Array {
  const starts = new Int32Array(groups.length + 1);
  groups.forEach((g, k) => { starts[k + 1] = starts[k] + g.count; });
  return starts;
}
