// Differential and invariant properties of the placement kernel on random instances: the WASM kernel (release and
// debug builds) and the TypeScript reference give identical outputs for every placement rule, order and size
// key, with every hard rule in play and with the improvement phase on; every answer passes the independent
// verifier; the improvement phase can be run in chunks; the same seed gives the same answer. The pattern LP and
// its rounding get the same checks on one-dimensional instances without hard rules (where they apply).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAIN_HOST, DOMAIN_RACK, DOMAIN_SITE, REASON_PLACED } from '../../assembly/abi';
import { copyOutcome, DEFAULT_PACK_OPTIONS, RULES, type PackOptions, type Packer, type Rule, type SizeKey } from '../../core/kernel/packer';
import { volumeBound } from '../../core/pack/bounds';
import { verifyPacking } from '../../core/pack/verify';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { instanceInput, loadInstance, packWith, type Instance } from '../support/arena';

const release = createWasmPacker('release');
const debug = createWasmPacker('debug');
const reference = new ReferencePacker();

interface Drawn { inst: Instance; options: PackOptions }

/**
 * One to four dimensions (even counts take the kernel's two-at-a-time first-fit tree), integer sizes from a few
 * shapes (repeats exercise the kernel's shape shortcuts), sometimes negative (as in some
 * published .vbp files); pools from scarce to ample; tenants, isolation, spread over hosts and racks, affinity
 * groups, labels, item limits and costs switched on at random.
 */
const instanceArb = (ample: boolean): fc.Arbitrary<Instance> => fc.integer({ min: 1, max: 4 }).chain((dims) => fc.record({
  dims: fc.constant(dims),
  hosts: fc.array(fc.array(fc.integer({ min: ample ? 40 : 0, max: 100 }), { minLength: dims, maxLength: dims }), { minLength: ample ? 8 : 0, maxLength: ample ? 24 : 10 }),
  shapes: fc.array(fc.array(fc.integer({ min: -3, max: 60 }), { minLength: dims, maxLength: dims }), { minLength: 1, maxLength: 6 }),
  picks: fc.array(fc.nat(), { maxLength: ample ? 36 : 24 }),
  limits: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 24 }),
  rules: fc.record({ tenants: fc.boolean(), spread: fc.boolean(), affinity: fc.boolean(), labels: fc.boolean(), costs: fc.boolean() }),
  seedBits: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
})).map(({ dims, hosts, shapes, picks, limits, rules, seedBits }) => {
  const n = picks.length;
  const bit = (k: number, i: number, m: number) => (seedBits[k] + i * 2654435761) % m;
  const inst: Instance = { dims, capacities: hosts, maxItems: hosts.map((_, k) => limits[k] ?? 0), demands: picks.map((p) => shapes[p % shapes.length]) };
  inst.hostRack = hosts.map((_, k) => k % 3);
  inst.hostSite = hosts.map((_, k) => k % 2);
  if (rules.costs) inst.hostCost = hosts.map((_, k) => 1 + (k % 3));
  if (rules.tenants) {
    inst.itemTenant = picks.map((_, i) => bit(0, i, 3));
    inst.itemExclusive = picks.map((_, i) => (bit(1, i, 5) === 0 ? 1 : 0));
  }
  if (rules.spread) {
    inst.spread = [{ level: 0, max: 1 }, { level: DOMAIN_RACK, max: 2 }, { level: DOMAIN_SITE, max: 3 }];
    inst.itemSpread = picks.map((_, i) => { const g = bit(2, i, 5); return g < 3 ? g : -1; });
  }
  if (rules.affinity) inst.itemAffinity = picks.map((_, i) => (bit(3, i, 4) === 0 ? Math.min(n - 1, i % 3) : -1));
  if (rules.labels) {
    inst.hostLabels = hosts.map((_, k) => k % 3);
    inst.itemLabels = picks.map((_, i) => (i % 4 === 0 ? 1 : 0));
  }
  return inst;
});

/** Identical hosts of 100 and 20–60 sized items: first fit is often beaten, so rounds run and succeed. */
const tightArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 2 }).chain((dims) => fc.array(
  fc.array(fc.integer({ min: 15, max: 62 }), { minLength: dims, maxLength: dims }), { minLength: 10, maxLength: 40 },
).map((demands) => ({ dims, capacities: demands.map(() => new Array<number>(dims).fill(100)), maxItems: demands.map(() => 0), demands })));

/**
 * Many small items per host (10–30 on a host of 1000, up to 10 dimensions, as in Panigrahy's class 5): a host's
 * units and the trash can together outnumber the candidates one Pack(b) considers (IMPROVE_PACK_CANDIDATES).
 */
const crowdedArb: fc.Arbitrary<Instance> = fc.integer({ min: 3, max: 10 }).chain((dims) => fc.array(
  fc.array(fc.integer({ min: 20, max: 100 }), { minLength: dims, maxLength: dims }), { minLength: 80, maxLength: 120 },
).map((demands) => ({ dims, capacities: demands.map(() => new Array<number>(dims).fill(1000)), maxItems: demands.map(() => 0), demands })));

/**
 * A fleet as planners have them: a few service shapes with many replicas each (tenants, isolation and spread at
 * random), on a pool of two or three host models (sizes and prices) in file order, more hosts than needed.
 */
const fleetArb: fc.Arbitrary<Instance> = fc.record({
  dims: fc.integer({ min: 2, max: 4 }),
  models: fc.array(fc.record({ size: fc.integer({ min: 60, max: 200 }), skew: fc.integer({ min: -30, max: 30 }), count: fc.integer({ min: 2, max: 12 }), price: fc.integer({ min: 1, max: 4 }) }), { minLength: 2, maxLength: 3 }),
  shapes: fc.array(fc.record({ base: fc.integer({ min: 2, max: 40 }), skew: fc.integer({ min: -10, max: 10 }), replicas: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 5 }),
  rules: fc.record({ costs: fc.boolean(), tenants: fc.boolean(), spread: fc.boolean(), spreadLevel: fc.constantFrom(DOMAIN_HOST, DOMAIN_RACK), spreadMax: fc.integer({ min: 1, max: 2 }) }),
}).map(({ dims, models, shapes, rules }) => {
  const capacities = models.flatMap((m) => Array.from({ length: m.count }, () => Array.from({ length: dims }, (_, d) => Math.max(1, m.size + (d % 2 === 0 ? m.skew : -m.skew)))));
  const demands = shapes.flatMap((s) => Array.from({ length: s.replicas }, () => Array.from({ length: dims }, (_, d) => Math.max(0, s.base + (d % 2 === 0 ? s.skew : -s.skew)))));
  const inst: Instance = { dims, capacities, maxItems: capacities.map(() => 0), demands };
  if (rules.costs) inst.hostCost = models.flatMap((m) => new Array<number>(m.count).fill(m.price));
  const shapeOf = shapes.flatMap((s, k) => new Array<number>(s.replicas).fill(k));
  if (rules.tenants) {
    inst.itemTenant = shapeOf.map((k) => k % 2);
    inst.itemExclusive = shapeOf.map((k) => (k === 0 ? 1 : 0));
  }
  if (rules.spread) {
    // Replicas of one shape spread over hosts or over racks of three hosts each.
    inst.spread = [{ level: rules.spreadLevel, max: rules.spreadMax }];
    inst.itemSpread = shapeOf.map((k) => (k === 1 ? 0 : -1));
    inst.hostRack = capacities.map((_, h) => Math.floor(h / 3));
  }
  return inst;
});

const optionsArb = (iterations: number[]): fc.Arbitrary<PackOptions> => fc.record({
  rule: fc.constantFrom<Rule>(...RULES),
  order: fc.constantFrom<PackOptions['order']>('input', 'decreasing', 'shuffled'),
  sizeKey: fc.constantFrom<SizeKey>('max', 'sum', 'l2', 'dim'),
  sizeDim: fc.constant(0),
  seed: fc.nat({ max: 1000 }),
  iterations: fc.constantFrom(...iterations),
  targetCost: fc.constant(0),
});

const drawn = (ample: boolean, iterations: number[]): fc.Arbitrary<Drawn> =>
  fc.record({ inst: instanceArb(ample), options: optionsArb(iterations) });

describe('placement kernel', () => {
  it('WASM release and debug builds equal the TypeScript reference for every rule, order and size key', () => {
    fc.assert(fc.property(drawn(false, [0]), ({ inst, options }) => {
      const expected = packWith(reference, inst, options);
      expect(packWith(release, inst, options)).toEqual(expected);
      expect(packWith(debug, inst, options)).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('equals the reference with the improvement phase on, rules and all', () => {
    fc.assert(fc.property(drawn(true, [20, 200, 1500]), ({ inst, options }) => {
      const expected = packWith(reference, inst, options);
      expect(packWith(release, inst, options)).toEqual(expected);
    }), { numRuns: 120 });
  });

  it('equals the reference on tight instances where the improvement phase empties hosts', () => {
    let emptied = 0;
    fc.assert(fc.property(tightArb, optionsArb([500, 3000]), fc.boolean(), (inst, options, rules) => {
      const withRules = rules ? { ...inst, itemTenant: inst.demands.map((_, i) => i % 2), itemExclusive: inst.demands.map((_, i) => (i % 7 === 0 ? 1 : 0)) } : inst;
      const expected = packWith(reference, withRules, options);
      const got = packWith(release, withRules, options);
      expect(got).toEqual(expected);
      if (got.improvements > 0) emptied++;
    }), { numRuns: 60 });
    expect(emptied).toBeGreaterThan(5); // the property exercised rounds that succeed, not only the constructive pass
  }, 60_000);

  it('keeps isolation and spread through the descents\' refills of tight hosts, equal to the reference', () => {
    // Tight hosts, two tenants (one item in five exclusive) and spread groups over hosts and racks: rounds only
    // succeed through refills (Pack(b)) that must check both rules, so a refill that broke one would show here.
    let emptied = 0;
    fc.assert(fc.property(tightArb, optionsArb([300, 1500]), (inst, options) => {
      const ruled: Instance = {
        ...inst, hostRack: inst.capacities.map((_, k) => k % 4), hostSite: inst.capacities.map(() => 0),
        itemTenant: inst.demands.map((_, i) => i % 2), itemExclusive: inst.demands.map((_, i) => (i % 5 === 0 ? 1 : 0)),
        spread: [{ level: 0, max: 2 }, { level: DOMAIN_RACK, max: 3 }], itemSpread: inst.demands.map((_, i) => (i % 3 === 2 ? -1 : i % 3)),
      };
      const got = packWith(release, ruled, options);
      expect(verifyPacking(instanceInput(ruled), got.itemHost).violations).toEqual([]);
      expect(got).toEqual(packWith(reference, ruled, options));
      if (got.improvements > 0) emptied++;
    }), { numRuns: 60 });
    expect(emptied).toBeGreaterThan(5);
  }, 120_000);

  it('keeps crowded hosts within capacity through the improvement phase, equal to the reference', () => {
    const cns = optionsArb([150, 400]).map((o) => ({ ...o, rule: 'first-fit' as const, order: 'decreasing' as const }));
    fc.assert(fc.property(crowdedArb, cns, (inst, options) => {
      const got = packWith(release, inst, options);
      expect(verifyPacking(instanceInput(inst), got.itemHost, { requireAll: true }).violations).toEqual([]);
      expect(got).toEqual(packWith(reference, inst, options));
    }), { numRuns: 12 });
  }, 120_000); // the reference's improvement phase on a hundred items takes a second or so a run

  it('never breaks a hard rule and accounts for every item once, placed or with a reason', () => {
    fc.assert(fc.property(drawn(true, [0, 300]), ({ inst, options }) => {
      const out = packWith(release, inst, options);
      const verdict = verifyPacking(instanceInput(inst), out.itemHost);
      expect(verdict.violations).toEqual([]);
      const count = inst.capacities.map(() => 0);
      inst.demands.forEach((_, i) => {
        const h = out.itemHost[i];
        if (h < 0) expect(out.itemReason[i]).not.toBe(REASON_PLACED);
        else { expect(out.itemReason[i]).toBe(REASON_PLACED); count[h]++; }
      });
      inst.capacities.forEach((_, h) => expect(out.hostItems[h]).toBe(count[h]));
      expect(out.hostsUsed).toBe(count.filter((c) => c > 0).length);
      expect(out.unplaced).toBe(out.itemHost.filter((x) => x < 0).length);
      expect([...out.itemOrder].sort((a, b) => a - b)).toEqual(inst.demands.map((_, i) => i));
      expect(out.hostsUsed).toBeLessThanOrEqual(out.constructiveHosts);
    }), { numRuns: 150 });
  });

  it('equals the reference on fleets of many replicas of few shapes in mixed pools, under the rules used at scale', () => {
    const scale = optionsArb([0, 300]).chain((o) => fc.constantFrom<Rule>('first-fit', 'next-k-fit', 'ffd-or-mixed', 'balanced-fit', 'best-fit', 'dot-product', 'min-slack')
      .map((rule) => ({ ...o, rule })));
    fc.assert(fc.property(fleetArb, scale, (inst, options) => {
      const got = packWith(release, inst, options);
      expect(got).toEqual(packWith(reference, inst, options));
      expect(verifyPacking(instanceInput(inst), got.itemHost).violations).toEqual([]);
    }), { numRuns: 80 });
  }, 120_000);

  it('balanced fit equals the reference where replicas of one shape follow each other (the kernel scores again only the host the last copy took, also under spread over hosts; spread over racks is scanned)', () => {
    const limits = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 });
    fc.assert(fc.property(fleetArb, limits, fc.constantFrom<PackOptions['order']>('input', 'decreasing'), (inst, maxItems, order) => {
      const limited = { ...inst, maxItems: inst.capacities.map((_, h) => maxItems[h % maxItems.length]) };
      const options = { ...DEFAULT_PACK_OPTIONS, rule: 'balanced-fit' as const, order };
      const got = packWith(release, limited, options);
      expect(got).toEqual(packWith(reference, limited, options));
      expect(verifyPacking(instanceInput(limited), got.itemHost).violations).toEqual([]);
    }), { numRuns: 100 });
  }, 120_000);

  it('First Fit Decreasing onto hosts in their given order (failure headroom\'s) equals the reference', () => {
    fc.assert(fc.property(fleetArb, fc.constantFrom<SizeKey>('max', 'sum', 'l2'), (inst, key) => {
      const inOrder = (p: Packer) => { loadInstance(p, inst); return copyOutcome(p.pack({ ...DEFAULT_PACK_OPTIONS, rule: 'first-fit', order: 'decreasing', sizeKey: key, hostOrder: 'given' })); };
      const got = inOrder(release);
      expect(got).toEqual(inOrder(reference));
      expect(inOrder(debug)).toEqual(got);
      expect(verifyPacking(instanceInput(inst), got.itemHost).violations).toEqual([]);
    }), { numRuns: 80 });
  }, 120_000);

  it('gives the same answer whether the improvement budget is spent at once or in chunks', () => {
    fc.assert(fc.property(drawn(true, [600]), fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 6 }), ({ inst, options }, chunks) => {
      const whole = packWith(release, inst, options);
      loadInstance(release, inst);
      let out = copyOutcome(release.pack({ ...options, iterations: 0 }));
      let spent = 0;
      for (const c of chunks) { out = copyOutcome(release.improve(Math.min(c, 600 - spent), 0)); spent += Math.min(c, 600 - spent); }
      out = copyOutcome(release.improve(600 - spent, 0));
      expect(out).toEqual(whole);
    }), { numRuns: 60 });
  });

  it('goes on without a lifted label word, equal to the reference and within the rules left', () => {
    // The LP split's start (core/plan/pack-model.ts): a constructive pass held by labels, then the improvement phase
    // without them. Items need label bit 0 (about a third of the hosts offer it) until it is lifted.
    fc.assert(fc.property(drawn(true, [300, 1200]), ({ inst, options }) => {
      const held: Instance = { ...inst, hostLabels: inst.capacities.map((_, k) => (k % 3 === 0 ? 1 : 0)), itemLabels: inst.demands.map((_, i) => (i % 2 === 0 ? 1 : 0)) };
      const run = (p: Packer) => {
        loadInstance(p, held);
        const start = copyOutcome(p.pack({ ...options, iterations: 0 }));
        p.liftItemLabels(0);
        return { start, out: copyOutcome(p.improve(options.iterations, 0)) };
      };
      const got = run(release);
      expect(got).toEqual(run(reference));
      expect(run(debug)).toEqual(got);
      // Held: the start keeps the labels. Lifted: the end keeps every other rule; it may leave the labelled hosts.
      expect(verifyPacking(instanceInput(held), got.start.itemHost).violations).toEqual([]);
      const free = { ...held, itemLabels: held.itemLabels!.map(() => 0) };
      expect(verifyPacking(instanceInput(free), got.out.itemHost).violations).toEqual([]);
      expect(got.out.cost).toBeLessThanOrEqual(got.start.cost);
    }), { numRuns: 60 });
  }, 120_000);

  it('is deterministic: the same instance and seed give the same answer', () => {
    fc.assert(fc.property(drawn(true, [0, 400]), ({ inst, options }) => {
      expect(packWith(release, inst, options)).toEqual(packWith(release, inst, options));
    }), { numRuns: 40 });
  });
});

/**
 * One dimension, identical hosts of whole-number capacity and whole-number sizes (some repeated, a few zero): the
 * instances the pattern LP takes. As many hosts as items, so everything fits.
 */
const oneDimArb: fc.Arbitrary<Instance> = fc.record({
  capacity: fc.integer({ min: 8, max: 150 }),
  shares: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 45 }),
}).map(({ capacity, shares, picks }) => {
  const sizes = shares.map((s) => Math.round((s / 1000) * capacity));
  const demands = picks.map((p) => [sizes[p % sizes.length]]);
  return { dims: 1, capacities: demands.map(() => [capacity]), maxItems: demands.map(() => 0), demands };
});

const roundingArb = fc.record({
  seed: fc.nat({ max: 1000 }),
  iterations: fc.constantFrom(0, 50, 400),
}).map(({ seed, iterations }): PackOptions => ({ rule: 'lp-rounding', order: 'decreasing', sizeKey: 'l2', sizeDim: 0, seed, iterations, targetCost: 0 }));

/** Packs after spending the LP's steps in the given chunks (none: the pack runs the LP itself). */
function roundWith(packer: Packer, inst: Instance, options: PackOptions, chunks: readonly number[] = []) {
  loadInstance(packer, inst);
  for (const c of chunks) packer.patternLp(c);
  const out = copyOutcome(packer.pack(options));
  return { out, lp: packer.patternLp(0) };
}

describe('pattern LP and its rounding', () => {
  it('WASM release and debug builds equal the reference: LP state, bound, value, steps and the packing', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, (inst, options) => {
      const expected = roundWith(reference, inst, options);
      if (inst.demands.some((d) => d[0] > 0)) expect(expected.lp.state).not.toBe('ineligible');
      expect(roundWith(release, inst, options)).toEqual(expected);
      expect(roundWith(debug, inst, options)).toEqual(expected);
    }), { numRuns: 150 });
  }, 120_000);

  it('gives the same LP and packing whether its steps are spent at once or in chunks', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), (inst, options, chunks) => {
      expect(roundWith(release, inst, options, chunks)).toEqual(roundWith(release, inst, options));
      expect(roundWith(reference, inst, options, chunks)).toEqual(roundWith(release, inst, options));
    }), { numRuns: 60 });
  }, 120_000);

  it('packs every item within capacity, between its proven bound and the constructive count', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, (inst, options) => {
      const { out, lp } = roundWith(release, inst, options);
      expect(verifyPacking(instanceInput(inst), out.itemHost, { requireAll: true }).violations).toEqual([]);
      expect(out.hostsUsed).toBeLessThanOrEqual(out.constructiveHosts);
      expect(out.hostsUsed).toBeGreaterThanOrEqual(lp.bound);
      const sizes = inst.demands.map((d) => d[0]);
      if (sizes.some((x) => x > 0)) {
        expect(lp.state).toBe('optimal');
        // The LP is at least the volume bound, and no packing beats a lower bound.
        expect(lp.bound).toBeGreaterThanOrEqual(volumeBound(sizes, inst.capacities[0][0]));
        expect(lp.value).toBeGreaterThanOrEqual(sizes.reduce((a, b) => a + b, 0) / inst.capacities[0][0] - 1e-9);
      }
    }), { numRuns: 150 });
  }, 120_000);

  it('is deterministic: the same instance and seed give the same answer', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, (inst, options) => {
      expect(roundWith(release, inst, options)).toEqual(roundWith(release, inst, options));
    }), { numRuns: 40 });
  });

  it('does not apply to vectors or hard rules: the rounding is then the minimum-slack rule', () => {
    let ineligible = 0;
    fc.assert(fc.property(drawn(true, [0, 200]), ({ inst, options }) => {
      const lp = { ...options, rule: 'lp-rounding' as const };
      const got = roundWith(release, inst, lp);
      expect(got).toEqual(roundWith(reference, inst, lp));
      if (got.lp.state !== 'ineligible') return;
      ineligible++;
      expect({ ...got.out, startRule: 'min-slack' }).toEqual(packWith(release, inst, { ...options, rule: 'min-slack' }));
    }), { numRuns: 80 });
    expect(ineligible).toBeGreaterThan(40);
  });
});

/**
 * Dives on the pattern LP (the root LP, then residual rounding repeated with limited backtracking; `leave` hosts
 * of the target left), its steps spent in the given chunks (none: all at once), then the rounding of what it fixed.
 */
function diveWith(packer: Packer, inst: Instance, options: PackOptions, leave: number, chunks: readonly number[] = []) {
  loadInstance(packer, inst);
  const root = packer.patternLp(0);
  for (const c of chunks) packer.patternDive(c, leave);
  const dive = packer.patternDive(1 << 30, leave);
  const out = copyOutcome(packer.pack(options));
  return { root, dive, lp: packer.patternLp(0), out };
}

const leaveArb = fc.constantFrom(0, 1, 3);

describe('dive on the pattern LP and its rounding', () => {
  it('WASM release and debug builds equal the reference: dive state, hosts fixed, steps, LP and the packing', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, leaveArb, (inst, options, leave) => {
      const expected = diveWith(reference, inst, options, leave);
      expect(diveWith(release, inst, options, leave)).toEqual(expected);
      expect(diveWith(debug, inst, options, leave)).toEqual(expected);
    }), { numRuns: 150 });
  }, 120_000);

  it('gives the same dive and packing whether its steps are spent at once or in chunks', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, leaveArb, fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
      (inst, options, leave, chunks) => {
        const whole = diveWith(release, inst, options, leave);
        expect(diveWith(release, inst, options, leave, chunks)).toEqual(whole);
        expect(diveWith(reference, inst, options, leave, chunks)).toEqual(whole);
      }), { numRuns: 60 });
  }, 120_000);

  it('packs every item within capacity, keeps the root bound, and with nothing left fixes every item', () => {
    fc.assert(fc.property(oneDimArb, roundingArb, leaveArb, (inst, options, leave) => {
      const { dive, lp, out } = diveWith(release, inst, options, leave);
      expect(verifyPacking(instanceInput(inst), out.itemHost, { requireAll: true }).violations).toEqual([]);
      const sizes = inst.demands.map((d) => d[0]);
      if (!sizes.some((x) => x > 0)) return;
      expect(dive.state).toBe('done');
      expect(dive.bound).toBe(lp.bound);
      expect(lp.bound).toBeGreaterThanOrEqual(volumeBound(sizes, inst.capacities[0][0]));
      expect(out.hostsUsed).toBeGreaterThanOrEqual(lp.bound);
      expect(out.hostsUsed).toBeLessThanOrEqual(out.constructiveHosts);
      // Each fixed pattern holds at least one item on a host of its own; diving to the end fixes every item
      // (items of size zero are not in the LP: the minimum-slack rule places them after the rounded hosts).
      expect(out.constructiveHosts).toBeGreaterThanOrEqual(dive.hosts);
      if (leave === 0 && sizes.every((x) => x > 0)) expect(out.constructiveHosts).toBe(dive.hosts);
    }), { numRuns: 150 });
  }, 120_000);
});
