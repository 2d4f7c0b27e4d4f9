// Every checkable claim of the published-overheads reference (/work/shared/reference/overheads.md, "Checkable
// claims", and the tables it quotes) that concerns a parameter Hostfit models, as a test. The expected numbers
// are the published figures, typed in here by hand; where a published figure cannot be reproduced, the test
// says why and pins what the profile gives instead. Changing a formula, a constant or a table cell fails one of
// these.
import { describe, expect, it } from 'vitest';
import { nodeCapacity, runtimeOverheadVector } from '../../../core/model/container';
import { CONTAINER_DEFAULTS } from '../../../core/model/defaults';
import {
  EC2_INSTANCES, eniMaxPods, HYPERVISOR_PROFILES, instanceType, KUBERNETES_PROFILES, RUNTIME_PROFILE_TABLE, tableLookup,
  VSPHERE_4_TABLE, VSPHERE_65_TABLE, type HypervisorPlatformId, type KubernetesPlatformId,
} from '../../../core/model/platforms';
import { expandVm } from '../../../core/model/vm';
import { parseScenarioValue } from '../../../core/scenario/parse';
import type { ContainerModelParams, VmModelParams } from '../../../core/scenario/schema';
import { minimalInput, parsed } from '../../support/scenarios';

const base = parsed(minimalInput());
const vmParams = (platform: HypervisorPlatformId): VmModelParams => ({ ...base.deployment.vm, platform });
const k8sParams = (platform: KubernetesPlatformId, extra: Partial<ContainerModelParams> = {}): ContainerModelParams =>
  ({ ...base.deployment.container, platform, ...extra });
const overhead = (id: HypervisorPlatformId, vcpus: number, memoryGiB: number) =>
  HYPERVISOR_PROFILES[id].vmOverhead(vcpus, memoryGiB, vmParams(id)).overheadMiB;
const reserve = (id: KubernetesPlatformId, cores: number, memoryMiB: number, maxPods = 110) =>
  KUBERNETES_PROFILES[id].reserve(cores * 1000, memoryMiB, maxPods, k8sParams(id));
const GiB = 1024;

describe('vSphere 6.5 / 6.7 Table 6-1 (claims 9, 10)', () => {
  // Published cells: [configured MB, 1 vCPU, 2 vCPU, 4 vCPU, 8 vCPU] in MB.
  const published = [
    [256, 20.29, 24.28, 32.23, 48.16],
    [1024, 25.90, 29.91, 37.86, 53.82],
    [4096, 48.64, 52.72, 60.67, 76.78],
    [16384, 139.62, 143.98, 151.93, 168.60],
  ];

  it('reproduces every published cell', () => {
    for (const [mb, ...byVcpus] of published) {
      [1, 2, 4, 8].forEach((v, k) => expect(overhead('vsphere', v, mb / 1024)).toBeCloseTo(byVcpus[k], 10));
    }
  });

  it('claim 9: 4 vCPU / 16 GiB → 151.93 MB; claim 10: 1 vCPU / 1 GiB → 25.90 MB', () => {
    expect(overhead('vsphere', 4, 16)).toBe(151.93);
    expect(overhead('vsphere', 1, 1)).toBe(25.90);
  });

  it('the reference\'s computed summary: +3.97–4.36 MB per extra vCPU in every row, share of RAM per size', () => {
    for (const [mb, v1, v2, v4, v8] of published) {
      for (const step of [v2 - v1, (v4 - v2) / 2, (v8 - v4) / 4]) {
        expect(step).toBeGreaterThanOrEqual(3.97 - 1e-9);
        expect(step).toBeLessThanOrEqual(4.36 + 1e-9);
      }
      const shares = [v1, v2, v4, v8].map((o) => (100 * o) / mb);
      const [lo, hi] = { 256: [7.9, 18.8], 1024: [2.5, 5.3], 4096: [1.2, 1.9], 16384: [0.85, 1.03] }[mb]!;
      expect(Math.min(...shares)).toBeCloseTo(lo, 1);
      expect(Math.max(...shares)).toBeCloseTo(hi, 1);
    }
    expect((100 * overhead('vsphere', 4, 16)) / 16384).toBeCloseTo(0.93, 2);
  });

  it('least squares over the 1-vCPU column gives about 18.3 MB + 7.6 MB per GiB', () => {
    const pts = VSPHERE_65_TABLE[0].cells.map(([mb, o]) => [mb / 1024, o]);
    const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length, my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    const slope = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    expect(slope).toBeCloseTo(7.6, 1);
    expect(my - slope * mx).toBeCloseTo(18.3, 1);
  });

  it('interpolates bilinearly inside a cell, continues the last segment beyond the table, clamps below it', () => {
    // 3 vCPU / 2 GiB: one third of the way from 1024 to 4096 MB in the 2- and 4-vCPU columns, then halfway between them.
    const two = 29.91 + (52.72 - 29.91) / 3, four = 37.86 + (60.67 - 37.86) / 3;
    expect(overhead('vsphere', 3, 2)).toBeCloseTo((two + four) / 2, 10);
    // 1 vCPU / 32 GiB: the 4096 → 16384 MB slope continued.
    expect(overhead('vsphere', 1, 32)).toBeCloseTo(139.62 + ((139.62 - 48.64) * 16384) / 12288, 10);
    // 16 vCPU / 16 GiB: the 4 → 8 vCPU difference continued.
    expect(overhead('vsphere', 16, 16)).toBeCloseTo(168.60 + (168.60 - 151.93) * 2, 10);
    expect(overhead('vsphere', 1, 0.125)).toBe(20.29);
  });

  it('the VM model charges each VM its table overhead by flavour, rounded up to whole MiB', () => {
    const input = minimalInput();
    input.deployment = { vm: { platform: 'vsphere' } };
    // 1 core + 2 GiB + guest OS 0.1 / 0.5 → m1.medium (2 vCPU, 4 GiB): 52.72 MB → 53 MiB.
    const item = expandVm(parsed(input)).items[0];
    expect(item.flavour).toBe('m1.medium');
    expect(item.parts?.hypervisor?.[1]).toBe(53);
    expect(item.demand[1]).toBe(4096 + 53);
  });
});

describe('vSphere 4.x Table 3-2 (claim 11)', () => {
  it('Denneman: 4 vCPU / 8 GB → 413.91 MB, from the 4-vCPU column\'s 2048 → 4096 MB slope continued', () => {
    expect(overhead('vsphere-4', 4, 8)).toBeCloseTo(413.91, 10);
  });

  it('1 vCPU / 16 GB → 334.96 MB and the rest of the 1-vCPU column', () => {
    const column: [number, number][] = [[0.25, 113.17], [1, 123.73], [2, 137.81], [4, 165.98], [8, 222.30], [16, 334.96],
      [32, 560.27], [64, 1011.21], [128, 1912.48], [256, 3714.99]];
    for (const [gib, mb] of column) expect(overhead('vsphere-4', 1, gib)).toBeCloseTo(mb, 10);
    expect(tableLookup(VSPHERE_4_TABLE, 8, 2048)).toBe(484.18);
  });

  it('"about 10× larger" is not reproduced: on the cells both tables publish, 4.x is 2.4× to 8.7× the 6.5 figure', () => {
    // The claim rounds: the ratio falls with memory (2.40× at 1 vCPU / 16 GiB) and grows with vCPUs (8.65× at 8 vCPU / 256 MB).
    const ratios: number[] = [];
    for (const v of [1, 2, 4, 8]) {
      for (const gib of [0.25, 1, 4, 16]) {
        const col = VSPHERE_4_TABLE.find((c) => c.vcpus === v)!;
        if (!col.cells.some(([mb]) => mb === gib * 1024)) continue;
        ratios.push(overhead('vsphere-4', v, gib) / overhead('vsphere', v, gib));
      }
    }
    expect(ratios.length).toBe(12);
    expect(Math.min(...ratios)).toBeCloseTo(334.96 / 139.62, 10);
    expect(Math.max(...ratios)).toBeCloseTo(416.50 / 48.16, 10);
  });
});

describe('KVM under KubeVirt / OpenShift Virtualization (claim 12), Firecracker (claim 23)', () => {
  it('KubeVirt 16 GiB / 4 vCPU → 324 Mi; 2 GiB / 2 vCPU → 280 Mi', () => {
    expect(overhead('kubevirt', 4, 16)).toBe(324);
    expect(overhead('kubevirt', 2, 2)).toBe(280);
  });

  it('the Harvester cgroup (secondary, 252 MiB for a 2 GiB VM) is 28 MiB under the formula: about its 32 MiB of video RAM', () => {
    const measured = (2_412_421_120 - 2 * GiB * GiB * GiB) / (GiB * GiB);
    expect(measured).toBeCloseTo(252.66, 2);
    expect(overhead('kubevirt', 2, 2) - 32).toBeLessThanOrEqual(measured);
    expect(overhead('kubevirt', 2, 2) - measured).toBeLessThan(32);
  });

  it('OpenShift Virtualization: 0.002 × memory + 218 + 8 per vCPU + 16 per graphics device; 2 cores and 360 MiB per node', () => {
    expect(overhead('openshift-virt', 4, 16)).toBeCloseTo(0.002 * 16384 + 218 + 32 + 16, 10);
    expect(HYPERVISOR_PROFILES['openshift-virt'].hostReserved).toMatchObject({ cpuCores: 2, memoryMiB: 360 });
  });

  it('Firecracker: ≤ 5 MiB of VMM memory per microVM, constant with its size', () => {
    expect(overhead('firecracker', 1, 0.125)).toBe(5);
    expect(overhead('firecracker', 8, 64)).toBe(5);
  });
});

describe('GKE node reservations (claims 13, 14)', () => {
  // The reference's node-size table: [vCPU, GiB, CPU reserved m, memory reserved GiB, allocatable GiB].
  const rows = [
    [2, 8, 70, 1.80, 6.10], [4, 16, 80, 2.60, 13.30], [8, 32, 90, 3.56, 28.34],
    [16, 64, 110, 5.48, 58.42], [32, 128, 150, 9.32, 118.58], [64, 256, 230, 11.88, 244.02],
  ];

  it.each(rows)('%i vCPU / %i GiB → %i m, %f GiB reserved, %f GiB allocatable', (v, gib, cpu, mem, alloc) => {
    const r = reserve('gke', v, gib * GiB);
    expect(r.cpuMillicores).toBeCloseTo(cpu, 10);
    expect(r.memoryMiB / GiB).toBeCloseTo(mem, 2);
    expect(r.evictionMiB).toBe(100);
    expect((gib * GiB - r.memoryMiB - r.evictionMiB) / GiB).toBeCloseTo(alloc, 2);
    // The model's node (reservations rounded up to whole MiB and millicores) offers the same to two decimals.
    const node = nodeCapacity([v * 1000, gib * GiB, 0, 0], k8sParams('gke'));
    expect(node.reserved[0]).toBe(cpu);
    expect(node.allocatable[1] / GiB).toBeCloseTo(alloc, 2);
  });

  it('150 GiB node → 9.8577 GiB reserved with eviction, 140.1423 GiB allocatable (the 2 % tier)', () => {
    const r = reserve('gke', 32, 150 * GiB);
    expect((r.memoryMiB + r.evictionMiB) / GiB).toBeCloseTo(9.8577, 4);
    expect((150 * GiB - r.memoryMiB - r.evictionMiB) / GiB).toBeCloseTo(140.1423, 4);
  });

  it('a machine under 1 GiB reserves 255 MiB', () => {
    expect(reserve('gke', 1, 600).memoryMiB).toBe(255);
  });
});

describe('EKS node reservations (claim 15)', () => {
  it('max pods = ENIs × (IPv4 per ENI − 1) + 2 gives eni-max-pods.txt\'s figures', () => {
    expect(Object.fromEntries(EC2_INSTANCES.map((t) => [t.id, eniMaxPods(t)]))).toEqual({
      'm5.large': 29, 'm5.xlarge': 58, 'm5.2xlarge': 58, 'm5.4xlarge': 234, 'm5.16xlarge': 737,
    });
  });

  it('m5.xlarge: 11 × 58 + 255 = 893 Mi, 80 m CPU, eviction 100 Mi', () => {
    const t = instanceType('m5.xlarge')!;
    const r = reserve('eks', t.vcpus, t.memoryGiB * GiB, eniMaxPods(t));
    expect(r).toMatchObject({ cpuMillicores: 80, memoryMiB: 893, evictionMiB: 100 });
  });

  it('m5.large 29 pods → 574 Mi; 110 pods → 1465 Mi; 234 pods → 2829 Mi', () => {
    expect(reserve('eks', 2, 8 * GiB, 29).memoryMiB).toBe(574);
    expect(reserve('eks', 2, 8 * GiB, 110).memoryMiB).toBe(1465);
    expect(reserve('eks', 16, 64 * GiB, 234).memoryMiB).toBe(2829);
  });

  it('the container model reserves by the node\'s pod limit', () => {
    const node = nodeCapacity([16_000, 64 * GiB, 0, 0], k8sParams('eks', { maxPodsPerNode: 58 }));
    expect(node.reserved).toEqual([110, 893 + 100, 0, 0]);
    expect(node.allocatable).toEqual([16_000 - 110, 64 * GiB - 993, 0, 0]);
  });
});

describe('AKS node reservations (claims 16, 17)', () => {
  it('kube-reserved CPU: the published table for 1–64 cores', () => {
    const table = { 1: 60, 2: 100, 4: 140, 8: 180, 16: 260, 32: 420, 64: 740 };
    for (const [cores, m] of Object.entries(table)) {
      expect(reserve('aks', Number(cores), 8 * GiB).cpuMillicores).toBeCloseTo(m, 10);
      expect(reserve('aks-pre-1.29', Number(cores), 8 * GiB).cpuMillicores).toBeCloseTo(m, 10);
    }
  });

  it('claim 17: 8 cores reserve 180 m on AKS where GKE\'s tiers give 90 m', () => {
    expect(reserve('aks', 8, 32 * GiB).cpuMillicores).toBeCloseTo(180, 10);
    expect(reserve('gke', 8, 32 * GiB).cpuMillicores).toBeCloseTo(90, 10);
  });

  it('claim 16: 8 GB with 30 pods → 650 MB + 100 eviction → 7.25 GB (90.625 %), in the document\'s decimal units', () => {
    // AKS computes in its document's units: 8 GB = 8000 MB, 20 MB × 30 + 50 MB = 650 MB, eviction 100.
    const r = reserve('aks', 2, 8000, 30);
    expect(r.memoryMiB).toBe(650);
    expect(r.evictionMiB).toBe(100);
    expect((8000 - r.memoryMiB - r.evictionMiB) / 8000).toBe(0.90625);
    // Hostfit's nodes are binary (8 GiB = 8192 MiB, kubelet's Mi), so the model's node offers 7442 MiB = 90.84 %: the
    // published 7.25 GB mixes decimal GB with a 100 Mi threshold and cannot be reproduced in binary units.
    const node = nodeCapacity([2000, 8 * GiB, 0, 0], k8sParams('aks', { maxPodsPerNode: 30 }));
    expect(node.allocatable[1]).toBe(8192 - 650 - 100);
  });

  it('4 GB with 70 pods → 1000 MB: the 25 % cap (1024 MiB on a 4 GiB node)', () => {
    expect(reserve('aks', 2, 4000, 70).memoryMiB).toBe(1000);
    expect(reserve('aks', 2, 4 * GiB, 70).memoryMiB).toBe(1024);
  });

  it('before 1.29: GKE-like memory tiers and a 750 Mi eviction threshold', () => {
    const r = reserve('aks-pre-1.29', 4, 16 * GiB);
    expect(r.memoryMiB).toBeCloseTo(0.25 * 4096 + 0.2 * 4096 + 0.1 * 8192, 10);
    expect(r.evictionMiB).toBe(750);
  });

  it('"none" reserves nothing; "generic-k8s" keeps the scenario\'s parameters (today\'s GKE formula by default)', () => {
    expect(reserve('none', 4, 16 * GiB)).toMatchObject({ cpuMillicores: 0, memoryMiB: 0, evictionMiB: 0 });
    const generic = nodeCapacity([4000, 16 * GiB, 0, 0], k8sParams('generic-k8s'));
    expect(generic.reserved).toEqual([80, 2663 + 100, 0, 0]);
  });
});

describe('Pod Overhead by runtime class (claims 18, 19, 20, 24, 29)', () => {
  const pod = (runtimeClass: ContainerModelParams['runtimeClass']) => runtimeOverheadVector(k8sParams('generic-k8s', { runtimeClass }));

  it('claim 18: kata-qemu 250 m / 160 Mi, kata-clh and kata-fc 250 m / 130 Mi, confidential 1 CPU / 2048 Mi', () => {
    expect(pod('kata-qemu')).toEqual([250, 160, 0, 0]);
    expect(pod('kata-clh')).toEqual([250, 130, 0, 0]);
    expect(pod('kata-fc')).toEqual([250, 130, 0, 0]);
    expect(pod('kata-confidential')).toEqual([1000, 2048, 0, 0]);
    // runc, gvisor and kata keep the scenario's parameters (kata: the Kubernetes docs' example, 250m / 120Mi).
    expect(pod('runc')).toEqual([0, 0, 0, 0]);
    expect(pod('kata')).toEqual([250, 120, 0, 0]);
  });

  it('claim 19: each Kata RuntimeClass overhead is within about ±20 % of the measured footprint (−4 % to +21 %)', () => {
    // The reference summarises "over-reserve by about 0–17 %"; the cited figures give QEMU +21 % (168 MB vs Kata 3's
    // 139 MB) and Firecracker −4 % (136 MB vs 141 MB), so the bound is ±21 % and Firecracker slightly under-reserves.
    const ratio = (id: 'kata-qemu' | 'kata-clh' | 'kata-fc') => (RUNTIME_PROFILE_TABLE[id].podFixed!.memoryMiB * 1.048576) / RUNTIME_PROFILE_TABLE[id].measured.memoryMB!;
    expect(ratio('kata-qemu')).toBeCloseTo(1.207, 3);
    expect(ratio('kata-clh')).toBeCloseTo(1.189, 3);
    expect(ratio('kata-fc')).toBeCloseTo(0.970, 3);
    for (const id of ['kata-qemu', 'kata-clh', 'kata-fc'] as const) expect(Math.abs(ratio(id) - 1)).toBeLessThanOrEqual(0.21);
  });

  it('claim 20: the gVisor default (64 MiB) covers the measured per-sandbox cost (19.6–60.4 MB; systrap 22.5 MB)', () => {
    const mb = CONTAINER_DEFAULTS.podOverhead.gvisor.memoryMiB * 1.048576;
    expect(mb).toBeGreaterThanOrEqual(60.4);
    expect(mb).toBeLessThan(60.4 * 1.2);
    expect(RUNTIME_PROFILE_TABLE.gvisor.podFixed).toBeNull(); // no upstream RuntimeClass default (a gap)
  });

  it('claims 24 and 29: measured start ladder runc < gVisor < Kata, and the model\'s start times keep that order within the 5 s SLO', () => {
    const m = (id: keyof typeof RUNTIME_PROFILE_TABLE) => RUNTIME_PROFILE_TABLE[id].measured.startSeconds!;
    expect(m('runc')).toBe(0.188);
    expect(m('gvisor')).toBe(0.567);
    for (const k of ['kata-qemu', 'kata-clh', 'kata-fc'] as const) {
      expect(m(k)).toBeGreaterThan(m('gvisor'));
      expect(m(k)).toBeGreaterThanOrEqual(0.75);
      expect(m(k)).toBeLessThanOrEqual(1.26);
    }
    const s = CONTAINER_DEFAULTS.startSeconds;
    expect(s.runc).toBeLessThan(s.gvisor);
    expect(s.gvisor).toBeLessThan(s.kata);
    expect(s.runc).toBeLessThanOrEqual(5);
  });
});

describe('scenario fields', () => {
  it('default to the parameters (generic-vm, generic-k8s, runc): the numbers of before', () => {
    expect(base.deployment.vm.platform).toBe('generic-vm');
    expect(base.deployment.container.platform).toBe('generic-k8s');
    expect(expandVm(base).items[0].parts?.hypervisor?.[1]).toBe(64);
  });

  it('an unknown platform is an error at its JSON path', () => {
    const input = minimalInput();
    input.deployment = { vm: { platform: 'hyperv' as never }, container: { platform: 'gks' as never, runtimeClass: 'kata-xen' as never } };
    const r = parseScenarioValue(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.where).sort()).toEqual([
      '$.deployment.container.platform', '$.deployment.container.runtimeClass', '$.deployment.vm.platform',
    ]);
  });
});
