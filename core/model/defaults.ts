// Planning defaults for the deployment models. Every value is an editable scenario parameter; this table is
// the single place a default is defined, with its unit and where it comes from. The schema uses these values,
// the UI shows them, and a test checks that a scenario parsed without the field gets exactly this value.

export interface DocumentedDefault {
  /** Dotted path inside the scenario (`deployment`, `economics` or `policy` block; `sites[]` for per-site values). */
  readonly path: string;
  readonly value: unknown;
  readonly unit: string;
  readonly source: string;
}

export const VM_DEFAULTS = {
  platform: 'generic-vm' as const,
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
  cpuVirtualisationOverhead: 0.03,
  ioVirtualisationOverhead: 0.1,
  provisionSeconds: 20,
  bootSeconds: 40,
  shutdownSeconds: 60,
  liveMigration: { bandwidthShare: 0.5, degradation: 0.1 },
};

export const CONTAINER_DEFAULTS = {
  platform: 'generic-k8s' as const,
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
  imagePullSeconds: 10,
  startSeconds: { runc: 2, gvisor: 2.5, kata: 3.5 },
  stopSeconds: 30,
};

export const CONTAINER_IN_VM_DEFAULTS = {
  /** No shape set: the shape search picks one (see container-in-vm.ts). */
  nodeShape: undefined,
  nodeJoinSeconds: 30,
  shapeSearch: { enabled: true, objective: 'hosts' as const, hostFractions: 8, includeFlavours: true },
};

/** Boundaries between tenants, strongest first (mainstream practice: a shared kernel is the weakest). */
export const ISOLATION_DEFAULTS = {
  ranking: ['dedicated-host', 'vm', 'sandbox', 'shared-kernel'] as ('dedicated-host' | 'vm' | 'sandbox' | 'shared-kernel')[],
  runtimeBoundary: { runc: 'shared-kernel' as const, gvisor: 'sandbox' as const, kata: 'sandbox' as const },
};

export const ECONOMICS_DEFAULTS = {
  amortisationMonths: 60,
  hoursPerMonth: 730,
  load: 'packed' as const,
};

export const POLICY_DEFAULTS = {
  algorithm: 'best' as const,
  sizeKey: 'l2' as const,
  seed: 1,
  improveIterations: 2000,
  objective: 'hosts' as const,
  sizing: { runs: 0, percentile: 90 },
};

export const SITE_DEFAULTS = { pue: 1.58, energyUSDPerKWh: 0.15 };

export const DOCUMENTED_DEFAULTS: readonly DocumentedDefault[] = [
  { path: 'deployment.vm.platform', value: 'generic-vm', unit: 'hypervisor profile',
    source: 'The parameters below as set (perVmOverheadMiB for every VM); vsphere, vsphere-4, kubevirt, openshift-virt and '
      + 'firecracker use their maker\'s published overhead by VM size (core/model/platforms, README "Platform profiles")' },
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
  { path: 'deployment.container.platform', value: 'generic-k8s', unit: 'Kubernetes profile',
    source: 'The reservation parameters below as set; gke, gke-onprem, eks, aks, aks-pre-1.29 and none replace them with the provider\'s '
      + 'published node reservations (core/model/platforms, README "Platform profiles")' },
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
    source: 'Default container runtime of containerd and CRI-O; runc, gvisor and kata use the podOverhead parameters below, '
      + 'kata-qemu, kata-clh, kata-fc and kata-confidential the upstream RuntimeClass overhead (kata-runtimeClasses.yaml)' },
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
  { path: 'deployment.vm.cpuVirtualisationOverhead', value: 0.03, unit: 'share of used CPU',
    source: 'Planning assumption informed by Felter et al., "An updated performance comparison of virtual machines and '
      + 'Linux containers" (IBM Research RC25482 / IEEE ISPASS 2015): CPU-bound work under KVM runs within a few per cent of native' },
  { path: 'deployment.vm.ioVirtualisationOverhead', value: 0.1, unit: 'share of used network bandwidth',
    source: 'Planning assumption informed by Felter et al. (ISPASS 2015): virtualised I/O paths (virtio/vhost) cost clearly more '
      + 'than CPU; modelled as extra host network bandwidth provisioned per VM' },
  { path: 'deployment.vm.provisionSeconds', value: 20, unit: 'seconds',
    source: 'Planning assumption: scheduling, network port and copy-on-write root disk from a cached image' },
  { path: 'deployment.vm.bootSeconds', value: 40, unit: 'seconds',
    source: 'Planning assumption: minimal Linux guest to a running service; public-cloud measurements (Mao & Humphrey, '
      + '"A performance study on the VM startup time in the cloud", IEEE CLOUD 2012) are tens of seconds' },
  { path: 'deployment.vm.shutdownSeconds', value: 60, unit: 'seconds',
    source: 'OpenStack Nova shutdown_timeout default 60 s (longest clean guest shutdown before power-off)' },
  { path: 'deployment.vm.liveMigration.bandwidthShare', value: 0.5, unit: 'share of host network',
    source: 'Beloglazov & Buyya, CCPE 2012: a live migration uses half of the host network bandwidth; time = VM memory / bandwidth' },
  { path: 'deployment.vm.liveMigration.degradation', value: 0.1, unit: 'share of CPU performance',
    source: 'Beloglazov & Buyya, CCPE 2012: about 10 % CPU performance degradation of the VM during its migration' },
  { path: 'deployment.container.imagePullSeconds', value: 10, unit: 'seconds',
    source: 'Planning assumption: pulling a few hundred MB of image layers on a node that does not cache them' },
  { path: 'deployment.container.startSeconds.runc', value: 2, unit: 'seconds',
    source: 'Planning assumption, image already pulled; Kubernetes pod startup SLO is 5 s at the 99th percentile '
      + '(sig-scalability SLOs, excluding image pull)' },
  { path: 'deployment.container.startSeconds.gvisor', value: 2.5, unit: 'seconds',
    source: 'Planning assumption: runc start plus the gVisor sandbox (Sentry) start-up' },
  { path: 'deployment.container.startSeconds.kata', value: 3.5, unit: 'seconds',
    source: 'Planning assumption: runc start plus booting the Kata lightweight VM and its guest kernel' },
  { path: 'deployment.container.stopSeconds', value: 30, unit: 'seconds',
    source: 'Kubernetes terminationGracePeriodSeconds default 30 s' },
  { path: 'deployment.containerInVm.nodeShape', value: undefined, unit: 'vCPU / GiB / GB per node VM',
    source: 'Not set: Hostfit searches candidate shapes and uses the one that needs fewest hosts (or least cost); '
      + 'set it (e.g. GKE e2-standard-8: 8 vCPU, 32 GB, 100 GB boot disk) to plan a given node size' },
  { path: 'deployment.containerInVm.nodeJoinSeconds', value: 30, unit: 'seconds',
    source: 'Planning assumption: kubelet start and node registration after the node VM has booted' },
  { path: 'deployment.containerInVm.shapeSearch.enabled', value: true, unit: 'on/off',
    source: 'Hostfit searches candidate node shapes by default and reports the best next to a configured one '
      + '(with no shape configured it always searches)' },
  { path: 'deployment.containerInVm.shapeSearch.objective', value: 'hosts', unit: 'hosts | cost',
    source: 'Fewest hosts (ties: lower monthly cost), the headline question of a sizing' },
  { path: 'deployment.containerInVm.shapeSearch.hostFractions', value: 8, unit: 'node VMs per host, up to',
    source: 'Planning assumption: candidates 1/1 … 1/8 of each host model (whole-host to eighth-host node VMs)' },
  { path: 'deployment.containerInVm.shapeSearch.includeFlavours', value: true, unit: 'on/off',
    source: 'Node VMs are VMs: the VM flavour catalogue is a natural set of candidate shapes' },
  { path: 'deployment.isolation.ranking', value: ISOLATION_DEFAULTS.ranking, unit: 'strongest first',
    source: 'Mainstream practice: NIST SP 800-190 (containers share the host kernel, a weaker boundary than a hypervisor) '
      + 'and NIST SP 800-125; the seed brief ranks containers as more secure — edit the ranking to use that view' },
  { path: 'deployment.isolation.runtimeBoundary.runc', value: 'shared-kernel', unit: 'boundary',
    source: 'runc containers are namespaces and cgroups on the shared host kernel' },
  { path: 'deployment.isolation.runtimeBoundary.gvisor', value: 'sandbox', unit: 'boundary',
    source: 'gVisor intercepts system calls in a user-space kernel (gvisor.dev, "Security model")' },
  { path: 'deployment.isolation.runtimeBoundary.kata', value: 'sandbox', unit: 'boundary',
    source: 'Kata runs each pod in a lightweight VM (katacontainers.io); ranked as a sandbox, set "vm" to count it as a VM' },
  { path: 'economics.amortisationMonths', value: 60, unit: 'months',
    source: 'Planning assumption: 5-year server life; large cloud operators state 5–6 years (e.g. Microsoft 10-K FY2022: 6 years)' },
  { path: 'economics.hoursPerMonth', value: 730, unit: 'hours', source: '8760 hours a year / 12' },
  { path: 'economics.load', value: 'packed', unit: "'packed' or 0–1",
    source: 'Static-plan assumption: a host runs at the CPU its items burn (workload requests fully used, plus guest OS, '
      + 'virtualisation, runtime and sidecar CPU; flavour rounding and reservations idle) over its physical CPU; '
      + 'a number sets one load for every used host' },
  { path: 'sites[].pue', value: SITE_DEFAULTS.pue, unit: 'ratio',
    source: 'Uptime Institute Global Data Center Survey 2023: average annual PUE 1.58' },
  { path: 'sites[].energyUSDPerKWh', value: SITE_DEFAULTS.energyUSDPerKWh, unit: 'USD per kWh',
    source: 'Planning assumption: commercial electricity tariff' },
  { path: 'policy.algorithm', value: POLICY_DEFAULTS.algorithm, unit: 'algorithm',
    source: 'The engine\'s best: the better start of minimum bin slack (Gupta & Ho 1999) and balanced fit (as many hosts as '
      + 'the volume bound, each filled so its two scarcest resources run out together) or, beyond a few thousand items, '
      + 'the best of FFD, balanced fit and Next-K Fit over a shuffled order, then Consistent Neighborhood Search (Buljubasic & Vasquez 2016) for a fixed '
      + 'number of iterations; "ffd" (Johnson et al., 1974) is the placement the workbench replays step by step' },
  { path: 'policy.sizeKey', value: 'l2', unit: 'size key',
    source: 'L2 norm of normalised demand; among the better FFD keys in Panigrahy et al. (2011)' },
  { path: 'policy.seed', value: 1, unit: 'integer', source: 'Fixed seed so every machine gives the same numbers' },
  { path: 'policy.improveIterations', value: 2000, unit: 'iterations',
    source: 'Planning assumption: a fixed budget keeps plans reproducible and interactive (tens of ms on the bundled examples)' },
  { path: 'policy.objective', value: 'hosts', unit: "'hosts' or 'cost'", source: 'Minimise the host count unless the planner asks for cost' },
  { path: 'policy.sizing.runs', value: 0, unit: 'runs',
    source: 'Off unless asked (each run re-packs the pool about log2(hosts) times); Verma et al., "Large-scale cluster management '
      + 'at Google with Borg" (EuroSys 2015), §5.1, repeat cell compaction 11 times' },
  { path: 'policy.sizing.percentile', value: 90, unit: 'percentile',
    source: 'Verma et al. (EuroSys 2015), §5.1: the 90th percentile of the compacted cell size' },
];
