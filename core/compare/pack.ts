// Packed levels for the comparison. VM and container levels come from the plan's packing with every placement
// rule (core/plan/pack-model.ts) through ruledLevel. The two levels of containers in VMs (pods → node VMs →
// hosts) are packed by packLevel, which honours host exclusivity by partitions: items are split by a partition
// key per item group ('' = may share hosts with anyone; any other key = a tenant that needs hosts of its own).
// Partitions are packed one after another — exclusive ones first, in order of first appearance, then the
// shared one — each by First Fit Decreasing on the hosts no earlier partition claimed, in topology order. A host
// holds items of one partition only, so no exclusive item ever shares a host with another tenant. Each
// partition is written into the packer's arena with the public encodeExpansion (a sub-expansion of its item
// groups and the free hosts, as contiguous host-group slices).
import { REASON_NO_ROOM, REASON_TOO_LARGE } from '../../assembly/abi';
import type { Packer, PackOutcome, SizeKey } from '../kernel/packer';
import { DIMS } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import { groupIndex, partitionOrder, type PartitionedLevel } from '../metrics/level';
import { encodeExpansion, groupStarts, totalCount } from '../plan/encode';

/**
 * The first `limit` free hosts (hostPartition null) as host-group slices, with the global index of each.
 * Free hosts come in runs inside a group; a taken host ends a run.
 */
export function freeHostSlices(hosts: readonly HostGroup[], taken: (h: number) => boolean, limit = Infinity): { slices: HostGroup[]; global: Int32Array } {
  const slices: HostGroup[] = [];
  const global: number[] = [];
  let h = 0;
  for (const g of hosts) {
    let run = 0;
    for (let k = 0; k < g.count && global.length < limit; k++, h++) {
      if (taken(h)) {
        if (run > 0) slices.push({ ...g, count: run });
        run = 0;
      } else {
        run++;
        global.push(h);
      }
    }
    if (run > 0) slices.push({ ...g, count: run });
    if (global.length >= limit) break;
  }
  return { slices, global: Int32Array.from(global) };
}

export interface PackLevelOptions {
  /**
   * Every host is the same and every item that fits one fits any: a partition of n items then needs at most
   * the first n free hosts, so only those are written into the arena (node VM pools of container-in-VM).
   */
  readonly identicalHosts?: boolean;
}

export function packLevel(e: Expansion, groupKeys: readonly string[], packer: Packer, sizeKey: SizeKey,
  options: PackLevelOptions = {}): PartitionedLevel {
  const hosts = totalCount(e.hosts), items = totalCount(e.items);
  const itemStarts = groupStarts(e.items);
  const itemHost = new Int32Array(items).fill(-1);
  const itemReason = new Int32Array(items);
  const hostResidual = new Float64Array(hosts * DIMS);
  const hostItems = new Int32Array(hosts);
  const hostPartition: (string | null)[] = new Array<string | null>(hosts).fill(null);
  const hostGroup = groupIndex(e.hosts);
  const D = DIMS; // a local: module bindings are getters under the CLI's loader, and these loops run per host
  for (let h = 0; h < hosts; h++) hostResidual.set(e.hosts[hostGroup[h]].allocatable, h * D);

  for (const key of partitionOrder(groupKeys)) {
    const groups = e.items.map((_, k) => k).filter((k) => groupKeys[k] === key && e.items[k].count > 0);
    if (groups.length === 0) continue;
    const need = options.identicalHosts ? groups.reduce((n, k) => n + e.items[k].count, 0) : Infinity;
    const { slices, global } = freeHostSlices(e.hosts, (h) => hostPartition[h] !== null, need);
    if (global.length === 0) {
      for (const k of groups) itemReason.fill(hosts > 0 ? REASON_NO_ROOM : REASON_TOO_LARGE, itemStarts[k], itemStarts[k + 1]);
      continue;
    }
    encodeExpansion({ model: e.model, items: groups.map((k) => e.items[k]), hosts: slices, rejected: [] }, packer);
    const out = packer.firstFitDecreasing(sizeKey);
    let i = 0;
    for (const k of groups) {
      for (let item = itemStarts[k]; item < itemStarts[k + 1]; item++, i++) {
        const sub = out.itemHost[i];
        itemHost[item] = sub >= 0 ? global[sub] : -1;
        itemReason[item] = out.itemReason[i];
      }
    }
    for (let sub = 0; sub < global.length; sub++) {
      if (out.hostItems[sub] === 0) continue;
      const h = global[sub];
      hostItems[h] = out.hostItems[sub];
      hostResidual.set(out.hostResidual.subarray(sub * D, sub * D + D), h * D);
      hostPartition[h] = key;
    }
  }
  let hostsUsed = 0;
  for (let h = 0; h < hosts; h++) if (hostItems[h] > 0) hostsUsed++;
  return { expansion: e, itemHost, itemReason, hostResidual, hostItems, hostsUsed, groupKeys, hostPartition };
}

/**
 * A level from a packing that enforced isolation itself (core/plan/pack-model.ts), copied out of kernel memory.
 * A used host's partition is the tenant of an exclusive item on it, else '' (shared), as packLevel would have it.
 */
export function ruledLevel(e: Expansion, groupKeys: readonly string[], out: PackOutcome): PartitionedLevel {
  const itemStarts = groupStarts(e.items);
  const hostPartition: (string | null)[] = Array.from(out.hostItems, (n) => (n > 0 ? '' : null));
  groupKeys.forEach((key, k) => {
    if (key === '') return;
    for (let i = itemStarts[k]; i < itemStarts[k + 1]; i++) if (out.itemHost[i] >= 0) hostPartition[out.itemHost[i]] = key;
  });
  return {
    expansion: e, itemHost: out.itemHost.slice(), itemReason: out.itemReason.slice(), hostResidual: out.hostResidual.slice(),
    hostItems: out.hostItems.slice(), hostsUsed: out.hostsUsed, groupKeys, hostPartition,
  };
}
