// The improvement phase's refill (Pack(b): host b refilled with the best subset of its units and the trash can, by a
// bounded depth-first search) takes alike units in candidate order: a copy only where the copy before it was chosen.
// Subsets that differ only in which copies they take weigh the same and fit alike, and the search reaches the one
// with the earliest copies first, so the rule changes nothing but the work wherever the search runs to its end.
// Checked here with every refill run to its end, on random instances of repeated shapes under every hard rule: the
// same packing with the rule as without it, in far fewer nodes; and on a replica instance under the default budget.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPROVE_PACK_ALIKE_IN_ORDER, IMPROVE_PACK_CANDIDATES, IMPROVE_PACK_NODES } from '../../assembly/abi';
import type { Packer, PackOptions } from '../../core/kernel/packer';
import { setImproveParameter } from '../../core/reference/improve';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { packWith, threeShapes, type Instance } from '../support/arena';
import { rulesArb, withRules } from '../support/rules';

// setImproveParameter's indices (kernel and reference).
const PACK_CANDIDATES = 6, PACK_NODES = 7, PACK_ALIKE_IN_ORDER = 17;
const DEFAULTS: [number, number][] = [[PACK_CANDIDATES, IMPROVE_PACK_CANDIDATES], [PACK_NODES, IMPROVE_PACK_NODES], [PACK_ALIKE_IN_ORDER, IMPROVE_PACK_ALIKE_IN_ORDER]];

const wasm = createWasmPacker('release');
const packers: { packer: Packer; set: (k: number, v: number) => void }[] = [
  { packer: wasm, set: (k, v) => wasm.setImproveParameter(k, v) },
  { packer: new ReferencePacker(), set: setImproveParameter },
];

/**
 * Replicas of a few integer shapes on hosts whose capacities are powers of two: unit weights (demand over the largest
 * capacity) and their sums are then exact, so subsets of equal content weigh exactly the same in any order.
 */
const replicasArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 3 }).chain((dims) => fc.record({
  models: fc.array(fc.record({ size: fc.array(fc.constantFrom(32, 64, 128), { minLength: dims, maxLength: dims }), count: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 2 }),
  limits: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 12 }),
  shapes: fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 5 }),
  picks: fc.array(fc.nat(), { minLength: 2, maxLength: 80 }),
  rules: rulesArb,
  bits: fc.nat(),
  hard: fc.boolean(),
})).map(({ models, limits, shapes, picks, rules, bits, hard }) => {
  const capacities = models.flatMap((m) => Array.from({ length: m.count }, () => m.size));
  const inst: Instance = { dims: shapes[0].length, capacities, maxItems: capacities.map((_, k) => limits[k] ?? 0), demands: picks.map((p) => shapes[p % shapes.length]) };
  return hard ? withRules(inst, rules, bits) : inst;
});

const optionsArb: fc.Arbitrary<Partial<PackOptions>> = fc.record({
  rule: fc.constantFrom<PackOptions['rule']>('first-fit', 'next-fit'),
  order: fc.constantFrom<PackOptions['order']>('input', 'decreasing', 'shuffled'),
  seed: fc.nat({ max: 1000 }),
  iterations: fc.constantFrom(100, 300),
});

afterEach(() => { for (const { set } of packers) for (const [k, v] of DEFAULTS) set(k, v); });

describe.each(packers.map((p) => [p.packer.name, p] as const))('refills over alike units (%s)', (_name, { packer, set }) => {
  it('give the packing of trying every copy when each refill searches to its end, in fewer nodes', () => {
    // Ten candidates per refill: at most 2^10 subsets, so a budget of 10^6 nodes never binds.
    set(PACK_CANDIDATES, 10);
    set(PACK_NODES, 1_000_000);
    let fewer = 0;
    fc.assert(fc.property(replicasArb, optionsArb, (inst, options) => {
      set(PACK_ALIKE_IN_ORDER, 1);
      const inOrder = packWith(packer, inst, options);
      set(PACK_ALIKE_IN_ORDER, 0);
      const everyCopy = packWith(packer, inst, options);
      expect({ ...inOrder, refillNodes: 0 }).toEqual({ ...everyCopy, refillNodes: 0 });
      expect(inOrder.refillNodes).toBeLessThanOrEqual(everyCopy.refillNodes);
      if (inOrder.refillNodes < everyCopy.refillNodes) fewer++;
    }), { numRuns: 120, seed: 17 });
    // Not vacuous: refills ran, and on many instances the rule saved nodes.
    expect(fewer).toBeGreaterThan(20);
  });

  it('search a tenth of the nodes on replicas of three shapes, for as good a packing', () => {
    const options: Partial<PackOptions> = { rule: 'first-fit', order: 'input', iterations: 400 };
    const inOrder = packWith(packer, threeShapes, options);
    set(PACK_ALIKE_IN_ORDER, 0);
    const everyCopy = packWith(packer, threeShapes, options);
    // Measured: 8 247 nodes against 128 000 (every refill of the second spends its whole budget of 4 000).
    expect(inOrder.refillNodes * 10).toBeLessThan(everyCopy.refillNodes);
    expect(inOrder.hostsUsed).toBeLessThanOrEqual(everyCopy.hostsUsed);
  });
});
