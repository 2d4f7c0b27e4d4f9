// One packed level: the items of an expansion placed on its hosts (global indices: item groups and host
// groups expanded in order). VM and container plans are one level; container-in-VM is two (pods → node VMs,
// node VMs → hosts). Every metric reads this shape, so it works the same for each model and level.
import { DIMS, type Vector } from '../model/dimensions';
import type { Expansion, HostGroup, ItemGroup } from '../model/expansion';

export interface PackedLevel {
  readonly expansion: Expansion;
  /** Host index per item, −1 when unplaced. */
  readonly itemHost: Int32Array;
  /** REASON_* (assembly/abi.ts) per item. */
  readonly itemReason: Int32Array;
  /** Residual capacity per host × dimension (allocatable − placed demand). */
  readonly hostResidual: Float64Array;
  /** Items per host. */
  readonly hostItems: Int32Array;
  readonly hostsUsed: number;
}

/** A packed level with isolation partitions (core/plan/levels.ts): hosts of an exclusive partition hold only its items. */
export interface PartitionedLevel extends PackedLevel {
  /** Partition key per item group ('' = shares hosts with anyone; otherwise the tenant that needs its own). */
  readonly groupKeys: readonly string[];
  /** Partition whose items a host holds, null when unused. */
  readonly hostPartition: readonly (string | null)[];
}

/** Group index of every global position, for `count`-grouped lists. */
export function groupIndex(groups: readonly { count: number }[]): Int32Array {
  const n = groups.reduce((k, g) => k + g.count, 0);
  const out = new Int32Array(n);
  let i = 0;
  groups.forEach((g, k) => { out.fill(k, i, i + g.count); i += g.count; });
  return out;
}

export function itemGroupOf(level: PackedLevel): (item: number) => ItemGroup {
  const index = groupIndex(level.expansion.items);
  return (item) => level.expansion.items[index[item]];
}

export function hostGroupOf(level: PackedLevel): (host: number) => HostGroup {
  const index = groupIndex(level.expansion.hosts);
  return (host) => level.expansion.hosts[index[host]];
}

export function usedHosts(level: PackedLevel): number[] {
  const out: number[] = [];
  level.hostItems.forEach((n, h) => { if (n > 0) out.push(h); });
  return out;
}

export function residualOf(level: PackedLevel, host: number): Vector {
  const r = level.hostResidual;
  const o = host * DIMS;
  return [r[o], r[o + 1], r[o + 2], r[o + 3]];
}

/** Items on each host (host index → item indices), placed items only. */
export function itemsByHost(level: PackedLevel): Map<number, number[]> {
  const out = new Map<number, number[]>();
  level.itemHost.forEach((h, i) => {
    if (h < 0) return;
    const list = out.get(h);
    if (list) list.push(i);
    else out.set(h, [i]);
  });
  return out;
}

/** Placed items per item group. */
export function placedPerGroup(level: PackedLevel): Int32Array {
  const index = groupIndex(level.expansion.items);
  const out = new Int32Array(level.expansion.items.length);
  level.itemHost.forEach((h, i) => { if (h >= 0) out[index[i]]++; });
  return out;
}

/** Exclusive partitions in order of first appearance, then the shared one (the order they are packed in). */
export function partitionOrder(keys: readonly string[]): string[] {
  const exclusive = [...new Set(keys.filter((k) => k !== ''))];
  return keys.includes('') ? [...exclusive, ''] : exclusive;
}
