// Container-in-VM model: pods are packed into node VMs of one shape, and the node VMs onto hosts.
//
//   level 1 (pods → node VMs): a node VM of shape (vCPUs, memory, disk) is a Kubernetes node: the container
//     model's reservation, eviction threshold and max pods apply to the shape as they do to a bare-metal node
//     (GKE's formula is defined for VM nodes, so it stands for the node's OS and kubelet; no separate guest OS).
//     A node's network is bounded only by its host's link, so level 1 gives it the largest link in the pool.
//   level 2 (node VMs → hosts): each used node VM is a VM of its shape plus the VM model's per-VM overhead and
//     CPU / I/O virtualisation overhead on what runs in it; hosts offer the VM model's capacity.
//
// A node VM's host-level demand splits exactly into its pods' parts, its node reservation, the allocatable
// space no pod uses (nodeFree) and the hypervisor's share, so the breakdown still sums to host capacity.
import type { HostModel, NodeShape, Scenario, VmModelParams } from '../scenario/schema';
import { nodeCapacity } from './container';
import { mbFromGB, mibFromGiB, millicores, type Vector } from './dimensions';
import type { HostGroup, ItemParts } from './expansion';
import { physicalCapacity } from './hosts';
import { vmOverheadMiB } from './platforms/hypervisors';
import { cpuVirtualisationMillicores, flavourOrder, ioVirtualisationMbps, vmHostCapacity } from './vm';

/** A node VM shape with where it came from (configured, a fraction of a host model, a flavour). */
export interface CandidateShape {
  readonly shape: NodeShape;
  readonly label: string;
}

export function shapeVector(shape: NodeShape, networkMbps: number): Vector {
  return [millicores(shape.vcpus), mibFromGiB(shape.memoryGiB), mbFromGB(shape.diskGB), networkMbps];
}

export function describeShape(shape: NodeShape): string {
  return `${shape.vcpus} vCPU / ${shape.memoryGiB} GiB / ${shape.diskGB} GB`;
}

/** Largest host link in the pool (Mbps): the most network one node VM could get. */
export function poolNetworkMbps(scenario: Scenario): number {
  return Math.max(0, ...scenario.hostModels.map((m) => physicalCapacity(m)[3]));
}

/**
 * `count` identical node VMs of `shape`, as the "hosts" of level 1. A node's link is the largest host link
 * less the I/O virtualisation overhead its traffic adds on the host, so a full node VM still fits that link.
 */
export function nodePool(scenario: Scenario, shape: NodeShape, count: number): HostGroup {
  const p = scenario.deployment.container;
  const link = Math.floor(poolNetworkMbps(scenario) / (1 + scenario.deployment.vm.ioVirtualisationOverhead));
  const physical = shapeVector(shape, link);
  return {
    groupId: 'node-vms', siteId: '', rackId: '', modelId: `node ${describeShape(shape)}`, count, physical,
    ...nodeCapacity(physical, p), maxItems: p.maxPodsPerNode,
  };
}

/** Overhead memory (MiB) of one node VM of `node`'s shape on the hypervisor of deployment.vm.platform. */
export function nodeVmOverheadMiB(vm: VmModelParams, node: Pick<HostGroup, 'physical'>): number {
  return vmOverheadMiB(vm, node.physical[0] / 1000, node.physical[1] / 1024);
}

/** What the pods placed in one node VM add up to (kernel units). */
export interface NodeContents {
  readonly pods: number;
  /** Σ packed demand of the pods. */
  readonly demand: Vector;
  /** Σ of each part of the pods (workload, runtime, sidecars). */
  readonly parts: Readonly<Record<'workload' | 'runtime' | 'sidecars', Vector>>;
}

/** Host-level demand of one node VM and its parts. */
export function nodeVmItem(node: HostGroup, contents: NodeContents, vm: VmModelParams): { demand: Vector; parts: ItemParts } {
  const reserved = node.reserved ?? [0, 0, 0, 0];
  const { workload, runtime, sidecars } = contents.parts;
  const nodeFree: Vector = [
    node.allocatable[0] - contents.demand[0], node.allocatable[1] - contents.demand[1], node.allocatable[2] - contents.demand[2], 0,
  ];
  const usedCpu = contents.demand[0] + reserved[0];
  const network = contents.demand[3];
  const hypervisor: Vector = [cpuVirtualisationMillicores(usedCpu, vm), nodeVmOverheadMiB(vm, node), 0, ioVirtualisationMbps(network, vm)];
  const demand: Vector = [node.physical[0] + hypervisor[0], node.physical[1] + hypervisor[1], node.physical[2], network + hypervisor[3]];
  return { demand, parts: { workload, runtime, sidecars, reservations: [reserved[0], reserved[1], 0, 0], nodeFree, hypervisor } };
}

/** Node VM shapes that put `k` node VMs on one host of `model` (k = 1 … n), leaving room for VM overheads. */
export function hostFractionShapes(model: HostModel, n: number, vm: VmModelParams): CandidateShape[] {
  const physical = physicalCapacity(model);
  const { allocatable } = vmHostCapacity(physical, vm);
  const out: CandidateShape[] = [];
  for (let k = 1; k <= n; k++) {
    const vcpus = Math.floor(allocatable[0] / (k * 1000 * (1 + vm.cpuVirtualisationOverhead)));
    // Quarter-GiB steps, leaving room for the VM's overhead memory (which grows with its size under a profile).
    let memoryGiB = Math.floor((allocatable[1] / k - vmOverheadMiB(vm, Math.max(vcpus, 1), allocatable[1] / k / 1024)) / 256) / 4;
    while (memoryGiB > 0 && mibFromGiB(memoryGiB) + vmOverheadMiB(vm, Math.max(vcpus, 1), memoryGiB) > allocatable[1] / k) memoryGiB -= 0.25;
    const diskGB = Math.floor(physical[2] / k / 1000);
    if (vcpus >= 1 && memoryGiB > 0) out.push({ shape: { vcpus, memoryGiB, diskGB }, label: `1/${k} of ${model.id}` });
  }
  return out;
}

/**
 * Candidate shapes for the search: the configured one first (when set), then host fractions, then flavours;
 * no duplicates. With no configured shape the search always runs: it is how the shape is chosen.
 */
export function candidateShapes(scenario: Scenario): CandidateShape[] {
  const c = scenario.deployment.containerInVm;
  const all: CandidateShape[] = c.nodeShape ? [{ shape: c.nodeShape, label: 'configured' }] : [];
  if (c.shapeSearch.enabled || !c.nodeShape) {
    for (const m of scenario.hostModels) all.push(...hostFractionShapes(m, c.shapeSearch.hostFractions, scenario.deployment.vm));
    if (c.shapeSearch.includeFlavours) {
      for (const f of flavourOrder(scenario.deployment.vm.flavours)) {
        all.push({ shape: { vcpus: f.vcpus, memoryGiB: f.memoryGiB, diskGB: f.diskGB }, label: `flavour ${f.id}` });
      }
    }
  }
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = describeShape(s.shape);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when a pod of `demand` fits an empty node VM of `node` (CPU, memory, disk; the link is the host's). */
export function podFitsNode(demand: Vector, node: HostGroup): boolean {
  return demand[0] <= node.allocatable[0] && demand[1] <= node.allocatable[1] && demand[2] <= node.allocatable[2];
}
