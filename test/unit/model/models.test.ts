// Hand-worked expansions: expected values are computed here by arithmetic, not by the code under test.
import { describe, expect, it } from 'vitest';
import { containerAllocatable, expandContainer, nodeReservation } from '../../../core/model/container';
import { expandVm } from '../../../core/model/vm';
import { minimalInput, parsed } from '../../support/scenarios';

describe('VM model', () => {
  it('rounds a replica plus guest OS up to the smallest fitting flavour and adds per-VM overhead', () => {
    const input = minimalInput();
    input.services[0].demand = { cpuCores: 1, memoryGiB: 2, diskGB: 5 };
    // 1 + 0.1 vCPU, 2 + 0.5 GiB, 5 + 10 GB → m1.medium (2 vCPU, 4 GiB, 40 GB) is the first that holds it
    const e = expandVm(parsed(input));
    expect(e.items[0].flavour).toBe('m1.medium');
    // CPU: 2 vCPU + 3 % CPU virtualisation overhead of the 1.1 cores it uses = 2000 + 33 m
    expect(e.items[0].demand).toEqual([2000 + 33, 4 * 1024 + 64, 40_000, 0]);
    expect(e.items[0].workload).toEqual([1000, 2048, 5000, 0]);
    expect(e.items[0].parts).toEqual({
      workload: [1000, 2048, 5000, 0],
      guestOs: [100, 512, 10_000, 0],
      flavourRounding: [2000 - 1100, 4096 - 2560, 40_000 - 15_000, 0],
      hypervisor: [33, 64, 0, 0],
    });
  });

  it('adds I/O virtualisation overhead to the bandwidth a VM uses', () => {
    const input = minimalInput();
    input.services[0].demand = { cpuCores: 1, memoryGiB: 2, networkMbps: 400 };
    input.deployment = { vm: { ioVirtualisationOverhead: 0.25, cpuVirtualisationOverhead: 0 } };
    const item = expandVm(parsed(input)).items[0];
    expect(item.demand[3]).toBe(400 + 100);
    expect(item.demand[0]).toBe(2000); // 1.1 cores → m1.medium, no CPU overhead
  });

  it('subtracts the hypervisor reservation and applies overcommit to host capacity', () => {
    const input = minimalInput();
    input.deployment = { vm: { cpuOvercommit: 4, memoryOvercommit: 1.5, hypervisorReserved: { cpuCores: 2, memoryGiB: 4 } } };
    const host = expandVm(parsed(input)).hosts[0];
    // 8 cores × 2 threads = 16 logical CPUs; (16 − 2) × 4 = 56 vCPUs. (64 − 4) GiB × 1.5 = 90 GiB.
    expect(host.allocatable).toEqual([56_000, 90 * 1024, 1_000_000, 10_000]);
    expect(host.physical).toEqual([16_000, 64 * 1024, 1_000_000, 10_000]);
    expect(host.count).toBe(4);
  });

  it('rejects replicas no flavour can hold in a scenario built without parsing, with the reason', () => {
    const scenario = parsed(minimalInput());
    const tiny = { ...scenario, deployment: { ...scenario.deployment, vm: { ...scenario.deployment.vm, flavours: [scenario.deployment.vm.flavours[0]] } } };
    const e = expandVm(tiny); // m1.tiny (1 vCPU, 0.5 GiB) cannot hold 1 core + 2 GiB plus the guest OS
    expect(e.items).toHaveLength(0);
    expect(e.rejected).toEqual([expect.objectContaining({ serviceId: 'svc', count: 3, reason: 'no-flavour' })]);
  });
});

describe('container model', () => {
  it('reserves per the GKE tiers on a 16-CPU, 64 GiB node', () => {
    const r = nodeReservation([16_000, 65_536, 0, 0], parsed(minimalInput()).deployment.container);
    // CPU: 6 % of 1000 + 1 % of 1000 + 0.5 % of 2000 + 0.25 % of 12000 = 60 + 10 + 10 + 30 = 110 m
    expect(r.cpu).toBe(110);
    // Memory: 25 % of 4096 + 20 % of 4096 + 10 % of 8192 + 6 % of 49152 = 1024 + 819.2 + 819.2 + 2949.12 → 5612 MiB
    expect(r.memory).toBe(Math.ceil(1024 + 819.2 + 819.2 + 2949.12));
  });

  it('allocatable = capacity − reservation − eviction threshold; pods carry runtime and sidecar overhead', () => {
    const input = minimalInput();
    input.deployment = { container: { runtimeClass: 'kata', sidecar: { enabled: true }, maxPodsPerNode: 30 } };
    const scenario = parsed(input);
    const e = expandContainer(scenario);
    expect(e.hosts[0].allocatable).toEqual([16_000 - 110, 65_536 - 5612 - 100, 1_000_000, 10_000]);
    expect(e.hosts[0].allocatable).toEqual(containerAllocatable(e.hosts[0].physical, scenario.deployment.container));
    expect(e.hosts[0].maxItems).toBe(30);
    // 1 core + Kata 250 m + Istio 100 m; 2 GiB + 120 MiB + 128 MiB
    expect(e.items[0].demand).toEqual([1350, 2048 + 120 + 128, 0, 0]);
  });
});
