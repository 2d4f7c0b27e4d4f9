// Differential and invariant properties of the packing kernel: on random instances the WASM kernel (debug and
// release builds) and the TypeScript reference give identical outputs, and the answer is feasible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REASON_PLACED } from '../../assembly/abi';
import type { SizeKey } from '../../core/kernel/packer';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { packInstance, type Instance } from '../support/arena';

const release = createWasmPacker('release');
const debug = createWasmPacker('debug');
const reference = new ReferencePacker();

// Integer sizes from a few shapes (repeats exercise the identical-item shortcut), occasionally oversized.
const instanceArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  dims: fc.constant(dims),
  capacities: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: dims, maxLength: dims }), { minLength: 0, maxLength: 25 }),
  shapes: fc.array(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 6 }),
  picks: fc.array(fc.nat(), { maxLength: 80 }),
  limits: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 25 }),
}).map(({ dims: d, capacities, shapes, picks, limits }) => ({
  dims: d,
  capacities,
  maxItems: capacities.map((_, h) => limits[h] ?? 0),
  demands: picks.map((p) => shapes[p % shapes.length]),
})));

const keyArb = fc.constantFrom<SizeKey>('max', 'sum', 'l2');

describe('FFD kernel', () => {
  it('WASM release and debug builds equal the TypeScript reference exactly', () => {
    fc.assert(fc.property(instanceArb, keyArb, (inst, key) => {
      const expected = packInstance(reference, inst, key);
      expect(packInstance(release, inst, key)).toEqual(expected);
      expect(packInstance(debug, inst, key)).toEqual(expected);
    }), { numRuns: 400 });
  });

  it('never puts a host over capacity or over its item limit, and accounts for every item once', () => {
    fc.assert(fc.property(instanceArb, keyArb, (inst, key) => {
      const out = packInstance(release, inst, key);
      const load = inst.capacities.map(() => new Array<number>(inst.dims).fill(0));
      const count = inst.capacities.map(() => 0);
      inst.demands.forEach((dem, i) => {
        const h = out.itemHost[i];
        if (h < 0) {
          expect(out.itemReason[i]).not.toBe(REASON_PLACED);
          return;
        }
        expect(out.itemReason[i]).toBe(REASON_PLACED);
        count[h]++;
        dem.forEach((v, d) => { load[h][d] += v; });
      });
      inst.capacities.forEach((cap, h) => {
        cap.forEach((c, d) => expect(load[h][d]).toBeLessThanOrEqual(c));
        if (inst.maxItems[h] > 0) expect(count[h]).toBeLessThanOrEqual(inst.maxItems[h]);
        expect(out.hostItems[h]).toBe(count[h]);
      });
      expect(out.hostsUsed).toBe(count.filter((c) => c > 0).length);
      expect([...out.itemOrder].sort((a, b) => a - b)).toEqual(inst.demands.map((_, i) => i));
    }), { numRuns: 300 });
  });

  it('is deterministic: the same instance twice gives the same answer', () => {
    fc.assert(fc.property(instanceArb, keyArb, (inst, key) => {
      expect(packInstance(release, inst, key)).toEqual(packInstance(release, inst, key));
    }), { numRuns: 50 });
  });
});
