// Overhead breakdown worked by hand: every category, and the sum back to physical capacity.
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_CATEGORIES, overheadBreakdown } from '../../../core/metrics/breakdown';
import { buildLevel } from './build-level';

describe('overhead breakdown', () => {
  // One host: 16 cores / 64 GiB physical, hypervisor keeps 2 cores and 4 GiB, vCPU overcommit 2:1 →
  // allocatable (16 − 2) × 2 = 28 cores, memory 60 GiB.
  const physical: [number, number, number, number] = [16_000, 65_536, 200_000, 10_000];
  const hostSpec = { physical, allocatable: [28_000, 61_440, 200_000, 10_000] as [number, number, number, number],
    reserved: [2000, 4096, 0, 0] as [number, number, number, number], overcommit: [14_000, 0, 0, 0] as [number, number, number, number] };
  // A VM: 1 core / 2 GiB workload, guest OS 0.1 / 0.5 GiB, flavour 2 vCPU / 4 GiB, hypervisor 33 m + 64 MiB.
  const vm = {
    demand: [2033, 4160, 40_000, 100] as [number, number, number, number],
    parts: {
      workload: [1000, 2048, 5000, 100] as [number, number, number, number],
      guestOs: [100, 512, 10_000, 0] as [number, number, number, number],
      flavourRounding: [900, 1536, 25_000, 0] as [number, number, number, number],
      hypervisor: [33, 64, 0, 0] as [number, number, number, number],
    },
  };
  const level = buildLevel([hostSpec, { allocatable: physical }], [vm, vm, vm], [0, 0, 0]);

  it('splits the used hosts\' physical capacity into the model\'s categories', () => {
    const b = overheadBreakdown(level);
    expect(b.capacity).toEqual(physical); // the second host is unused and not counted
    expect(b.categories.workload).toEqual([3000, 6144, 15_000, 300]);
    expect(b.categories.guestOs).toEqual([300, 1536, 30_000, 0]);
    expect(b.categories.flavourRounding).toEqual([2700, 4608, 75_000, 0]);
    expect(b.categories.hypervisor).toEqual([99, 192, 0, 0]);
    expect(b.categories.reservations).toEqual([2000, 4096, 0, 0]);
    expect(b.categories.overcommit).toEqual([-14_000, 0, 0, 0]);
    // free = allocatable − 3 VMs
    expect(b.categories.free).toEqual([28_000 - 3 * 2033, 61_440 - 3 * 4160, 200_000 - 3 * 40_000, 10_000 - 300]);
  });

  it('sums to physical capacity exactly in every dimension', () => {
    const b = overheadBreakdown(level);
    for (let d = 0; d < 4; d++) {
      expect(BREAKDOWN_CATEGORIES.reduce((s, c) => s + b.categories[c][d], 0)).toBe(b.capacity[d]);
    }
  });

  it('counts an item without parts as workload', () => {
    const plain = buildLevel([{ allocatable: [4000, 4096, 0, 0] }], [{ demand: [1000, 1024, 0, 0] }], [0]);
    const b = overheadBreakdown(plain);
    expect(b.categories.workload).toEqual([1000, 1024, 0, 0]);
    expect(b.categories.free).toEqual([3000, 3072, 0, 0]);
  });
});
