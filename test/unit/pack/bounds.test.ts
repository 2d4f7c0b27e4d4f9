import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binLowerBound, countedBinLowerBound, martelloTothL2, martelloTothL2Counted, volumeBound } from '../../../core/pack/bounds';

describe('lower bounds on bins', () => {
  it('volume: ceil of the total over the capacity', () => {
    expect(volumeBound([5, 5, 5], 10)).toBe(2);
    expect(volumeBound([5, 5], 10)).toBe(1);
    expect(volumeBound([], 10)).toBe(0);
  });

  it('Martello–Toth L2 beats the volume bound when big items cannot pair', () => {
    // Six items of 6 (no two share a bin) and six of 4: volume says 6, and each 4 can join a 6: L2 = 6.
    expect(martelloTothL2([6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 4, 4], 10)).toBe(6);
    // Three items of 51: one bin each though their volume fits in two.
    expect(volumeBound([51, 51, 51], 100)).toBe(2);
    expect(martelloTothL2([51, 51, 51], 100)).toBe(3);
    // Items of 45 fill the leftover of 55s only one at a time: 3 × 55 and 6 × 45 → 3 bins with 45s, then 3 more for 45s.
    expect(martelloTothL2([55, 55, 55, 45, 45, 45, 45, 45, 45], 100)).toBe(5);
    expect(martelloTothL2([101], 100)).toBe(Infinity);
  });

  it('takes the best dimension of a vector instance, and skips L2 where sizes are negative', () => {
    const demands = new Float64Array([6, 1, 6, 1, 6, 1]);
    expect(binLowerBound(2, [10, 10], demands, 3)).toEqual({ bins: 3, method: 'l2', dim: 0 });
    const negative = new Float64Array([6, 0, 6, 0, -5, 0]);
    expect(binLowerBound(2, [10, 10], negative, 3)).toEqual({ bins: 1, method: 'volume', dim: 0 });
  });

  it('counted L2 and the counted vector bound equal the bounds of the items expanded one by one', () => {
    const groups = fc.array(fc.record({ size: fc.integer({ min: -5, max: 120 }), count: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(groups, fc.integer({ min: 1, max: 130 }), (g, capacity) => {
      const expanded = g.flatMap((x) => Array.from({ length: x.count }, () => x.size));
      const positive = g.every((x) => x.size >= 0);
      if (positive) expect(martelloTothL2Counted(g.map((x) => x.size), g.map((x) => x.count), capacity)).toBe(martelloTothL2(expanded, capacity));
      // Two dimensions: the second a multiple of the first (negative sizes make L2 skip that dimension).
      const demands = Float64Array.from(g.flatMap((x) => [x.size, (x.size * 3) % 50]));
      const flat = Float64Array.from(g.flatMap((x) => Array.from({ length: x.count }, () => [x.size, (x.size * 3) % 50]).flat()));
      expect(countedBinLowerBound(2, [capacity, 60], demands, g.map((x) => x.count))).toEqual(binLowerBound(2, [capacity, 60], flat, expanded.length));
    }), { numRuns: 300 });
  });
});

