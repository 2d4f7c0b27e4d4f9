// Container-in-VM model pieces worked by hand: node VM demand and its parts, candidate shapes.
import { describe, expect, it } from 'vitest';
import { candidateShapes, hostFractionShapes, nodePool, nodeVmItem } from '../../../core/model/container-in-vm';
import { minimalInput, parsed } from '../../support/scenarios';

describe('container-in-VM model', () => {
  const s = parsed({ ...minimalInput(), deployment: {
    vm: { perVmOverheadMiB: 100, cpuVirtualisationOverhead: 0.05, ioVirtualisationOverhead: 0.5, hypervisorReserved: { cpuCores: 2, memoryGiB: 4 } },
    container: { reservationFormula: 'none', systemReserved: { cpuCores: 0.2, memoryGiB: 0.5 }, evictionHardMiB: 100 },
    containerInVm: { nodeShape: { vcpus: 4, memoryGiB: 16, diskGB: 50 } },
  } });

  it('a node VM demands its shape plus per-VM and virtualisation overhead on what runs in it; the parts add up', () => {
    const pool = nodePool(s, s.deployment.containerInVm.nodeShape!, 1);
    expect(pool.allocatable.slice(0, 3)).toEqual([4000 - 200, 16384 - 512 - 100, 50_000]);
    // the 10 Gbps host link less the 50 % I/O overhead the node's traffic adds: ⌊10000 / 1.5⌋ Mbps
    expect(pool.allocatable[3]).toBe(Math.floor(10_000 / 1.5));
    const contents = { pods: 2, demand: [2000, 6000, 10_000, 300] as [number, number, number, number],
      parts: { workload: [1800, 5800, 10_000, 300] as [number, number, number, number], runtime: [200, 200, 0, 0] as [number, number, number, number], sidecars: [0, 0, 0, 0] as [number, number, number, number] } };
    const { demand, parts } = nodeVmItem(pool, contents, s.deployment.vm);
    // CPU: 4000 + 5 % of (2000 pods + 200 reserved); memory: 16384 + 100; disk: the shape; network: 300 + 50 %
    expect(demand).toEqual([4000 + 110, 16384 + 100, 50_000, 450]);
    expect(parts.nodeFree).toEqual([3800 - 2000, 15772 - 6000, 50_000 - 10_000, 0]);
    expect(parts.reservations).toEqual([200, 612, 0, 0]);
    for (let d = 0; d < 4; d++) {
      expect(Object.values(parts).reduce((sum, v) => sum + v![d], 0)).toBe(demand[d]);
    }
  });

  it('host fractions fit k node VMs on one host after the hypervisor reservation and overheads', () => {
    // 16 logical CPUs − 2 = 14 cores; 64 − 4 = 60 GiB; 1000 GB disk
    const shapes = hostFractionShapes(s.hostModels[0], 2, s.deployment.vm);
    expect(shapes).toEqual([
      { shape: { vcpus: Math.floor(14000 / (1000 * 1.05)), memoryGiB: Math.floor((61440 - 100) / 256) / 4, diskGB: 1000 }, label: '1/1 of h' },
      { shape: { vcpus: Math.floor(14000 / (2 * 1000 * 1.05)), memoryGiB: Math.floor((30720 - 100) / 256) / 4, diskGB: 500 }, label: '1/2 of h' },
    ]);
  });

  it('candidates: the configured shape first, then fractions and flavours, without duplicates; searched when none is set', () => {
    const labels = candidateShapes(s).map((c) => c.label);
    expect(labels[0]).toBe('configured');
    expect(labels).toContain('1/8 of h');
    expect(labels).toContain('flavour m1.large');
    expect(new Set(candidateShapes(s).map((c) => JSON.stringify(c.shape))).size).toBe(labels.length);
    const off = parsed({ ...minimalInput(), deployment: { containerInVm: { nodeShape: { vcpus: 4, memoryGiB: 16 }, shapeSearch: { enabled: false } } } });
    expect(candidateShapes(off).map((c) => c.label)).toEqual(['configured']);
    const unset = parsed({ ...minimalInput(), deployment: { containerInVm: { shapeSearch: { enabled: false } } } });
    expect(candidateShapes(unset).length).toBeGreaterThan(1);
  });
});
