// Hand-worked answers of every placement rule and of the improvement phase, on the WASM kernel and the reference.
import { describe, expect, it } from 'vitest';
import type { PackOptions } from '../../../core/kernel/packer';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { packWith, type Instance } from '../../support/arena';

const packers = [createWasmPacker('release'), new ReferencePacker()];

/** 1-D items on `hosts` hosts of capacity `cap`. */
const oneD = (sizes: number[], hosts = sizes.length, cap = 10): Instance => ({
  dims: 1, capacities: Array.from({ length: hosts }, () => [cap]), maxItems: new Array(hosts).fill(0), demands: sizes.map((s) => [s]),
});

describe.each(packers.map((p) => [p.name, p] as const))('placement rules (%s)', (_name, packer) => {
  const hosts = (inst: Instance, o: Partial<PackOptions>) => Array.from(packWith(packer, inst, o).itemHost);

  it('first, best, worst and next fit differ where they should (6, 5, 3 then 6, 5, 5, 3 into 10s)', () => {
    const online = { order: 'input' as const, sizeKey: 'sum' as const };
    // 6 → h0; 5 does not fit beside it → h1; 3 fits both open hosts:
    expect(hosts(oneD([6, 5, 3]), { ...online, rule: 'first-fit' })).toEqual([0, 1, 0]); // leftmost
    expect(hosts(oneD([6, 5, 3]), { ...online, rule: 'best-fit' })).toEqual([0, 1, 0]); //  h0 is left with 1, h1 with 2
    expect(hosts(oneD([6, 5, 3]), { ...online, rule: 'worst-fit' })).toEqual([0, 1, 1]); // h1 keeps more room
    // Next Fit never looks back: 3 would fit h0, but the current host is full, so it opens h2.
    expect(hosts(oneD([6, 5, 5, 3]), { ...online, rule: 'next-fit' })).toEqual([0, 1, 1, 2]);
  });

  it('minimum bin slack fills each host exactly where First Fit Decreasing needs a third (5 4 4 3 2 2 into 10s)', () => {
    const inst = oneD([5, 4, 4, 3, 2, 2]);
    expect(packWith(packer, inst, { rule: 'first-fit', order: 'decreasing', sizeKey: 'max' }).hostsUsed).toBe(3);
    const mbs = packWith(packer, inst, { rule: 'min-slack', order: 'decreasing', sizeKey: 'max' });
    expect(mbs.hostsUsed).toBe(2);
    expect(Array.from(mbs.itemHost)).toEqual([0, 1, 1, 0, 0, 1]); // {5, 3, 2} and {4, 4, 2}
  });

  it('the improvement phase takes FFD from 3 hosts to the optimum of 2 on the same items', () => {
    const out = packWith(packer, oneD([5, 4, 4, 3, 2, 2]), { rule: 'first-fit', order: 'decreasing', sizeKey: 'max', iterations: 500 });
    expect(out.constructiveHosts).toBe(3);
    expect(out.hostsUsed).toBe(2);
    expect(out.improvements).toBe(1);
    expect(out.hostResidual.filter((r) => r === 0).length).toBe(2); // both used hosts exactly full
  });

  it('dot product and L2-norm difference fill one host at a time with the best-matching item (Panigrahy et al.)', () => {
    // (4,4) aligns best with an empty (10,10) host; then (6,1) and (1,6) tie and the earlier in order wins.
    const inst: Instance = { dims: 2, capacities: [[10, 10], [10, 10]], maxItems: [0, 0], demands: [[6, 1], [1, 6], [4, 4]] };
    for (const rule of ['dot-product', 'l2-norm'] as const) {
      const out = packWith(packer, inst, { rule, order: 'decreasing', sizeKey: 'l2' });
      expect(Array.from(out.itemHost)).toEqual([0, 1, 0]);
      expect(Array.from(out.itemOrder)).toEqual([2, 0, 1]); // decision order: host 0 took (4,4) then (6,1)
    }
  });

  it('Tetris puts an item where it aligns best with the free resources (Grandl et al.)', () => {
    // After (1,8) and (8,3), host 0 has CPU free (9,2) and host 1 memory free (2,7): a memory-leaning (1,2) goes
    // to host 1 although host 0 comes first, and a CPU-leaning (2,1) to host 0. First Fit differs on both.
    const inst: Instance = { dims: 2, capacities: [[10, 10], [10, 10], [10, 10]], maxItems: [0, 0, 0], demands: [[1, 8], [8, 3], [1, 2], [2, 1]] };
    expect(hosts(inst, { rule: 'tetris', order: 'input' })).toEqual([0, 1, 1, 0]);
    expect(hosts(inst, { rule: 'first-fit', order: 'input' })).toEqual([0, 1, 0, 1]);
  });

  it('Kubernetes scoring: LeastAllocated spreads, MostAllocated packs', () => {
    const inst = oneD([2, 2, 2], 3);
    expect(hosts(inst, { rule: 'k8s-least-allocated', order: 'input' })).toEqual([0, 1, 2]);
    expect(hosts(inst, { rule: 'k8s-most-allocated', order: 'input' })).toEqual([0, 0, 0]);
    // BalancedAllocation: of (6,1) on a host already at (0,5) or an empty one, the balanced result wins.
    const two: Instance = { dims: 2, capacities: [[10, 10], [10, 10]], maxItems: [0, 0], demands: [[0, 5], [5, 0]] };
    expect(hosts(two, { rule: 'k8s-balanced', order: 'input' })).toEqual([0, 0]);
  });

  it('random fit is repeatable for a seed and only ever picks a host that fits', () => {
    const inst = oneD([3, 3, 3, 3, 3, 3, 3], 7);
    const a = hosts(inst, { rule: 'random', order: 'input', seed: 7 });
    expect(hosts(inst, { rule: 'random', order: 'input', seed: 7 })).toEqual(a);
    const load = new Array(7).fill(0);
    a.forEach((h) => { load[h] += 3; });
    expect(Math.max(...load)).toBeLessThanOrEqual(10);
  });

  it('orders Decreasing by a named dimension', () => {
    const inst: Instance = { dims: 2, capacities: [[10, 10]], maxItems: [0], demands: [[1, 2], [3, 1], [2, 3]] };
    const out = packWith(packer, inst, { rule: 'first-fit', order: 'decreasing', sizeKey: 'dim', sizeDim: 1 });
    expect(Array.from(out.itemOrder)).toEqual([2, 0, 1]); // by the second dimension: 3, 2, 1
  });
});
