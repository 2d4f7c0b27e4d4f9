// The improvement phase's tabu moves take alike units (replicas of one shape under the same rules) as one: each
// distinct single and pair of classes is tried once per host, however many copies a host or the trash can holds.
import { afterEach, describe, expect, it } from 'vitest';
import { IMPROVE_ALIKE_AS_ONE } from '../../../assembly/abi';
import type { PackOptions } from '../../../core/kernel/packer';
import { distinctSubsets, setImproveParameter } from '../../../core/reference/improve';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { packWith, threeShapes } from '../../support/arena';

describe('distinct sets of units', () => {
  // Units 10–14 of classes a a b a b (class = a unit's first alike unit, as units.ts builds them).
  const cls = new Int32Array(15);
  cls.set([10, 10, 12, 10, 12], 10);
  const list = [10, 11, 12, 13, 14];

  it('takes the first copy of each class as the single', () => {
    expect(distinctSubsets(list, cls, false)).toEqual([[10], [12]]);
  });

  it('takes one pair per pair of classes, and first and second copy for two of one class', () => {
    expect(distinctSubsets(list, cls, true)).toEqual([[10], [12], [10, 11], [10, 12], [12, 14]]);
  });

  it('keeps every set of units that all differ', () => {
    const own = Int32Array.from({ length: 3 }, (_, k) => k);
    expect(distinctSubsets([2, 0, 1], own, true)).toEqual([[2], [0], [1], [2, 0], [2, 1], [0, 1]]);
  });
});

const ALIKE_AS_ONE = 16; // setImproveParameter's index (kernel and reference)
const wasm = createWasmPacker('release');
const packers = [
  { name: 'wasm', packer: wasm, alikeAsOne: (v: number) => wasm.setImproveParameter(ALIKE_AS_ONE, v) },
  { name: 'reference', packer: new ReferencePacker(), alikeAsOne: (v: number) => setImproveParameter(ALIKE_AS_ONE, v) },
];

describe.each(packers.map((p) => [p.name, p] as const))('tabu moves over alike units (%s)', (_name, { packer, alikeAsOne }) => {
  afterEach(() => alikeAsOne(IMPROVE_ALIKE_AS_ONE));

  it('check a fraction of the moves unit by unit takes, for as good a packing', () => {
    const options: Partial<PackOptions> = { rule: 'first-fit', order: 'input', iterations: 400 };
    const asOne = packWith(packer, threeShapes, options);
    alikeAsOne(0);
    const oneByOne = packWith(packer, threeShapes, options);
    expect(asOne.iterations).toBe(400);
    expect(asOne.moveChecks).toBeGreaterThan(0);
    // Unit by unit a host of six items gives up 1 + 6 + 15 sets and a trash can of twelve offers 12 + 66; as classes
    // at most 1 + 3 + 6 and 3 + 6 (measured: 469 249 checks against 2 132).
    expect(asOne.moveChecks * 20).toBeLessThan(oneByOne.moveChecks);
    expect(asOne.hostsUsed).toBeLessThanOrEqual(oneByOne.hostsUsed);
  });
});
