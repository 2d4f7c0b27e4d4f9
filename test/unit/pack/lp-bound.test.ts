import { describe, expect, it } from 'vitest';
import { parseBpp, parseVbp } from '../../../core/pack/formats';
import { lpLowerBound } from '../../../core/pack/lp-bound';

describe('LP-relaxation bound (column generation with HiGHS)', () => {
  it('proves what the volume bound cannot: three items of 6 in bins of 10', async () => {
    // volume: ceil(18 / 10) = 2; the configuration LP: each bin holds one 6, so 3
    expect(await lpLowerBound(parseBpp('3\n10\n6\n6\n6\n'))).toBe(3);
  });

  it('equals the optimum on a small 1-D instance with exact fills (4 bins of {5,3,2} or {4,4,2})', async () => {
    expect(await lpLowerBound(parseBpp('12\n10\n5\n5\n4\n4\n4\n4\n3\n3\n2\n2\n2\n2\n'))).toBe(4);
  });

  it('works in several dimensions (pricing as a MIP)', async () => {
    // (6,1) and (1,6) pair up; three of each need three bins, volume says 2 (21 / 10 per dimension → 3, so 3)
    expect(await lpLowerBound(parseVbp('2\n10 10\n2\n6 1 3\n1 6 3\n'))).toBe(3);
    // (6,6) alone per bin
    expect(await lpLowerBound(parseVbp('2\n10 10\n1\n6 6 4\n'))).toBe(4);
  });

  it('declines instances it cannot handle', async () => {
    expect(await lpLowerBound(parseVbp('1\n10\n1\n-1 2\n'))).toBeNull(); // negative sizes
    expect(await lpLowerBound(parseBpp('2\n10\n1\n2\n'), { maxTypes: 1 })).toBeNull();
  });
});
