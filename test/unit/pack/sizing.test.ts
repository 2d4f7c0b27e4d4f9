import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_OPTIONS, type Packer } from '../../../core/kernel/packer';
import { copyInputs } from '../../../core/kernel/packer';
import { borgSizing, shuffledHosts } from '../../../core/pack/sizing';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';

/** Hosts of 10 and of 4; eight items of 5 need four of the big hosts (a small one holds none). */
function pool(packer: Packer) {
  const caps = [10, 4, 10, 4, 10, 4, 10, 10];
  const a = packer.reserve(caps.length, 8, 1);
  caps.forEach((c, h) => { a.hostCapacity[h] = c; });
  a.itemDemand.fill(5);
  return copyInputs(a);
}

describe('Borg-style sizing', () => {
  it('shuffles hosts the same way for a seed', () => {
    expect(Array.from(shuffledHosts(10, 4))).toEqual(Array.from(shuffledHosts(10, 4)));
    expect([...shuffledHosts(10, 4)].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });

  it.each([['wasm', createWasmPacker()], ['reference', new ReferencePacker()]] as const)('finds the fewest hosts, in each random order, that still hold the workload (%s)', (_n, packer) => {
    const inputs = pool(packer);
    const sizing = borgSizing(packer, inputs, DEFAULT_PACK_OPTIONS, 0, { runs: 9, percentile: 90, seed: 1, lowerBound: 4 })!;
    expect(sizing.samples.length).toBe(9);
    expect(sizing.samples).toEqual([...sizing.samples].sort((x, y) => x - y));
    // In each run the answer is where the order reaches its fourth big host.
    const expected = Array.from({ length: 9 }, (_, r) => {
      const order = shuffledHosts(8, 1 + r);
      let big = 0;
      for (let k = 0; k < 8; k++) if ([0, 2, 4, 6, 7].includes(order[k]) && ++big === 4) return k + 1;
      return 8;
    }).sort((x, y) => x - y);
    expect(sizing.samples).toEqual(expected);
    expect(sizing.hosts).toBe(expected[Math.ceil(0.9 * 9) - 1]);
    expect(borgSizing(packer, inputs, DEFAULT_PACK_OPTIONS, 0, { runs: 0, percentile: 90, seed: 1, lowerBound: 0 })).toBeNull();
  });
});
