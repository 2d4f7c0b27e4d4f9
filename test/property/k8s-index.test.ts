// The branch-and-bound searches of the Kubernetes-style scores (k8s-least-allocated, k8s-most-allocated:
// assembly/pack/k8s-index.ts; k8s-balanced: assembly/pack/k8s-balanced.ts) against the TypeScript reference's scan
// of every host for every unit: pools of many identical hosts (whole groups of them alike as units spread, the case
// the tie pruning skips), mixed models and prices, fractional sizes, one to four dimensions, capacities of 0 and
// negative demands (which take the scan), every hard rule and the improvement phase; the WASM kernel (release and
// debug) gives the reference's outcome exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_OPTIONS } from '../../core/kernel/packer';
import { distinctFleet, replicaFleet } from '../../core/pack/fleet';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { fleetInstance, packWith, type Instance } from '../support/arena';
import { agreesWith, optionsArb, poolArb, rulesArb, withRules } from '../support/rules';

const reference = new ReferencePacker();
const kernels = [createWasmPacker('release'), createWasmPacker('debug')];

/** Many identical hosts (1–3 models of up to 40 each) and a few small shapes: units spread over hosts left alike. */
const alikeArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  models: fc.array(fc.record({
    size: fc.array(fc.oneof(fc.integer({ min: 20, max: 80 }), fc.integer({ min: 20, max: 80 }).map((c) => c + 0.5)), { minLength: dims, maxLength: dims }),
    count: fc.integer({ min: 1, max: 40 }),
    price: fc.integer({ min: 1, max: 4 }),
  }), { minLength: 1, maxLength: 3 }),
  shapes: fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 6 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 400, size: 'max' }),
  costs: fc.boolean(),
  rules: rulesArb,
  bits: fc.nat(),
  hard: fc.boolean(),
})).map(({ models, shapes, picks, costs, rules, bits, hard }) => {
  const capacities = models.flatMap((m) => Array.from({ length: m.count }, () => m.size));
  const inst: Instance = {
    dims: shapes[0].length, capacities, maxItems: capacities.map(() => 0), demands: picks.map((p) => shapes[p % shapes.length]),
    ...(costs ? { hostCost: models.flatMap((m) => new Array<number>(m.count).fill(m.price)) } : {}),
  };
  return hard ? withRules(inst, rules, bits) : inst;
});

/** Every item its own fractional shape, item limits, and now and then a dimension without capacity or a negative
 * demand (both take the scan). */
const distinctArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  pool: poolArb(dims),
  demands: fc.array(fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 200, size: 'max' }),
  zeroCapacity: fc.boolean(),
  negative: fc.boolean(),
  rules: rulesArb,
  bits: fc.nat(),
  hard: fc.boolean(),
})).map(({ pool, demands, zeroCapacity, negative, rules, bits, hard }) => {
  const capacities = zeroCapacity ? pool.capacities.map((c, k) => (k % 4 === 0 ? c.map((x, d) => (d === 0 ? 0 : x)) : c)) : pool.capacities;
  const signed = negative ? demands.map((a, i) => (i % 5 === 0 ? a.map((x, d) => (d === 0 ? -1 - x / 10 : x)) : a)) : demands;
  const inst: Instance = { dims: demands[0].length, ...pool, capacities, demands: signed };
  return hard ? withRules(inst, rules, bits) : inst;
});

/** k8s-balanced's k-d trees are one per host capacity, up to 64 of them (more take the scan): pools of up to 80
 * models, a few hosts each, in up to 6 dimensions, and units of zero demand (whose target is the origin). */
const capacitiesArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 6 }).chain((dims) => fc.record({
  // Few values per dimension: capacities that differ in one dimension only.
  sizes: fc.array(fc.array(fc.constantFrom(16, 24, 32, 48), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 80 }),
  copies: fc.integer({ min: 1, max: 3 }),
  demands: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 150 }),
})).map(({ sizes, copies, demands }) => {
  const capacities = sizes.flatMap((c) => Array.from({ length: copies }, () => c));
  return { dims: demands[0].length, capacities, maxItems: capacities.map(() => 0), demands };
});

const drawnOptions = optionsArb('k8s-least-allocated', 'k8s-most-allocated', 'k8s-balanced');

describe('k8s least-allocated, most-allocated and balanced: the host trees choose as the scan over every host', () => {
  for (const [name, arb] of [['many identical hosts', alikeArb], ['all shapes different', distinctArb], ['many host capacities', capacitiesArb]] as const) {
    it(`on random instances with ${name}`, () => {
      fc.assert(fc.property(arb, drawnOptions, agreesWith(reference, kernels)), { numRuns: 150 });
    }, 60_000);
  }

  it('on generated fleets (heavy-tailed replicas of 200 shapes; 1 500 different items), in input order', () => {
    for (const f of [replicaFleet(2500, 200, 7), distinctFleet(1500, 7)]) {
      const inst = fleetInstance(f);
      for (const rule of ['k8s-least-allocated', 'k8s-most-allocated', 'k8s-balanced'] as const) {
        const options = { ...DEFAULT_PACK_OPTIONS, rule, order: 'input' as const };
        const want = packWith(reference, inst, options);
        expect(want.hostsUsed).toBeGreaterThan(0);
        expect(packWith(kernels[0], inst, options), rule).toEqual(want);
      }
    }
  }, 60_000);
});
