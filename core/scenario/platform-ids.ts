// The platform profile ids the scenario format accepts (deployment.vm.platform, deployment.container.platform,
// deployment.container.runtimeClass). The profiles themselves (numbers, formulas, sources) are in
// core/model/platforms; the ids live here so that the schema stays below the deployment models.
export const HYPERVISOR_PLATFORMS = ['generic-vm', 'vsphere', 'vsphere-4', 'kubevirt', 'openshift-virt', 'firecracker'] as const;
export type HypervisorPlatformId = (typeof HYPERVISOR_PLATFORMS)[number];

export const KUBERNETES_PLATFORMS = ['generic-k8s', 'gke', 'eks', 'aks', 'aks-pre-1.29', 'none'] as const;
export type KubernetesPlatformId = (typeof KUBERNETES_PLATFORMS)[number];

/** runc, gvisor and kata use the scenario's podOverhead parameters; the kata-* classes their upstream RuntimeClass overhead. */
export const RUNTIME_PROFILES = ['runc', 'gvisor', 'kata', 'kata-qemu', 'kata-clh', 'kata-fc', 'kata-confidential'] as const;
export type RuntimeClassId = (typeof RUNTIME_PROFILES)[number];
