import { describe, expect, it } from 'vitest';
import { binLowerBound, martelloTothL2, volumeBound } from '../../../core/pack/bounds';

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
});
