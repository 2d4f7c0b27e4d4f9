// Container model (OS-level virtualisation, Kubernetes semantics). Each replica becomes one pod:
//   packed demand = requests + Pod Overhead of the runtime class + sidecar requests (when a mesh is on)
// Each node offers allocatable = capacity − kube/system reservation − eviction threshold (memory), and at most
// maxPodsPerNode pods. The reservation follows the GKE formula unless switched off (see model/defaults.ts).
// The same rules hold for a node that is a VM (container-in-VM, see container-in-vm.ts).
import type { ContainerModelParams, Scenario } from '../scenario/schema';
import { mibFromGiB, millicores, type Vector } from './dimensions';
import type { Expansion, ItemGroup, ItemParts } from './expansion';
import { hostPool } from './hosts';
import { workloadVector } from './workload';

/** Marginal-rate tiers: [upper bound of the tier, share reserved within it]. */
type Tiers = readonly (readonly [number, number])[];

// CPU tiers in millicores of logical CPU, memory tiers in MiB.
const GKE_CPU_TIERS: Tiers = [[1000, 0.06], [2000, 0.01], [4000, 0.005], [Infinity, 0.0025]];
const GKE_MEMORY_TIERS: Tiers = [[4096, 0.25], [8192, 0.2], [16384, 0.1], [131072, 0.06], [Infinity, 0.02]];
const GKE_SMALL_NODE_MEMORY_MIB = 255; // reserved on nodes with less than 1 GiB

function tiered(amount: number, tiers: Tiers): number {
  let reserved = 0, lower = 0;
  for (const [upper, share] of tiers) {
    if (amount <= lower) break;
    reserved += (Math.min(amount, upper) - lower) * share;
    lower = upper;
  }
  return reserved;
}

/** Kube + system reservation per node (millicores, MiB), before the eviction threshold. */
export function nodeReservation(physical: Vector, p: ContainerModelParams): { cpu: number; memory: number } {
  let cpu = millicores(p.systemReserved.cpuCores);
  let memory = mibFromGiB(p.systemReserved.memoryGiB);
  if (p.reservationFormula === 'gke') {
    cpu += Math.ceil(tiered(physical[0], GKE_CPU_TIERS));
    memory += physical[1] < 1024 ? GKE_SMALL_NODE_MEMORY_MIB : Math.ceil(tiered(physical[1], GKE_MEMORY_TIERS));
  }
  return { cpu, memory };
}

/** Capacity a node holds back (reservation + eviction threshold, at most its capacity) and what it offers pods. */
export function nodeCapacity(physical: Vector, p: ContainerModelParams): { allocatable: Vector; reserved: Vector } {
  const r = nodeReservation(physical, p);
  const reserved: Vector = [Math.min(physical[0], r.cpu), Math.min(physical[1], r.memory + Math.round(p.evictionHardMiB)), 0, 0];
  return { allocatable: [physical[0] - reserved[0], physical[1] - reserved[1], physical[2], physical[3]], reserved };
}

export function containerAllocatable(physical: Vector, p: ContainerModelParams): Vector {
  return nodeCapacity(physical, p).allocatable;
}

/** Pod Overhead of the model's runtime class, per pod (kernel units). */
export function runtimeOverheadVector(p: ContainerModelParams): Vector {
  const o = p.podOverhead[p.runtimeClass];
  return [millicores(o.cpuCores), Math.round(o.memoryMiB), 0, 0];
}

/** Sidecar requests per pod (zero when no mesh is configured). */
export function sidecarVector(p: ContainerModelParams): Vector {
  return p.sidecar.enabled ? [millicores(p.sidecar.cpuCores), Math.round(p.sidecar.memoryMiB), 0, 0] : [0, 0, 0, 0];
}

export function podOverheadVector(p: ContainerModelParams): Vector {
  const o = runtimeOverheadVector(p), s = sidecarVector(p);
  return [o[0] + s[0], o[1] + s[1], 0, 0];
}

/** Packed demand and its parts for one pod running `workload`. */
export function podItem(workload: Vector, p: ContainerModelParams): { demand: Vector; parts: ItemParts } {
  const runtime = runtimeOverheadVector(p);
  const sidecars = sidecarVector(p);
  const demand: Vector = [workload[0] + runtime[0] + sidecars[0], workload[1] + runtime[1] + sidecars[1], workload[2], workload[3]];
  return { demand, parts: { workload, runtime, sidecars } };
}

/** One pod group per service with replicas, in catalogue order. */
export function podGroups(scenario: Scenario): ItemGroup[] {
  const p = scenario.deployment.container;
  return scenario.services
    .filter((s) => s.replicas > 0)
    .map((s) => {
      const workload = workloadVector(s);
      return { serviceId: s.id, tenant: s.tenant, count: s.replicas, workload, ...podItem(workload, p) };
    });
}

export function expandContainer(scenario: Scenario): Expansion {
  const p = scenario.deployment.container;
  const hosts = hostPool(scenario, (_m, physical) => ({ ...nodeCapacity(physical, p), maxItems: p.maxPodsPerNode }));
  return { model: 'container', items: podGroups(scenario), hosts, rejected: [] };
}
