// Minimum bin slack's search (assembly/pack/construct.ts mbsDfs) skips a run of units alike to the level's last tried
// one at once (skipRun), spending the checks the unit-by-unit loop of the reference (core/reference/construct.ts
// minSlack) spends and stopping where it stops. Replica fleets make those runs long and spend the whole check budget
// on many hosts, which small random instances never do; the kernel must give the reference's outcome exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../core/kernel/packer';
import { replicaFleet } from '../../core/pack/fleet';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { createWasmPacker } from '../../electron/cli/kernel';
import { fleetInstance, packWith, type Instance } from '../support/arena';
import { agreesWith } from '../support/rules';

const reference = new ReferencePacker();
const kernels = [createWasmPacker('release'), createWasmPacker('debug')];
const RULES: readonly Rule[] = ['min-slack', 'lp-rounding', 'mbs-or-balanced'];

describe('minimum slack: runs of alike units skipped at once, with the reference\'s checks and stops', () => {
  it('on replica fleets (long runs, the check budget spent)', () => {
    for (const [replicas, shapes, seed] of [[2000, 12, 3], [1200, 40, 5]] as const) {
      const inst = fleetInstance(replicaFleet(replicas, shapes, seed));
      for (const rule of RULES) {
        const options = { rule, order: 'decreasing' as const, iterations: 0 };
        const want = packWith(reference, inst, options);
        expect(want.hostsUsed).toBeGreaterThan(0);
        expect(packWith(kernels[0], inst, options), `${rule} ${replicas}/${shapes}`).toEqual(want);
      }
    }
  }, 120_000);

  it('on random instances of a few shapes repeated, with item limits', () => {
    const arb = fc.record({
      shapes: fc.array(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 300 }),
      hosts: fc.integer({ min: 1, max: 40 }),
      limit: fc.constantFrom(0, 0, 3, 7),
      rule: fc.constantFrom(...RULES),
    }).map(({ shapes, picks, hosts, limit, rule }): [Instance, Rule] => [{
      dims: 2, capacities: Array.from({ length: hosts }, () => [64, 64]), maxItems: new Array<number>(hosts).fill(limit),
      demands: picks.map((p) => shapes[p % shapes.length]),
    }, rule]);
    const agree = agreesWith(reference, kernels);
    fc.assert(fc.property(arb, ([inst, rule]) => agree(inst, { rule, order: 'decreasing', iterations: 0 })), { numRuns: 100 });
  }, 60_000);
});
