// Container model (OS-level virtualisation, Kubernetes semantics). Each replica becomes one pod:
//   packed demand = requests + Pod Overhead of the runtime class + sidecar requests (when a mesh is on)
// Each node offers allocatable = capacity − kube/system reservation − eviction threshold (memory), and at most
// maxPodsPerNode pods. The reservation follows the GKE formula unless switched off (see model/defaults.ts).
import type { ContainerModelParams, Scenario } from '../scenario/schema';
import { mibFromGiB, millicores, type Vector } from './dimensions';
import type { Expansion, ItemGroup } from './expansion';
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

export function containerAllocatable(physical: Vector, p: ContainerModelParams): Vector {
  const r = nodeReservation(physical, p);
  return [
    Math.max(0, physical[0] - r.cpu),
    Math.max(0, physical[1] - r.memory - Math.round(p.evictionHardMiB)),
    physical[2],
    physical[3],
  ];
}

export function podOverheadVector(p: ContainerModelParams): Vector {
  const o = p.podOverhead[p.runtimeClass];
  const side = p.sidecar.enabled ? p.sidecar : { cpuCores: 0, memoryMiB: 0 };
  return [millicores(o.cpuCores) + millicores(side.cpuCores), Math.round(o.memoryMiB) + Math.round(side.memoryMiB), 0, 0];
}

export function expandContainer(scenario: Scenario): Expansion {
  const p = scenario.deployment.container;
  const overhead = podOverheadVector(p);
  const items: ItemGroup[] = scenario.services
    .filter((s) => s.replicas > 0)
    .map((s) => {
      const workload = workloadVector(s);
      const demand: Vector = [workload[0] + overhead[0], workload[1] + overhead[1], workload[2], workload[3]];
      return { serviceId: s.id, tenant: s.tenant, count: s.replicas, demand, workload };
    });
  const hosts = hostPool(scenario, (_m, physical) => ({ allocatable: containerAllocatable(physical, p), maxItems: p.maxPodsPerNode }));
  return { model: 'container', items, hosts, rejected: [] };
}
