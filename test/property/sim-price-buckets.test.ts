// PABFD's pricing buckets (assembly/sim/price-buckets.ts) decide which hosts a search prices, never what a price is:
// on fleets built to stress them the WASM kernel still picks every host the TypeScript reference (which prices every
// host at every search) picks. The fleets mix many price groups (more than the kernel buckets), power models with
// flat stretches (equal prices across groups, so ties fall to the host index) and models that dip (never bucketed),
// and policies of every detector, whose overloaded winners send searches to their runners-up. Demands have a base
// and a scale besides the trace (the host update's fast path for the common instant reads both).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as abi from '../../assembly/sim/abi';
import { wasmEqualsReference } from '../support/sim-oracle';
import { G4, seededTrace, type Tiny } from '../unit/sim/tiny';

/** 11 power points: rising by steps of 0 to 6 W (flat stretches give equal prices), or with one dip. */
const powerModelArb = fc.tuple(fc.integer({ min: 60, max: 120 }), fc.array(fc.constantFrom(0, 0, 1, 2.5, 4, 6), { minLength: 10, maxLength: 10 }),
  fc.option(fc.integer({ min: 0, max: 9 }), { freq: 4 }))
  .map(([idle, steps, dip]) => {
    const p = [idle];
    steps.forEach((s, k) => p.push(p[k] + (k === dip ? -3 : s)));
    return p;
  });

const fleetArb: fc.Arbitrary<Tiny> = fc.record({
  powerModels: fc.array(powerModelArb, { minLength: 1, maxLength: 3 }),
  hosts: fc.array(fc.record({ pes: fc.integer({ min: 1, max: 4 }), peMips: fc.constantFrom(500, 750, 1000, 1250, 1500, 1860, 2000, 2660, 3000, 3500),
    model: fc.nat({ max: 2 }), hostClass: fc.constantFrom(-1, 0, 1) }), { minLength: 4, maxLength: 90 }),
  samples: fc.integer({ min: 4, max: 14 }),
  items: fc.array(fc.record({ mips: fc.constantFrom(250, 500, 1000, 2000, 2500), memory: fc.constantFrom(256, 613, 870),
    seed: fc.nat(), start: fc.constantFrom(2, 40), base: fc.constantFrom(0, 0, 0.05, 0.2), scale: fc.constantFrom(1, 1, 0.7) }),
  { minLength: 4, maxLength: 70 }),
  policy: fc.tuple(fc.constantFrom('thr', 'iqr', 'mad', 'lr', 'lrr'), fc.constantFrom('mmt', 'mc', 'mu', 'rs'))
    .chain(([d, s]) => (d === 'thr' ? fc.constantFrom(0.5, 0.8) : fc.constantFrom(0.5, 1.2, 2.5)).map((p) => `${d}-${s}-${p}`)),
  quirks: fc.integer({ min: 0, max: 63 }),
  seed: fc.nat({ max: 1000 }),
  shutdownSeconds: fc.constantFrom(0, 0, 600),
}).map(({ powerModels, hosts, samples, items, ...rest }) => ({
  ...rest,
  powerModels,
  // A host's class promises equal model and capacities: only hosts that share both may share one.
  hosts: hosts.map((h) => ({ ...h, model: h.model % powerModels.length,
    hostClass: h.hostClass < 0 ? -1 : (h.model % powerModels.length) * 1000 + h.pes * 100 + h.peMips / 250 })),
  items: items.map((it) => ({ ...it, kind: abi.KIND_VM, trace: seededTrace(it.seed, samples, 120) })),
}));

/** The reference runs every fleet to its end, and both WASM builds give its answers. */
function picksTheReferenceHosts(t: Tiny): void {
  expect(wasmEqualsReference(t).status).toBe(abi.SIM_OK);
}

describe('PABFD pricing buckets', () => {
  it('pick the host the reference picks on fleets of many price groups, flat and dipping power models', () => {
    fc.assert(fc.property(fleetArb, picksTheReferenceHosts), { numRuns: 60 });
  });

  it('pick the host the reference picks on twelve capacities of one power model (more price groups than buckets)', () => {
    // Twelve groups of one model: the kernel buckets eight, and prices the hosts of the rest at every search.
    const hosts = Array.from({ length: 36 }, (_, k) => ({ pes: 1 + (k % 3), peMips: 1000 + 250 * (k % 4), model: 0 }));
    const items = Array.from({ length: 48 }, (_, k) => ({ mips: [500, 1000, 2000][k % 3], memory: 256, start: 2,
      trace: Array.from({ length: 10 }, (_, c) => ((k * 37 + c * 23) % 95) / 100) }));
    for (const policy of ['thr-mmt-0.8', 'iqr-mmt-1.5', 'lr-mc-1.2']) picksTheReferenceHosts({ hosts, items, policy, powerModels: [G4] });
  });

  it('pick the host the reference picks on a fleet wider than 64 words of hosts (bucket walks without their summary)', () => {
    // 4 160 hosts (65 words): a bucket's walk reads every word, the summary of non-empty words being kept only up to
    // 64. Half the VMs start on hosts of the 65th word, so the hosts a search must price lie past the first 64 (a walk
    // stopped at 64 words fails this test).
    const hosts = Array.from({ length: 4160 }, (_, k) => ({ pes: 1, peMips: k % 2 === 0 ? 1000 : 1860, model: k % 2 }));
    const items = Array.from({ length: 40 }, (_, k) => ({ mips: [500, 1000, 1860][k % 3], memory: 256, start: 2,
      host: k < 20 ? 4100 + k : -1, trace: Array.from({ length: 5 }, (_, c) => ((k * 37 + c * 23) % 95) / 100) }));
    for (const policy of ['iqr-mmt-1.5', 'lr-mc-1.2']) picksTheReferenceHosts({ hosts, items, policy, placement: abi.PLACE_GIVEN });
  });
});
