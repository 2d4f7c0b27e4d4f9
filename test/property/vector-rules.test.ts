// The class index of the bin-centric vector rules (dot product, L2 norm; assembly/pack/vector-rules.ts and
// core/reference/vector-rules.ts) against the plain scan it replaces (binCentricScan: every remaining unit scored
// for every placement): on random instances with many repeated shapes, with all shapes different, with fractional
// sizes, with exact score ties between classes, in up to six dimensions (the dot product's subset-sum bound and beyond it),
// mixed pools and every hard rule, the WASM kernel (release and debug) and the indexed
// reference give the scan's outcome exactly: the same host for every item, the same order of decisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_OPTIONS } from '../../core/kernel/packer';
import { distinctFleet, replicaFleet } from '../../core/pack/fleet';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { fleetInstance, packWith, type Instance } from '../support/arena';
import { agreesWith, optionsArb, poolArb, rulesArb, withRules } from '../support/rules';

const scan = new ReferencePacker({ plainScan: true });
const packers = [createWasmPacker('release'), createWasmPacker('debug'), new ReferencePacker()];

/** Many replicas of a few small integer shapes: classes of many units, and score ties between classes. */
const repeatedArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  pool: poolArb(dims),
  shapes: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 12, size: 'max' }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 250, size: 'max' }),
  rules: rulesArb,
  bits: fc.nat(),
  hard: fc.boolean(),
})).map(({ pool, shapes, picks, rules, bits, hard }) => {
  const inst: Instance = { dims: shapes[0].length, ...pool, demands: picks.map((p) => shapes[p % shapes.length]) };
  return hard ? withRules(inst, rules, bits) : inst;
});

/** Every item its own shape, integer or fractional sizes (rounding in the scores and their bounds), some negative. */
const distinctArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  pool: poolArb(dims),
  demands: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: -5, max: 60, noNaN: true })), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 200, size: 'max' }),
  rules: rulesArb,
  bits: fc.nat(),
  hard: fc.boolean(),
})).map(({ pool, demands, rules, bits, hard }) => {
  const inst: Instance = { dims: demands[0].length, ...pool, demands };
  return hard ? withRules(inst, rules, bits) : inst;
});

/**
 * Exact score ties between classes: tiny shapes, and one shape in several classes (tenants without isolation make
 * them distinct classes of equal demand), spread over many leaves of the class tree; capacities with halves leave
 * residuals no shape matches, so the bounds of boxes holding larger shapes exceed the best score.
 */
const tiesArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 3 }).chain((dims) => fc.record({
  capacities: fc.array(fc.array(fc.integer({ min: 8, max: 40 }).map((c) => c + 0.5), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 16 }),
  demands: fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 400, size: 'max' }),
  tenants: fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 400, maxLength: 400 }),
})).map(({ capacities, demands, tenants }) => ({
  dims: demands[0].length, capacities, maxItems: capacities.map(() => 0), demands, itemTenant: demands.map((_, i) => tenants[i]),
}));

/**
 * The dot product's subset-sum bound (kept up to 5 dimensions, for non-negative demands): 1 to 6 dimensions, so both
 * sides of that limit; integer and fractional demands in a heavy-tailed mix, a dimension some host models lack
 * (capacity 0, where only zero demands fit), and residuals that leave score ties within a rounding of each other.
 */
const subsetArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 6 }).chain((dims) => fc.record({
  models: fc.array(fc.record({
    size: fc.array(fc.oneof(fc.integer({ min: 20, max: 100 }), fc.double({ min: 20, max: 100, noNaN: true })), { minLength: dims, maxLength: dims }),
    lacks: fc.integer({ min: -1, max: dims - 1 }),
    count: fc.integer({ min: 1, max: 10 }),
  }), { minLength: 1, maxLength: 3 }),
  demands: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.constant(0)), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 300, size: 'max' }),
})).map(({ models, demands }) => {
  const capacities = models.flatMap((m) => Array.from({ length: m.count }, () => m.size.map((c, d) => (d === m.lacks ? 0 : c))));
  return { dims: demands[0].length, capacities, maxItems: capacities.map(() => 0), demands };
});

const drawnOptions = optionsArb('dot-product', 'l2-norm');

describe('dot-product and L2-norm rules: the class index chooses as the plain scan', () => {
  for (const [name, arb] of [['many repeated shapes', repeatedArb], ['all shapes different', distinctArb], ['equal scores in many classes', tiesArb],
    ['non-negative demands in 1 to 6 dimensions (the subset-sum bound)', subsetArb]] as const) {
    it(`on random instances with ${name}`, () => {
      fc.assert(fc.property(arb, drawnOptions, agreesWith(scan, packers)), { numRuns: 120 });
    });
  }

  it('on generated fleets (heavy-tailed replicas of 200 shapes; 1 500 different items)', () => {
    for (const f of [replicaFleet(2500, 200, 7), distinctFleet(1500, 7)]) {
      const inst = fleetInstance(f);
      for (const rule of ['dot-product', 'l2-norm'] as const) {
        const options = { ...DEFAULT_PACK_OPTIONS, rule };
        const want = packWith(scan, inst, options);
        expect(want.hostsUsed).toBeGreaterThan(0);
        for (const p of packers.slice(0, 1).concat(packers.slice(2))) expect(packWith(p, inst, options), `${p.name} ${rule}`).toEqual(want);
      }
    }
  });
});
