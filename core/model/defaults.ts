// Planning defaults for the deployment models. Every value is an editable scenario parameter; this table is
// the single place a default is defined, with its unit and where it comes from. The schema uses these values,
// the UI shows them, and a test checks that a scenario parsed without the field gets exactly this value.

export interface DocumentedDefault {
  /** Dotted path inside the scenario's `deployment` or `policy` block. */
  readonly path: string;
  readonly value: unknown;
  readonly unit: string;
  readonly source: string;
}

export const VM_DEFAULTS = {
  hypervisorReserved: { cpuCores: 0, memoryGiB: 0.5 },
  guestOs: { cpuCores: 0.1, memoryGiB: 0.5, diskGB: 10 },
  perVmOverheadMiB: 64,
  cpuOvercommit: 1,
  memoryOvercommit: 1,
  flavours: [
    { id: 'm1.tiny', vcpus: 1, memoryGiB: 0.5, diskGB: 1 },
    { id: 'm1.small', vcpus: 1, memoryGiB: 2, diskGB: 20 },
    { id: 'm1.medium', vcpus: 2, memoryGiB: 4, diskGB: 40 },
    { id: 'm1.large', vcpus: 4, memoryGiB: 8, diskGB: 80 },
    { id: 'm1.xlarge', vcpus: 8, memoryGiB: 16, diskGB: 160 },
  ],
};

export const CONTAINER_DEFAULTS = {
  reservationFormula: 'gke' as const,
  systemReserved: { cpuCores: 0, memoryGiB: 0 },
  evictionHardMiB: 100,
  runtimeClass: 'runc' as const,
  podOverhead: {
    runc: { cpuCores: 0, memoryMiB: 0 },
    gvisor: { cpuCores: 0.1, memoryMiB: 64 },
    kata: { cpuCores: 0.25, memoryMiB: 120 },
  },
  maxPodsPerNode: 110,
  sidecar: { enabled: false, cpuCores: 0.1, memoryMiB: 128 },
};

export const POLICY_DEFAULTS = {
  algorithm: 'ffd' as const,
  sizeKey: 'l2' as const,
  seed: 1,
};

export const SITE_DEFAULTS = { pue: 1.58, energyUSDPerKWh: 0.15 };

export const DOCUMENTED_DEFAULTS: readonly DocumentedDefault[] = [
  { path: 'deployment.vm.hypervisorReserved.cpuCores', value: 0, unit: 'cores per host',
    source: 'OpenStack Nova, reserved_host_cpus default 0 (nova.conf reference)' },
  { path: 'deployment.vm.hypervisorReserved.memoryGiB', value: 0.5, unit: 'GiB per host',
    source: 'OpenStack Nova, reserved_host_memory_mb default 512 (nova.conf reference)' },
  { path: 'deployment.vm.guestOs.cpuCores', value: 0.1, unit: 'vCPU per VM',
    source: 'Planning assumption: idle background load of a minimal Linux server guest' },
  { path: 'deployment.vm.guestOs.memoryGiB', value: 0.5, unit: 'GiB per VM',
    source: 'Planning assumption: resident memory of a minimal Linux server guest (kernel, systemd, agents)' },
  { path: 'deployment.vm.guestOs.diskGB', value: 10, unit: 'GB per VM',
    source: 'Planning assumption: root filesystem of a minimal Linux server image' },
  { path: 'deployment.vm.perVmOverheadMiB', value: 64, unit: 'MiB per VM',
    source: 'Planning assumption: QEMU/KVM process and device-model memory outside the guest' },
  { path: 'deployment.vm.cpuOvercommit', value: 1, unit: 'vCPU : logical CPU',
    source: 'No overcommit; OpenStack Nova cpu_allocation_ratio is commonly raised to 4–16 for web tiers' },
  { path: 'deployment.vm.memoryOvercommit', value: 1, unit: 'ratio',
    source: 'No overcommit; OpenStack Nova ram_allocation_ratio initial default 1.0' },
  { path: 'deployment.vm.flavours', value: VM_DEFAULTS.flavours, unit: 'vCPU / GiB / GB',
    source: 'OpenStack classic m1.* flavours (OpenStack admin guide, "Flavors")' },
  { path: 'deployment.container.reservationFormula', value: 'gke', unit: 'formula',
    source: 'GKE node allocatable: CPU 6 % of the 1st core, 1 % of the 2nd, 0.5 % of the 3rd–4th, 0.25 % above; '
      + 'memory 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128 GiB' },
  { path: 'deployment.container.systemReserved.cpuCores', value: 0, unit: 'cores per node',
    source: 'Kubernetes kubelet --system-reserved has no default; the formula above covers system daemons' },
  { path: 'deployment.container.systemReserved.memoryGiB', value: 0, unit: 'GiB per node',
    source: 'Kubernetes kubelet --system-reserved has no default; the formula above covers system daemons' },
  { path: 'deployment.container.evictionHardMiB', value: 100, unit: 'MiB per node',
    source: 'Kubernetes kubelet default evictionHard memory.available < 100Mi' },
  { path: 'deployment.container.runtimeClass', value: 'runc', unit: 'runtime class',
    source: 'Default container runtime of containerd and CRI-O' },
  { path: 'deployment.container.podOverhead.runc', value: CONTAINER_DEFAULTS.podOverhead.runc, unit: 'cores / MiB per pod',
    source: 'Kubernetes: no Pod Overhead is defined for the default runtime class' },
  { path: 'deployment.container.podOverhead.gvisor', value: CONTAINER_DEFAULTS.podOverhead.gvisor, unit: 'cores / MiB per pod',
    source: 'Planning assumption for gVisor (runsc) Sentry and Gofer processes' },
  { path: 'deployment.container.podOverhead.kata', value: CONTAINER_DEFAULTS.podOverhead.kata, unit: 'cores / MiB per pod',
    source: 'Kubernetes docs, "Pod Overhead" example RuntimeClass for Kata Containers: cpu 250m, memory 120Mi' },
  { path: 'deployment.container.maxPodsPerNode', value: 110, unit: 'pods per node',
    source: 'Kubernetes kubelet --max-pods default 110' },
  { path: 'deployment.container.sidecar.enabled', value: false, unit: 'on/off',
    source: 'No service mesh unless the planner adds one' },
  { path: 'deployment.container.sidecar.cpuCores', value: 0.1, unit: 'cores per pod',
    source: 'Istio sidecar proxy default request cpu 100m (Istio global.proxy.resources)' },
  { path: 'deployment.container.sidecar.memoryMiB', value: 128, unit: 'MiB per pod',
    source: 'Istio sidecar proxy default request memory 128Mi (Istio global.proxy.resources)' },
  { path: 'sites[].pue', value: SITE_DEFAULTS.pue, unit: 'ratio',
    source: 'Uptime Institute Global Data Center Survey 2023: average annual PUE 1.58' },
  { path: 'sites[].energyUSDPerKWh', value: SITE_DEFAULTS.energyUSDPerKWh, unit: 'USD per kWh',
    source: 'Planning assumption: commercial electricity tariff' },
  { path: 'policy.algorithm', value: 'ffd', unit: 'algorithm', source: 'First Fit Decreasing (Johnson et al., 1974)' },
  { path: 'policy.sizeKey', value: 'l2', unit: 'size key',
    source: 'L2 norm of normalised demand; among the better FFD keys in Panigrahy et al. (2011)' },
  { path: 'policy.seed', value: 1, unit: 'integer', source: 'Fixed seed so every machine gives the same numbers' },
];
