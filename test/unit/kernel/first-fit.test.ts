// Hand-checked First Fit Decreasing answers, run on the WASM kernel and the reference.
import { describe, expect, it } from 'vitest';
import { REASON_MAX_ITEMS, REASON_NO_ROOM, REASON_TOO_LARGE } from '../../../assembly/abi';
import { KernelError } from '../../../core/kernel/wasm-packer';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { packInstance } from '../../support/arena';

const packers = [createWasmPacker('release'), new ReferencePacker()];

describe.each(packers.map((p) => [p.name, p] as const))('FFD (%s)', (_name, packer) => {
  it('packs 1-D items 5,7,5,2,4,2,5,1,6 into bins of 10 like the textbook FFD (sizes 7,6,5,5,5,4,2,2,1)', () => {
    const sizes = [5, 7, 5, 2, 4, 2, 5, 1, 6];
    const out = packInstance(packer, { dims: 1, capacities: Array(9).fill([10]), maxItems: Array(9).fill(0), demands: sizes.map((s) => [s]) }, 'max');
    // FFD: bin0 = 7+2+1, bin1 = 6+4, bin2 = 5+5, bin3 = 5+2 → 4 bins
    expect(out.hostsUsed).toBe(4);
    expect(Array.from(out.itemOrder)).toEqual([1, 8, 0, 2, 6, 4, 3, 5, 7]);
    expect(Array.from(out.itemHost)).toEqual([2, 0, 2, 0, 1, 3, 3, 0, 1]);
  });

  it('needs every dimension to fit: (6,1) and (1,6) share a (10,10) host, (6,6) does not', () => {
    const out = packInstance(packer, { dims: 2, capacities: [[10, 10], [10, 10]], maxItems: [0, 0], demands: [[6, 1], [6, 6], [1, 6]] }, 'sum');
    // order by sum: (6,6), then (6,1) and (1,6) tie at 7 → index order
    expect(Array.from(out.itemHost)).toEqual([1, 0, 1]);
  });

  it('reports why items are unplaced', () => {
    const out = packInstance(packer, {
      dims: 2, capacities: [[20, 20], [10, 4]], maxItems: [1, 0],
      demands: [[21, 1], [5, 5], [5, 5], [3, 3], [9, 9]],
    }, 'max');
    expect(out.itemReason[0]).toBe(REASON_TOO_LARGE); // 21 > every host's capacity
    // (9,9) → host 0 (its only slot); (5,5) cannot use host 1 (4 in dim 2); host 0 has room left but no slot
    expect(out.itemHost[4]).toBe(0);
    expect(out.itemReason[1]).toBe(REASON_MAX_ITEMS);
    expect(out.itemHost[3]).toBe(1);
    expect(out.hostsUsed).toBe(2);
    const full = packInstance(packer, { dims: 1, capacities: [[10]], maxItems: [0], demands: [[8], [8]] }, 'max');
    expect(full.itemReason[1]).toBe(REASON_NO_ROOM);
  });

  it('handles empty instances', () => {
    expect(packInstance(packer, { dims: 3, capacities: [], maxItems: [], demands: [[1, 1, 1]] }, 'l2').itemReason[0]).toBe(REASON_TOO_LARGE);
    expect(packInstance(packer, { dims: 3, capacities: [[1, 1, 1]], maxItems: [0], demands: [] }, 'l2').hostsUsed).toBe(0);
  });
});

describe('WASM packer host', () => {
  it('refuses to run before the arena is reserved', () => {
    expect(() => createWasmPacker().firstFitDecreasing('max')).toThrow(KernelError);
  });

  it('re-creates views after memory growth (large arena after a small one)', () => {
    const packer = createWasmPacker();
    packInstance(packer, { dims: 1, capacities: [[10]], maxItems: [0], demands: [[1]] }, 'max');
    const n = 200_000;
    const out = packInstance(packer, { dims: 1, capacities: Array(n / 10).fill([10]), maxItems: Array(n / 10).fill(0), demands: Array(n).fill([1]) }, 'max');
    expect(out.hostsUsed).toBe(n / 10);
  });
});
