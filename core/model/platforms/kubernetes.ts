// Kubernetes node-reservation profiles: what a managed Kubernetes flavour holds back on each node
// (kube-reserved + system-reserved) and its hard-eviction threshold, as each provider publishes it.
//   allocatable = capacity − reserved − eviction threshold   (Kubernetes "Reserve Compute Resources")
// A named profile replaces the scenario's deployment.container reservationFormula, systemReserved and
// evictionHardMiB; "generic-k8s" uses exactly those parameters. Formulas that depend on the pods per node use
// deployment.container.maxPodsPerNode (the node's pod limit), as the provider's bootstrap does.
// Units: CPU in millicores of the node's logical CPUs, memory in MiB. The AKS documentation writes MB for
// what kubelet is given in Mi; Hostfit reads it as MiB (see the AKS claim in test/unit/model/platforms.test.ts).
import type { ContainerModelParams } from '../../scenario/schema';
import { mibFromGiB, millicores } from '../dimensions';
import { CHECKED, type PlatformSource } from './source';

import type { KubernetesPlatformId } from '../../scenario/platform-ids';

export { KUBERNETES_PLATFORMS, type KubernetesPlatformId } from '../../scenario/platform-ids';

/** Marginal-rate tiers: [upper bound of the tier, share reserved within it]. */
export type Tiers = readonly (readonly [number, number])[];

export function tiered(amount: number, tiers: Tiers): number {
  let reserved = 0, lower = 0;
  for (const [upper, share] of tiers) {
    if (amount <= lower) break;
    reserved += (Math.min(amount, upper) - lower) * share;
    lower = upper;
  }
  return reserved;
}

/** GKE CPU tiers (millicores): 6 % of the 1st core, 1 % of the 2nd, 0.5 % of the 3rd–4th, 0.25 % above. */
export const GKE_CPU_TIERS: Tiers = [[1000, 0.06], [2000, 0.01], [4000, 0.005], [Infinity, 0.0025]];
/** GKE memory tiers (MiB): 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128 GiB. */
export const GKE_MEMORY_TIERS: Tiers = [[4096, 0.25], [8192, 0.2], [16384, 0.1], [131072, 0.06], [Infinity, 0.02]];
/** GKE: reserved on machines with less than 1 GiB. */
export const GKE_SMALL_NODE_MEMORY_MIB = 255;
/**
 * AKS kube-reserved CPU, read as marginal tiers: 60 m for the 1st core, 40 m for the 2nd, 20 m each for the 3rd
 * and 4th, 10 m each above. They reproduce every row AKS publishes (1, 2, 4, 8, 16, 32, 64 cores → 60, 100,
 * 140, 180, 260, 420, 740 m); between rows the tiers are Hostfit's reading.
 */
export const AKS_CPU_TIERS: Tiers = [[1000, 0.06], [2000, 0.04], [4000, 0.02], [Infinity, 0.01]];
export const EKS_MEMORY = { perPodMiB: 11, fixedMiB: 255 } as const;
export const AKS_MEMORY = { perPodMiB: 20, fixedMiB: 50, maxShare: 0.25 } as const;

export interface NodeReservation {
  /** kube-reserved + system-reserved, millicores (unrounded). */
  readonly cpuMillicores: number;
  /** kube-reserved + system-reserved, MiB (unrounded). */
  readonly memoryMiB: number;
  /** Hard eviction threshold memory.available, MiB. */
  readonly evictionMiB: number;
  /** How each was obtained. */
  readonly how: { readonly cpu: string; readonly memory: string; readonly eviction: string };
}

export interface KubernetesProfile {
  readonly id: KubernetesPlatformId;
  readonly name: string;
  readonly rule: string;
  readonly sources: readonly PlatformSource[];
  /** Reservation of a node with `cpuMillicores` logical CPU and `memoryMiB`, running at most `maxPods` pods. */
  reserve(cpuMillicores: number, memoryMiB: number, maxPods: number, p: ContainerModelParams): NodeReservation;
}

const cores = (m: number) => `${m / 1000} cores`;
const gkeCpu = (cpu: number) => ({ value: tiered(cpu, GKE_CPU_TIERS), how: `GKE CPU tiers of ${cores(cpu)}` });
const gkeMemory = (mem: number) => (mem < 1024
  ? { value: GKE_SMALL_NODE_MEMORY_MIB, how: `${GKE_SMALL_NODE_MEMORY_MIB} MiB (node under 1 GiB)` }
  : { value: tiered(mem, GKE_MEMORY_TIERS), how: `GKE memory tiers of ${mem} MiB` });

const GKE_SOURCE: PlatformSource = {
  title: 'GKE, "Plan node sizes": allocatable resources (CPU and memory reservation tiers, eviction 100 MiB)',
  url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes', version: 'GKE Standard, 2026', checked: CHECKED,
};
const EKS_SOURCE: PlatformSource = {
  title: 'Amazon EKS AMI bootstrap: kube-reserved memory 11 MiB × maxPods + 255 MiB, CPU by GKE\'s tiers, evictionHard memory.available 100Mi',
  url: 'awslabs/amazon-eks-ami files/bootstrap.sh (maxPods from files/eni-max-pods.txt)', version: 'Amazon Linux 2 EKS AMI', checked: CHECKED,
};
const AKS_SOURCE: PlatformSource = {
  title: 'AKS, "Node resource reservations" (kube-reserved CPU table; memory before and after Kubernetes 1.29)',
  url: 'https://learn.microsoft.com/azure/aks/node-resource-reservations', version: 'AKS, 2026 (also docs.azure.cn/en-us/aks/node-resource-reservations)', checked: CHECKED,
};

export const KUBERNETES_PROFILES: Readonly<Record<KubernetesPlatformId, KubernetesProfile>> = {
  'generic-k8s': {
    id: 'generic-k8s',
    name: 'Generic Kubernetes (scenario parameters)',
    rule: 'deployment.container.reservationFormula ("gke" tiers or none) + systemReserved, and evictionHardMiB, as set in the scenario',
    sources: [{ title: 'Hostfit planning defaults (core/model/defaults.ts)', url: 'core/model/defaults.ts', version: 'scenario format 2', checked: CHECKED }],
    reserve(cpu, mem, _maxPods, p) {
      const formula = p.reservationFormula === 'gke';
      const c = formula ? gkeCpu(cpu) : { value: 0, how: 'no formula' };
      const m = formula ? gkeMemory(mem) : { value: 0, how: 'no formula' };
      const sysCpu = millicores(p.systemReserved.cpuCores), sysMem = mibFromGiB(p.systemReserved.memoryGiB);
      return {
        cpuMillicores: Math.ceil(c.value) + sysCpu, memoryMiB: Math.ceil(m.value) + sysMem, evictionMiB: Math.round(p.evictionHardMiB),
        how: { cpu: `${c.how} + systemReserved ${sysCpu} m`, memory: `${m.how} + systemReserved ${sysMem} MiB`, eviction: 'deployment.container.evictionHardMiB' },
      };
    },
  },
  gke: {
    id: 'gke',
    name: 'Google Kubernetes Engine (Standard)',
    rule: 'CPU: 6 % of the 1st core, 1 % of the 2nd, 0.5 % of the 3rd–4th, 0.25 % of each core above 4; memory: 255 MiB under 1 GiB, '
      + 'else 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128 GiB; eviction 100 MiB',
    sources: [GKE_SOURCE],
    reserve(cpu, mem) {
      const c = gkeCpu(cpu), m = gkeMemory(mem);
      return { cpuMillicores: c.value, memoryMiB: m.value, evictionMiB: 100, how: { cpu: c.how, memory: m.how, eviction: 'memory.available 100 MiB' } };
    },
  },
  eks: {
    id: 'eks',
    name: 'Amazon EKS (Amazon Linux 2 AMI)',
    rule: `memory: ${EKS_MEMORY.perPodMiB} MiB × max pods + ${EKS_MEMORY.fixedMiB} MiB (max pods = ENIs × (IPv4 per ENI − 1) + 2 for an instance type, `
      + 'else the node\'s pod limit); CPU: GKE\'s tiers; eviction 100 MiB',
    sources: [EKS_SOURCE],
    reserve(cpu, _mem, maxPods) {
      const c = gkeCpu(cpu);
      return {
        cpuMillicores: c.value, memoryMiB: EKS_MEMORY.perPodMiB * maxPods + EKS_MEMORY.fixedMiB, evictionMiB: 100,
        how: { cpu: c.how, memory: `${EKS_MEMORY.perPodMiB} MiB × ${maxPods} pods + ${EKS_MEMORY.fixedMiB} MiB`, eviction: 'evictionHard memory.available 100Mi' },
      };
    },
  },
  aks: {
    id: 'aks',
    name: 'Azure Kubernetes Service (1.29 and later)',
    rule: `CPU: 60 m for 1 core, 100 m for 2, 140 m for 4, then 10 m per core (the published table); memory: min(${AKS_MEMORY.perPodMiB} MiB × max pods + `
      + `${AKS_MEMORY.fixedMiB} MiB, 25 % of the node); eviction 100 MiB`,
    sources: [AKS_SOURCE],
    reserve(cpu, mem, maxPods) {
      const byPods = AKS_MEMORY.perPodMiB * maxPods + AKS_MEMORY.fixedMiB, cap = AKS_MEMORY.maxShare * mem;
      return {
        cpuMillicores: tiered(cpu, AKS_CPU_TIERS), memoryMiB: Math.min(byPods, cap), evictionMiB: 100,
        how: { cpu: `AKS CPU table, ${cores(cpu)}`,
          memory: `min(${AKS_MEMORY.perPodMiB} MiB × ${maxPods} pods + ${AKS_MEMORY.fixedMiB} MiB, 25 % of ${mem} MiB)`, eviction: 'memory.available 100 Mi' },
      };
    },
  },
  'aks-pre-1.29': {
    id: 'aks-pre-1.29',
    name: 'Azure Kubernetes Service (before 1.29)',
    rule: 'CPU: the AKS table; memory: 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128 GiB; eviction 750 MiB',
    sources: [AKS_SOURCE],
    reserve(cpu, mem) {
      return {
        cpuMillicores: tiered(cpu, AKS_CPU_TIERS), memoryMiB: tiered(mem, GKE_MEMORY_TIERS), evictionMiB: 750,
        how: { cpu: `AKS CPU table, ${cores(cpu)}`, memory: `25/20/10/6/2 % tiers of ${mem} MiB`, eviction: 'memory.available 750 Mi' },
      };
    },
  },
  none: {
    id: 'none',
    name: 'No node reservations',
    rule: 'nothing reserved and no eviction threshold: pods may use the whole node (a bound, to see what reservations cost)',
    sources: [{ title: 'Kubernetes, "Reserve Compute Resources for System Daemons" (allocatable = capacity − reservations − eviction)',
      url: 'https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/', version: 'Kubernetes 1.3x', checked: CHECKED }],
    reserve: () => ({ cpuMillicores: 0, memoryMiB: 0, evictionMiB: 0, how: { cpu: 'none', memory: 'none', eviction: 'none' } }),
  },
};

export function kubernetesProfile(id: KubernetesPlatformId): KubernetesProfile {
  return KUBERNETES_PROFILES[id];
}
