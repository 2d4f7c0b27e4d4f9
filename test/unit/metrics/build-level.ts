// Hand-built packed levels for metric tests: hosts and items given explicitly, residuals computed here by
// arithmetic (allocatable − Σ demands), never by the code under test.
import type { Vector } from '../../../core/model/dimensions';
import type { HostGroup, ItemGroup } from '../../../core/model/expansion';
import type { PartitionedLevel } from '../../../core/metrics/level';

export interface HostSpec extends Partial<HostGroup> {
  readonly allocatable: Vector;
}

export function host(spec: HostSpec, k: number): HostGroup {
  return { groupId: `g${k}`, siteId: 's', rackId: 'r', modelId: 'm', count: 1, physical: spec.allocatable, maxItems: 0, ...spec };
}

/** `placement[i]` = host index of item i (−1 unplaced); items are one group per entry of `items`, count 1. */
export function buildLevel(hosts: readonly HostSpec[], items: readonly Partial<ItemGroup>[], placement: readonly number[],
  groupKeys?: readonly string[]): PartitionedLevel {
  const hostGroups = hosts.map(host);
  const itemGroups: ItemGroup[] = items.map((it, k) => ({
    serviceId: `svc${k}`, tenant: 't', count: 1, demand: [0, 0, 0, 0], workload: it.demand ?? [0, 0, 0, 0], ...it,
  }) as ItemGroup);
  const residual = new Float64Array(hosts.length * 4);
  const hostItems = new Int32Array(hosts.length);
  hostGroups.forEach((g, h) => residual.set(g.allocatable, h * 4));
  placement.forEach((h, i) => {
    if (h < 0) return;
    hostItems[h]++;
    for (let d = 0; d < 4; d++) residual[h * 4 + d] -= itemGroups[i].demand[d];
  });
  const keys = groupKeys ?? itemGroups.map(() => '');
  return {
    expansion: { model: 'vm', items: itemGroups, hosts: hostGroups, rejected: [] },
    itemHost: Int32Array.from(placement),
    itemReason: Int32Array.from(placement, (h) => (h < 0 ? 2 : 0)),
    hostResidual: residual,
    hostItems,
    hostsUsed: hostItems.filter((n) => n > 0).length,
    groupKeys: keys,
    hostPartition: Array.from(hostItems, (n, h) => (n > 0 ? keys[placement.indexOf(h)] : null)),
  };
}
