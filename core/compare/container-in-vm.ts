// Container-in-VM in two packed levels (see core/model/container-in-vm.ts for the model):
//   1. pods → node VMs of one shape (a pool of as many node VMs as pods, so no pod lacks a node);
//   2. each used node VM becomes one VM item (its shape, what runs in it, its overheads) → hosts.
// Isolation: pods needing a node VM of their tenant's own are packed in per-tenant node partitions; pods
// needing a host of their own in per-tenant node partitions whose node VMs then get hosts of their own.
import type { Packer, SizeKey } from '../kernel/packer';
import { podGroups } from '../model/container';
import { nodePool, nodeVmItem, type NodeContents } from '../model/container-in-vm';
import { DIMS, type Vector } from '../model/dimensions';
import type { Expansion, ItemGroup } from '../model/expansion';
import { hostPool } from '../model/hosts';
import { placementRule, type PlacementRule } from '../model/isolation';
import { vmHostCapacity } from '../model/vm';
import { groupIndex, type PartitionedLevel } from '../metrics/level';
import type { NodeShape, Scenario } from '../scenario/schema';
import { packLevel } from './pack';
import { totalCount } from '../plan/encode';

export interface ContainerInVmPlan {
  readonly shape: NodeShape;
  /** Pods → node VMs. */
  readonly nodes: PartitionedLevel;
  /** Node VMs (one item per used node VM, in node order) → hosts. */
  readonly hosts: PartitionedLevel;
  /** Node VM index of each item of the host level. */
  readonly nodeOfItem: Int32Array;
  /** Placement rule of each pod group. */
  readonly podRules: readonly PlacementRule[];
}

/** Partition key of a pod group at the node level: '' shared, `node:t` / `host:t` a tenant's own node VMs. */
function podKey(rule: PlacementRule, tenant: string): string {
  return rule === 'none' ? '' : `${rule === 'node-exclusive' ? 'node' : 'host'}:${tenant}`;
}

const zero = (): Vector => [0, 0, 0, 0];

export function packContainerInVm(scenario: Scenario, shape: NodeShape, packer: Packer, sizeKey: SizeKey): ContainerInVmPlan {
  const isolationOf = new Map(scenario.services.map((s) => [s.id, s.isolation]));
  const pods = podGroups(scenario);
  const podRules = pods.map((g) => placementRule('container-in-vm', isolationOf.get(g.serviceId)!, scenario));
  const podCount = totalCount(pods);
  const pool = nodePool(scenario, shape, Math.max(1, podCount));
  const nodeExpansion: Expansion = { model: 'container', items: pods, hosts: [pool], rejected: [] };
  const nodes = packLevel(nodeExpansion, pods.map((g, k) => podKey(podRules[k], g.tenant)), packer, sizeKey, { identicalHosts: true });

  // What each used node VM holds.
  const contents = new Map<number, { pods: number; demand: Vector; workload: Vector; runtime: Vector; sidecars: Vector }>();
  const podGroup = groupIndex(pods);
  const D = DIMS; // a local: module bindings are getters under the CLI's loader, and this loop runs per pod
  nodes.itemHost.forEach((n, i) => {
    if (n < 0) return;
    let c = contents.get(n);
    if (!c) contents.set(n, (c = { pods: 0, demand: zero(), workload: zero(), runtime: zero(), sidecars: zero() }));
    const g = pods[podGroup[i]];
    c.pods++;
    for (let d = 0; d < D; d++) {
      c.demand[d] += g.demand[d];
      c.workload[d] += g.parts?.workload?.[d] ?? g.demand[d];
      c.runtime[d] += g.parts?.runtime?.[d] ?? 0;
      c.sidecars[d] += g.parts?.sidecars?.[d] ?? 0;
    }
  });
  const used = [...contents.keys()].sort((a, b) => a - b);
  const nodeItems: ItemGroup[] = [];
  const nodeKeys: string[] = [];
  for (const n of used) {
    const c = contents.get(n)!;
    const key = nodes.hostPartition[n] ?? '';
    const holder: NodeContents = { pods: c.pods, demand: c.demand, parts: { workload: c.workload, runtime: c.runtime, sidecars: c.sidecars } };
    const { demand, parts } = nodeVmItem(pool, holder, scenario.deployment.vm);
    nodeItems.push({ serviceId: `node-vm-${n + 1}`, tenant: key === '' ? '' : key.slice(key.indexOf(':') + 1), count: 1, demand, workload: c.workload, parts });
    nodeKeys.push(key.startsWith('host:') ? key.slice(5) : '');
  }
  const vm = scenario.deployment.vm;
  const hostExpansion: Expansion = {
    model: 'vm', items: nodeItems, rejected: [],
    hosts: hostPool(scenario, (_m, physical) => ({ ...vmHostCapacity(physical, vm), maxItems: 0 })),
  };
  const hosts = packLevel(hostExpansion, nodeKeys, packer, sizeKey);
  return { shape, nodes, hosts, nodeOfItem: Int32Array.from(used), podRules };
}
