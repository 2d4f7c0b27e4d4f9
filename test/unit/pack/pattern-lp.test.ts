// Hand-checked pattern LP and rounding (core/reference/pattern-lp.ts, lp-rounding.ts) on instances small enough
// to solve on paper, through the WASM kernel and the reference.
import { describe, expect, it } from 'vitest';
import type { Packer } from '../../../core/kernel/packer';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { loadInstance, type Instance } from '../../support/arena';

const oneDim = (capacity: number, sizes: number[]): Instance =>
  ({ dims: 1, capacities: sizes.map(() => [capacity]), maxItems: sizes.map(() => 0), demands: sizes.map((s) => [s]) });

const round = { rule: 'lp-rounding', order: 'decreasing', sizeKey: 'l2', sizeDim: 0, seed: 1, iterations: 0, targetCost: 0 } as const;

for (const [name, packer] of [['wasm', createWasmPacker()], ['reference', new ReferencePacker()]] as [string, Packer][]) {
  describe(`pattern LP (${name})`, () => {
    it('sizes 4, 4, 3, 3, 3 in hosts of 7: LP 2.5, bound 3; the rounding gives each 4 a 3, the last 3 a host', () => {
      // Each 4 needs a host of its own (4 + 4 > 7) with room for one 3; the third 3 needs half a (3, 3) pattern.
      loadInstance(packer, oneDim(7, [4, 3, 4, 3, 3]));
      const lp = packer.patternLp(1000);
      expect(lp.state).toBe('optimal');
      expect(lp.value).toBeCloseTo(2.5, 12);
      expect(lp.bound).toBe(3);
      const out = packer.pack(round);
      expect(out.constructiveHosts).toBe(3);
      // Hosts 0 and 1: the whole (4, 3) patterns, items in ascending order per size; host 2: the residual 3.
      expect(Array.from(out.itemHost)).toEqual([0, 0, 1, 1, 2]);
    });

    it('three 5s in hosts of 10: LP 1.5 with the (5, 5) pattern; one whole copy, the rest by minimum slack', () => {
      loadInstance(packer, oneDim(10, [5, 5, 5]));
      expect(packer.patternLp(1000)).toMatchObject({ state: 'optimal', value: 1.5, bound: 2 });
      expect(Array.from(packer.pack(round).itemHost)).toEqual([0, 0, 1]);
    });

    it('an integral LP (6+4, 6+4, 5+5 in hosts of 10) is the packing itself', () => {
      loadInstance(packer, oneDim(10, [6, 5, 4, 6, 5, 4]));
      const lp = packer.patternLp(1000);
      expect(lp).toMatchObject({ state: 'optimal', bound: 3 });
      expect(lp.value).toBeCloseTo(3, 12);
      const out = packer.pack({ ...round, iterations: 100 });
      expect(out.hostsUsed).toBe(3);
      const hosts = Array.from(out.itemHost);
      expect(hosts[0]).toBe(hosts[2]); // 6 with 4
      expect(hosts[3]).toBe(hosts[5]);
      expect(hosts[1]).toBe(hosts[4]); // 5 with 5
    });

    it('the dive on 4, 4, 3, 3, 3 in hosts of 7 fixes both (4, 3) hosts, then rounds the last 3 up to a host of its own', () => {
      loadInstance(packer, oneDim(7, [4, 3, 4, 3, 3]));
      const dive = packer.patternDive(1000, 0);
      expect(dive).toMatchObject({ state: 'done', hosts: 3, bound: 3 });
      // The root LP's status stands while diving.
      expect(packer.patternLp(0)).toMatchObject({ state: 'optimal', bound: 3, value: 2.5 });
      const out = packer.pack(round);
      expect(out.constructiveHosts).toBe(3);
      expect(Array.from(out.itemHost)).toEqual([0, 0, 1, 1, 2]);
    });

    it('a dive that leaves as many hosts as the bound fixes nothing: the rounding is the root LP\'s', () => {
      loadInstance(packer, oneDim(7, [4, 3, 4, 3, 3]));
      expect(packer.patternDive(1000, 3)).toMatchObject({ state: 'done', hosts: 0, bound: 3 });
      expect(Array.from(packer.pack(round).itemHost)).toEqual([0, 0, 1, 1, 2]);
    });

    it('runs in chunks of steps to the same end', () => {
      loadInstance(packer, oneDim(10, [6, 5, 4, 6, 5, 4, 3, 7, 2, 2]));
      let st = packer.patternLp(0);
      expect(st.state).toBe('running');
      while (st.state === 'running') st = packer.patternLp(1);
      const steps = st.steps;
      loadInstance(packer, oneDim(10, [6, 5, 4, 6, 5, 4, 3, 7, 2, 2]));
      expect(packer.patternLp(10_000)).toEqual({ ...st, steps });
    });

    it('starts again when the sizes change under it (arena refilled without a new reserve)', () => {
      const a = loadInstance(packer, oneDim(10, [5, 5, 5]));
      expect(packer.patternLp(1000)).toMatchObject({ state: 'optimal', bound: 2 });
      a.itemDemand.set([6, 6, 6]);
      expect(packer.patternLp(1000)).toMatchObject({ state: 'optimal', bound: 3, value: 3 });
      expect(packer.pack(round).hostsUsed).toBe(3);
    });

    it('is ineligible with two dimensions, a hard rule, fractional sizes or unequal hosts', () => {
      loadInstance(packer, { dims: 2, capacities: [[10, 10]], maxItems: [0], demands: [[5, 5]] });
      expect(packer.patternLp(10).state).toBe('ineligible');
      loadInstance(packer, { ...oneDim(10, [5, 5]), maxItems: [2, 0] });
      expect(packer.patternLp(10).state).toBe('ineligible');
      loadInstance(packer, oneDim(10, [5.5, 4]));
      expect(packer.patternLp(10).state).toBe('ineligible');
      loadInstance(packer, { ...oneDim(10, [5, 4]), capacities: [[10], [9]] });
      expect(packer.patternLp(10).state).toBe('ineligible');
      loadInstance(packer, { ...oneDim(10, [5, 4]), itemAffinity: [0, 0] });
      expect(packer.patternLp(10).state).toBe('ineligible');
    });
  });
}
