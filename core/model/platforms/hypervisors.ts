// Hypervisor profiles: the memory a hypervisor needs per VM beyond the VM's configured memory (its "overhead
// memory"), by the VM's size, as each platform's maker publishes it, plus what a profile adds to each host's
// reservation where that is published. Parameters a profile does not publish (CPU virtualisation overhead,
// overcommit, the host's own reservation, boot times) stay the scenario's deployment.vm parameters.
//
// Units: VMware's tables say "MB" for 2^20 bytes (configured memory 1024 MB = 1 GiB), so their figures are
// MiB here. The VM model rounds a VM's overhead up to whole MiB (a reservation must cover it).
import type { VmModelParams } from '../../scenario/schema';
import { CHECKED, type PlatformSource } from './source';
import { tableLookup, lookupKind, type OverheadColumn } from './interpolate';

import type { HypervisorPlatformId } from '../../scenario/platform-ids';

export { HYPERVISOR_PLATFORMS, type HypervisorPlatformId } from '../../scenario/platform-ids';

export interface VmOverhead {
  /** Overhead memory of one VM, MiB (unrounded). */
  readonly overheadMiB: number;
  /** How it was obtained, with the inputs. */
  readonly how: string;
}

export interface HypervisorProfile {
  readonly id: HypervisorPlatformId;
  readonly name: string;
  /** The rule, in words (formula, table and interpolation). */
  readonly rule: string;
  readonly sources: readonly PlatformSource[];
  /** Overhead memory of a VM with `vcpus` and `memoryGiB` configured. */
  vmOverhead(vcpus: number, memoryGiB: number, p: VmModelParams): VmOverhead;
  /** Added to every host's reservation (cores, MiB), where the platform publishes a per-host figure. */
  readonly hostReserved?: { readonly cpuCores: number; readonly memoryMiB: number; readonly why: string };
}

// vSphere 6.5 Resource Management, Table 6-1 "Sample Overhead Memory on Virtual Machines" (MB), by vCPUs.
export const VSPHERE_65_TABLE: readonly OverheadColumn[] = [
  { vcpus: 1, cells: [[256, 20.29], [1024, 25.90], [4096, 48.64], [16384, 139.62]] },
  { vcpus: 2, cells: [[256, 24.28], [1024, 29.91], [4096, 52.72], [16384, 143.98]] },
  { vcpus: 4, cells: [[256, 32.23], [1024, 37.86], [4096, 60.67], [16384, 151.93]] },
  { vcpus: 8, cells: [[256, 48.16], [1024, 53.82], [4096, 76.78], [16384, 168.60]] },
];

// vSphere 4.0 Resource Management Guide, Table 3-2 (MB). Only the cells the guide prints: the 4096 MB row
// stops at 4 vCPUs, and only the 1-vCPU column goes above 4096 MB.
export const VSPHERE_4_TABLE: readonly OverheadColumn[] = [
  { vcpus: 1, cells: [[256, 113.17], [1024, 123.73], [2048, 137.81], [4096, 165.98], [8192, 222.30], [16384, 334.96],
    [32768, 560.27], [65536, 1011.21], [131072, 1912.48], [262144, 3714.99]] },
  { vcpus: 2, cells: [[256, 159.43], [1024, 176.05], [2048, 198.20], [4096, 242.51]] },
  { vcpus: 3, cells: [[256, 200.53], [1024, 217.18], [2048, 239.37], [4096, 283.75]] },
  { vcpus: 4, cells: [[256, 241.62], [1024, 258.30], [2048, 280.53], [4096, 324.99]] },
  { vcpus: 5, cells: [[256, 293.15], [1024, 322.00], [2048, 360.46]] },
  { vcpus: 6, cells: [[256, 334.27], [1024, 363.17], [2048, 401.70]] },
  { vcpus: 7, cells: [[256, 375.38], [1024, 404.34], [2048, 442.94]] },
  { vcpus: 8, cells: [[256, 416.50], [1024, 445.52], [2048, 484.18]] },
];

const INTERPOLATION = 'linear in configured memory within a vCPU column and linear between vCPU columns (bilinear inside a '
  + 'cell of the grid); beyond the largest memory cell or vCPU column the last segment is continued; below the smallest '
  + 'cell the smallest cell\'s value is used';

function tableOverhead(table: readonly OverheadColumn[], label: string) {
  return (vcpus: number, memoryGiB: number): VmOverhead => {
    const mb = memoryGiB * 1024;
    const kind = lookupKind(table, vcpus, mb);
    return { overheadMiB: tableLookup(table, vcpus, mb), how: `${label}, ${vcpus} vCPU × ${mb} MB: ${kind === 'cell' ? 'published cell' : kind}` };
  };
}

export const KUBEVIRT = {
  /** virt-launcher-monitor 25 + virt-launcher 100 + virtlogd 25 + virtqemud 40 + qemu 30 Mi. */
  fixedMiB: 25 + 100 + 25 + 40 + 30,
  pageTableDivisor: 512,
  perVcpuMiB: 8,
  ioThreadMiB: 8,
  graphicsMiB: 32,
} as const;

export const OPENSHIFT_VIRT = {
  memoryShare: 0.002,
  fixedMiB: 218,
  perVcpuMiB: 8,
  graphicsMiB: 16,
  perNode: { cpuCores: 2, memoryMiB: 360 },
} as const;

/** Firecracker's VMM memory bound per microVM, constant with VM size. */
export const FIRECRACKER_VMM_MIB = 5;

export const HYPERVISOR_PROFILES: Readonly<Record<HypervisorPlatformId, HypervisorProfile>> = {
  'generic-vm': {
    id: 'generic-vm',
    name: 'Generic hypervisor (scenario parameters)',
    rule: 'deployment.vm.perVmOverheadMiB for every VM, whatever its size (the parameters as set in the scenario)',
    sources: [{ title: 'Hostfit planning defaults (core/model/defaults.ts)', url: 'core/model/defaults.ts', version: 'scenario format 2', checked: CHECKED }],
    vmOverhead: (_v, _m, p) => ({ overheadMiB: p.perVmOverheadMiB, how: `deployment.vm.perVmOverheadMiB = ${p.perVmOverheadMiB} MiB` }),
  },
  vsphere: {
    id: 'vsphere',
    name: 'VMware vSphere 6.5 and later',
    rule: `overhead memory from Table 6-1 (1, 2, 4, 8 vCPUs × 256, 1024, 4096, 16384 MB), ${INTERPOLATION}`,
    sources: [{
      title: 'vSphere Resource Management, "Overhead Memory on Virtual Machines", Table 6-1 Sample Overhead Memory on Virtual Machines',
      url: 'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.resmgmt.doc/GUID-B42C72C1-F8D5-40DC-93D1-FB31849B1114.html',
      version: 'vSphere 6.5 / 6.7 (same table in the 6.5.1 and 6.7 Resource Management PDFs); power-on values, VMX swap on, hardware MMU',
      checked: CHECKED,
    }],
    vmOverhead: tableOverhead(VSPHERE_65_TABLE, 'vSphere 6.5 Table 6-1'),
  },
  'vsphere-4': {
    id: 'vsphere-4',
    name: 'VMware vSphere 4.x (ESX/ESXi 4.0, 4.1)',
    rule: `overhead memory from Table 3-2 (1–8 vCPUs; 256 MB – 256 GB for 1 vCPU, up to 4096 MB for 2–4 vCPUs, up to 2048 MB for 5–8), ${INTERPOLATION}`,
    sources: [
      { title: 'vSphere Resource Management Guide, Table 3-2 Overhead Memory on Virtual Machines',
        url: 'https://www.manualsdir.com/manuals/220161/vmware-vsphere-vcenter-server-40-vsphere-esx-40-vsphere-esxi-40.html?page=30',
        version: 'ESX/ESXi 4.0 (before VMX swap)', checked: CHECKED },
      { title: 'Frank Denneman, "Impact of oversized virtual machines part 1" (same values for 4.1; 4 vCPU / 8 GB = 413.91 MB)',
        url: 'http://frankdenneman.nl/2010/12/16/impact-of-oversized-virtual-machines-part-1/', version: 'ESX 4.1, 2010-12-16', checked: CHECKED },
    ],
    vmOverhead: tableOverhead(VSPHERE_4_TABLE, 'vSphere 4.0 Table 3-2'),
  },
  kubevirt: {
    id: 'kubevirt',
    name: 'KVM under KubeVirt (virt-launcher pod)',
    rule: `${KUBEVIRT.fixedMiB} MiB fixed (virt-launcher-monitor 25, virt-launcher 100, virtlogd 25, virtqemud 40, qemu 30) `
      + `+ guest memory / ${KUBEVIRT.pageTableDivisor} (page tables) + ${KUBEVIRT.perVcpuMiB} MiB per vCPU + ${KUBEVIRT.ioThreadMiB} MiB (IOThread) `
      + `+ ${KUBEVIRT.graphicsMiB} MiB video RAM (graphics attached, the default); no VFIO devices, x86-64`,
    sources: [{ title: 'KubeVirt GetMemoryOverhead (virt-launcher pod memory overhead)',
      url: 'kubevirt/kubevirt pkg/virt-controller/services/renderresources.go, template.go', version: 'KubeVirt main, 2026', checked: CHECKED }],
    vmOverhead: (vcpus, memoryGiB) => {
      const mem = memoryGiB * 1024;
      const k = KUBEVIRT;
      return {
        overheadMiB: k.fixedMiB + mem / k.pageTableDivisor + k.perVcpuMiB * vcpus + k.ioThreadMiB + k.graphicsMiB,
        how: `${k.fixedMiB} + ${mem}/${k.pageTableDivisor} + ${k.perVcpuMiB}×${vcpus} + ${k.ioThreadMiB} + ${k.graphicsMiB} MiB`,
      };
    },
  },
  'openshift-virt': {
    id: 'openshift-virt',
    name: 'Red Hat OpenShift Virtualization',
    rule: `${OPENSHIFT_VIRT.memoryShare} × guest memory + ${OPENSHIFT_VIRT.fixedMiB} MiB + ${OPENSHIFT_VIRT.perVcpuMiB} MiB per vCPU `
      + `+ ${OPENSHIFT_VIRT.graphicsMiB} MiB per graphics device (one); per worker node ${OPENSHIFT_VIRT.perNode.cpuCores} cores and `
      + `${OPENSHIFT_VIRT.perNode.memoryMiB} MiB more host reservation`,
    sources: [{ title: 'OpenShift Virtualization, "Cluster resource requirements" (memory overhead equation after the 0.002 fix, PR openshift/openshift-docs#98819)',
      url: 'openshift/openshift-docs modules/virt-cluster-resource-requirements.adoc', version: 'OpenShift 4.x docs, 2026', checked: CHECKED }],
    vmOverhead: (vcpus, memoryGiB) => {
      const mem = memoryGiB * 1024;
      const o = OPENSHIFT_VIRT;
      return { overheadMiB: o.memoryShare * mem + o.fixedMiB + o.perVcpuMiB * vcpus + o.graphicsMiB,
        how: `${o.memoryShare}×${mem} + ${o.fixedMiB} + ${o.perVcpuMiB}×${vcpus} + ${o.graphicsMiB} MiB` };
    },
    hostReserved: { cpuCores: OPENSHIFT_VIRT.perNode.cpuCores, memoryMiB: OPENSHIFT_VIRT.perNode.memoryMiB,
      why: 'OpenShift Virtualization components per worker node (≈ 360 MiB and 2 cores)' },
  },
  firecracker: {
    id: 'firecracker',
    name: 'Firecracker microVMs',
    rule: `${FIRECRACKER_VMM_MIB} MiB VMM memory per microVM, constant with its size (the specification's bound, measured at 1 vCPU / 128 MiB)`,
    sources: [{ title: 'Firecracker SPECIFICATION.md (CI-enforced: VMM memory overhead ≤ 5 MiB for 1 vCPU / 128 MiB)',
      url: 'firecracker-microvm/firecracker SPECIFICATION.md', version: 'Firecracker main, 2026', checked: CHECKED }],
    vmOverhead: () => ({ overheadMiB: FIRECRACKER_VMM_MIB, how: `${FIRECRACKER_VMM_MIB} MiB per microVM` }),
  },
};

export function hypervisorProfile(id: HypervisorPlatformId): HypervisorProfile {
  return HYPERVISOR_PROFILES[id];
}

/** Overhead memory (whole MiB, rounded up; generic-vm: the parameter rounded as before) of one VM under the scenario's platform. */
export function vmOverheadMiB(p: VmModelParams, vcpus: number, memoryGiB: number): number {
  const o = HYPERVISOR_PROFILES[p.platform].vmOverhead(vcpus, memoryGiB, p).overheadMiB;
  return p.platform === 'generic-vm' ? Math.round(o) : Math.ceil(o - 1e-9);
}
