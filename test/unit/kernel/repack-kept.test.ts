// The improvement phase's repack (tcFitsFinal: the trash can with the units of the least-filled active hosts) draws
// its hosts among the active ones only: used, not closed, and not the hosts an LP rounding kept. The kernel once drew
// kept hosts too, and its packing then differed from the reference's on instances like this one (found by the
// kernel-vs-reference property on tight instances).
import { describe, expect, it } from 'vitest';
import type { PackOptions } from '../../../core/kernel/packer';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { packWith } from '../../support/arena';

const sizes = [19, 26, 55, 45, 46, 56, 36, 20, 30, 52, 36, 46, 36, 29, 45, 45, 60, 16, 46, 52, 42, 36, 26, 30, 15, 28];
const inst = { dims: 1, capacities: sizes.map(() => [100]), maxItems: sizes.map(() => 0), demands: sizes.map((s) => [s]) };

describe('repack after an LP rounding', () => {
  it.each([1, 20, 500])('packs like the reference after %i improvement iterations', (iterations) => {
    const options: Partial<PackOptions> = { rule: 'lp-rounding', order: 'input', sizeKey: 'max', sizeDim: 0, seed: 0, iterations, targetCost: 0 };
    const expected = packWith(new ReferencePacker(), inst, options);
    const got = packWith(createWasmPacker('release'), inst, options);
    expect(got.hostsUsed).toBe(10);
    expect(got.improvements).toBe(1);
    expect(Array.from(got.itemHost)).toEqual(Array.from(expected.itemHost));
    expect(got).toEqual(expected);
  });
});
