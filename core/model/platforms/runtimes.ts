// Runtime-class profiles: the Pod Overhead (RuntimeClass overhead.podFixed) the scheduler adds to every pod
// of the class, as upstream ships it, and the measured per-container memory and start time for comparison.
// The scenario's runtime classes "runc", "gvisor" and "kata" take their Pod Overhead from the scenario's
// deployment.container.podOverhead parameters (gVisor has no upstream default); the published Kata classes
// ("kata-qemu", "kata-clh", "kata-fc", "kata-confidential") take it from the profile. Start times in the
// model stay the scenario's startSeconds of the class's family (runc, gvisor, kata): the measured figures
// below time a container from create to its first network call on containerd, not a pod's scheduling and
// start, so they are shown beside the model, not used in it.
import type { ContainerModelParams } from '../../scenario/schema';
import { CHECKED, type PlatformSource } from './source';

import type { RuntimeClassId } from '../../scenario/platform-ids';

export { RUNTIME_PROFILES, type RuntimeClassId } from '../../scenario/platform-ids';
export type RuntimeFamily = 'runc' | 'gvisor' | 'kata';

export interface Measured {
  /** Host memory per idle container, MB (median). */
  readonly memoryMB: number | null;
  /** Create → first network call, median seconds. */
  readonly startSeconds: number | null;
  readonly what: string;
}

export interface RuntimeProfile {
  readonly id: RuntimeClassId;
  readonly name: string;
  readonly family: RuntimeFamily;
  /** Upstream RuntimeClass overhead.podFixed; null: no upstream default (the scenario's parameter applies). */
  readonly podFixed: { readonly cpuCores: number; readonly memoryMiB: number } | null;
  readonly sources: readonly PlatformSource[];
  readonly measured: Measured;
}

const KATA_RUNTIME_CLASSES: PlatformSource = {
  title: 'Kata Containers kata-deploy RuntimeClasses (overhead.podFixed)',
  url: 'kata-containers/kata-containers tools/packaging/kata-deploy/runtimeclasses/kata-runtimeClasses.yaml', version: 'Kata Containers 3.x, 2026', checked: CHECKED,
};
const IDLAB: PlatformSource = {
  title: 'idlab-discover/benchmark-containerd-runtimes: memory per container (50 sleeping alpine containers) and start to first wget, 100 runs',
  url: 'idlab-discover/benchmark-containerd-runtimes benchmarks/results', version: 'results committed 2024-11-08', checked: CHECKED,
};
const POD_OVERHEAD_DOC: PlatformSource = {
  title: 'Kubernetes, "Pod Overhead" (no overhead is defined for the default runtime class; Kata example 250m / 120Mi)',
  url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/', version: 'Kubernetes 1.3x', checked: CHECKED,
};
const GVISOR_PERF: PlatformSource = {
  title: 'gVisor Performance Guide, density.csv (runsc +19.6 MB per sleeping container, +47 MB node, +60 MB ruby; ptrace platform)',
  url: 'google/gvisor g3doc/architecture_guide/performance.md, website/performance/density.csv', version: 'undated guide (Debian 9, kernel 4.19)', checked: CHECKED,
};

export const RUNTIME_PROFILE_TABLE: Readonly<Record<RuntimeClassId, RuntimeProfile>> = {
  runc: {
    id: 'runc', name: 'runc', family: 'runc', podFixed: null, sources: [POD_OVERHEAD_DOC, IDLAB],
    measured: { memoryMB: 5.5, startSeconds: 0.188, what: 'runc (overlayfs), idlab' },
  },
  gvisor: {
    id: 'gvisor', name: 'gVisor (runsc)', family: 'gvisor', podFixed: null, sources: [GVISOR_PERF, IDLAB],
    measured: { memoryMB: 22.5, startSeconds: 0.567, what: 'runsc systrap, idlab (no upstream RuntimeClass overhead: the scenario parameter applies)' },
  },
  kata: {
    id: 'kata', name: 'Kata Containers (scenario parameters)', family: 'kata', podFixed: null, sources: [POD_OVERHEAD_DOC],
    measured: { memoryMB: null, startSeconds: null, what: 'deployment.container.podOverhead.kata as set in the scenario' },
  },
  'kata-qemu': {
    id: 'kata-qemu', name: 'Kata Containers with QEMU', family: 'kata', podFixed: { cpuCores: 0.25, memoryMiB: 160 }, sources: [KATA_RUNTIME_CLASSES, IDLAB],
    measured: { memoryMB: 139.0, startSeconds: 1.258, what: 'Kata 3 + QEMU, idlab (Kata 2 + QEMU: 156.9 MB, 1.068 s)' },
  },
  'kata-clh': {
    id: 'kata-clh', name: 'Kata Containers with Cloud Hypervisor', family: 'kata', podFixed: { cpuCores: 0.25, memoryMiB: 130 }, sources: [KATA_RUNTIME_CLASSES, IDLAB],
    measured: { memoryMB: 114.6, startSeconds: 1.006, what: 'Kata 3 + Cloud Hypervisor, idlab (Kata 2: 127.6 MB, 0.755 s)' },
  },
  'kata-fc': {
    id: 'kata-fc', name: 'Kata Containers with Firecracker', family: 'kata', podFixed: { cpuCores: 0.25, memoryMiB: 130 }, sources: [KATA_RUNTIME_CLASSES, IDLAB],
    measured: { memoryMB: 140.6, startSeconds: 0.793, what: 'Kata 2 + Firecracker (devmapper), idlab (140.6–142.2 MB)' },
  },
  'kata-confidential': {
    id: 'kata-confidential', name: 'Confidential Kata (QEMU with TDX / SEV-SNP)', family: 'kata', podFixed: { cpuCores: 1, memoryMiB: 2048 },
    sources: [KATA_RUNTIME_CLASSES], measured: { memoryMB: null, startSeconds: null, what: 'no published measurement' },
  },
};

export function runtimeProfile(id: RuntimeClassId): RuntimeProfile {
  return RUNTIME_PROFILE_TABLE[id];
}

/** The family whose scenario parameters (start time, isolation boundary) a runtime class uses. */
export function runtimeFamily(id: RuntimeClassId): RuntimeFamily {
  return RUNTIME_PROFILE_TABLE[id].family;
}

/** Pod Overhead of the scenario's runtime class (cores, MiB): the published value, else the scenario's parameter. */
export function podFixedOverhead(p: ContainerModelParams): { cpuCores: number; memoryMiB: number; published: boolean } {
  const fixed = RUNTIME_PROFILE_TABLE[p.runtimeClass].podFixed;
  if (fixed) return { ...fixed, published: true };
  const o = p.podOverhead[runtimeFamily(p.runtimeClass)];
  return { cpuCores: o.cpuCores, memoryMiB: o.memoryMiB, published: false };
}
