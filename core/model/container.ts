// Container model (OS-level virtualisation, Kubernetes semantics). Each replica becomes one pod:
//   packed demand = requests + Pod Overhead of the runtime class + sidecar requests (when a mesh is on)
// Each node offers allocatable = capacity − kube/system reservation − eviction threshold (memory), and at most
// maxPodsPerNode pods. The reservation follows the GKE formula unless switched off (see model/defaults.ts).
// The same rules hold for a node that is a VM (container-in-VM, see container-in-vm.ts).
import type { ContainerModelParams, Scenario } from '../scenario/schema';
import { millicores, type Vector } from './dimensions';
import type { Expansion, ItemGroup, ItemParts } from './expansion';
import { hostPool } from './hosts';
import { workloadVector } from './workload';
import { KUBERNETES_PROFILES } from './platforms/kubernetes';
import { podFixedOverhead } from './platforms/runtimes';

/**
 * Kube + system reservation per node (millicores, MiB, rounded up), before the eviction threshold, by the
 * deployment.container.platform profile ("generic-k8s": reservationFormula + systemReserved).
 */
export function nodeReservation(physical: Vector, p: ContainerModelParams): { cpu: number; memory: number; eviction: number } {
  const r = KUBERNETES_PROFILES[p.platform].reserve(physical[0], physical[1], p.maxPodsPerNode, p);
  return { cpu: Math.ceil(r.cpuMillicores - 1e-9), memory: Math.ceil(r.memoryMiB - 1e-9), eviction: Math.ceil(r.evictionMiB - 1e-9) };
}

/** Capacity a node holds back (reservation + eviction threshold, at most its capacity) and what it offers pods. */
export function nodeCapacity(physical: Vector, p: ContainerModelParams): { allocatable: Vector; reserved: Vector } {
  const r = nodeReservation(physical, p);
  const reserved: Vector = [Math.min(physical[0], r.cpu), Math.min(physical[1], r.memory + r.eviction), 0, 0];
  return { allocatable: [physical[0] - reserved[0], physical[1] - reserved[1], physical[2], physical[3]], reserved };
}

export function containerAllocatable(physical: Vector, p: ContainerModelParams): Vector {
  return nodeCapacity(physical, p).allocatable;
}

/** Pod Overhead of the model's runtime class, per pod (kernel units): upstream's for the kata-* classes, else the parameter. */
export function runtimeOverheadVector(p: ContainerModelParams): Vector {
  const o = podFixedOverhead(p);
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
