// Random pools, hard rules and pack options for the placement properties (vector rules, k8s scoring): host models
// with item limits; tenants, isolation, spread over hosts and racks, affinity and labels switched on at random.
import fc from 'fast-check';
import { expect } from 'vitest';
import { DOMAIN_RACK } from '../../assembly/abi';
import type { Packer, PackOptions, Rule, SizeKey } from '../../core/kernel/packer';
import { packWith, type Instance } from './arena';

/** Host models (1–3) of random sizes, some hosts with an item limit. */
export const poolArb = (dims: number) => fc.record({
  models: fc.array(fc.record({ size: fc.array(fc.integer({ min: 30, max: 120 }), { minLength: dims, maxLength: dims }), count: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 3 }),
  limits: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 12 }),
}).map(({ models, limits }) => {
  const capacities = models.flatMap((m) => Array.from({ length: m.count }, () => m.size));
  return { capacities, maxItems: capacities.map((_, k) => limits[k] ?? 0) };
});

/** Hard rules switched on at random: tenants and isolation, spread over hosts and racks, affinity, labels. */
export const withRules = (inst: Instance, rules: { tenants: boolean; spread: boolean; affinity: boolean; labels: boolean }, bits: number): Instance => {
  const n = inst.demands.length, h = inst.capacities.length;
  const bit = (k: number, i: number, m: number) => ((bits >>> k) + i * 2654435761) % m;
  const out: Instance = { ...inst, hostRack: Array.from({ length: h }, (_, k) => k % 3) };
  if (rules.tenants) {
    out.itemTenant = Array.from({ length: n }, (_, i) => bit(0, i, 3));
    out.itemExclusive = Array.from({ length: n }, (_, i) => (bit(1, i, 6) === 0 ? 1 : 0));
  }
  if (rules.spread) {
    out.spread = [{ level: 0, max: 2 }, { level: DOMAIN_RACK, max: 4 }];
    out.itemSpread = Array.from({ length: n }, (_, i) => { const g = bit(2, i, 4); return g < 2 ? g : -1; });
  }
  if (rules.affinity) out.itemAffinity = Array.from({ length: n }, (_, i) => (bit(3, i, 5) === 0 ? Math.min(n - 1, i % 4) : -1));
  if (rules.labels) {
    out.hostLabels = Array.from({ length: h }, (_, k) => k % 3);
    out.itemLabels = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));
  }
  return out;
};

export const rulesArb = fc.record({ tenants: fc.boolean(), spread: fc.boolean(), affinity: fc.boolean(), labels: fc.boolean() });

/** Options of one of `rules`: any order and size key, a seed, and now and then the improvement phase. */
export const optionsArb = (...rules: Rule[]): fc.Arbitrary<Partial<PackOptions>> => fc.record({
  rule: fc.constantFrom(...rules),
  order: fc.constantFrom<PackOptions['order']>('input', 'decreasing', 'shuffled'),
  sizeKey: fc.constantFrom<SizeKey>('max', 'sum', 'l2'),
  seed: fc.nat({ max: 1000 }),
  iterations: fc.constantFrom(0, 0, 0, 200),
});

/** Every packer gives the oracle's outcome on the instance (the index under test against the plain scan or the
 * reference): the assertion of the placement properties. */
export const agreesWith = (oracle: Packer, packers: readonly Packer[]) => (inst: Instance, options: Partial<PackOptions>): void => {
  const want = packWith(oracle, inst, options);
  for (const p of packers) expect(packWith(p, inst, options), p.name).toEqual(want);
};
