// The LP's split of replicas over host classes (core/plan/lp-guide.ts) and the plan packed with it
// (core/plan/pack-model.ts): in a pool of general-purpose and memory-optimised hosts, placement rules alone fill the
// general-purpose hosts with pods of every shape; started from the LP's split, the same algorithm meets the bound.
// (On 150 random pools of 4–8 services on two host models the split, held to the end then, packed the pods on fewer
// hosts in 35.)
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandContainer } from '../../../core/model/container';
import type { Vector } from '../../../core/model/dimensions';
import { expandVm } from '../../../core/model/vm';
import { GUIDE_MAX_COLUMNS, lpGuide } from '../../../core/plan/lp-guide';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { GENERAL_2S, MEMORY_2S } from '../../../core/examples/hardware';
import { minimalInput, parsed, twoClassPool } from '../../support/scenarios';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

describe('the LP split over host classes', () => {
  it('splits every service whole or by the LP, replicas summing to the service, labels kept', () => {
    const input = twoClassPool();
    input.services[1].requiredHostLabels = ['big-memory'];
    const s = parsed(input);
    const e = expandContainer(s);
    const guide = lpGuide(highs, s, e)!;
    expect(guide.classes).toBe(2);
    expect(guide.value).toBeGreaterThan(6);
    expect(guide.value).toBeLessThanOrEqual(7);
    expect([...guide.hostsInLp].every((v) => v > 0)).toBe(true);
    e.items.forEach((it, k) => expect(guide.split[k]!.reduce((a, b) => a + b, 0), it.serviceId).toBe(it.count));
    // The API asks for a label only the memory-optimised hosts carry: all of it goes there.
    const mem = guide.hostClass[e.hosts.findIndex((g) => g.modelId === MEMORY_2S.id)];
    expect(guide.split[e.items.findIndex((it) => it.serviceId === 'api')]![mem]).toBe(12);
  });

  it('is nothing to split in a pool of one host class, or beyond its column cap', () => {
    const one = parsed(minimalInput());
    expect(lpGuide(highs, one, expandContainer(one))).toBeNull();
    const two = parsed(twoClassPool());
    const e = expandVm(two); // VMs: no per-host item limit
    expect(lpGuide(highs, two, e)).not.toBeNull();
    // Replicas small enough for the pool (so only the cap can refuse them): one CPU millicore each.
    const tiny: Vector = [1, 0, 0, 0];
    const many = { ...e, items: Array.from({ length: GUIDE_MAX_COLUMNS / 2 + 1 }, (_, k) => ({ ...e.items[0], serviceId: `s${k}`, count: 1, demand: tiny })) };
    expect(lpGuide(highs, two, many)).toBeNull();
  });

  it.each([['wasm', createWasmPacker], ['reference', () => new ReferencePacker()]] as const)(
    'packs the pods on the bound where the plain plan does not (%s packer)', (_name, make) => {
      // A short search (the split's start is already on the bound; the plain plan stays at 8 with 2 000 iterations too),
      // no sizing (it re-packs alike either way): the reference packer takes seconds otherwise.
      const s = parsed({ ...twoClassPool(), policy: { sizing: { runs: 0 }, improveIterations: 50 } });
      const plain = planModels(s, make(), ['container']).answers[0];
      const guided = planModels(s, make(), ['container'], undefined, { highs }).answers[0];
      expect(plain.plan.hostsUsed).toBe(8);
      expect(guided.plan.hostsUsed).toBe(7);
      expect(guided.plan.bestLowerBound.hosts).toBe(7);
      expect(guided.plan.placed).toBe(99);
      expect(guided.plan.verified).toBe(true);
      expect(guided.plan.algorithm).toMatch(/LP split over host models/);
      // Its decisions are not a replay of the plain options.
      expect(guided.hostLevel.options).toBeNull();
      expect(plain.hostLevel.options).not.toBeNull();
    }, 60_000);

  it('bounds the plan by its LP before the LP with the rules is solved (the app shows the plan first)', () => {
    const s = parsed({ ...twoClassPool(), policy: { sizing: { runs: 0 }, improveIterations: 50 } });
    const alone = planModels(s, createWasmPacker(), ['container']).answers[0].plan;
    const first = planModels(s, createWasmPacker(), ['container'], undefined, { highs, lpBounds: false }).answers[0].plan;
    expect(alone.bestLowerBound.hosts).toBeLessThan(7);
    expect(first.bestLowerBound).toEqual({ hosts: 7, by: 'lp', method: 'lp' });
    expect(first.gapToBest).toBe(0);
  });

  it('keeps the plain plan where the split cannot place every replica under the rules', () => {
    // Memory-optimised hosts in one rack only, and at most one cache replica per rack: the split (which knows no
    // spread rule) sends more than one cache there, which the rule cannot place, so the plain plan stands.
    const input = twoClassPool();
    input.sites[0].racks = Array.from({ length: 40 }, (_, r) => ({ id: `r${r}`, hosts: [{ id: `gp${r}`, model: GENERAL_2S.id, count: 1 }, ...(r === 0 ? [{ id: 'mem', model: MEMORY_2S.id, count: 8 }] : [])] }));
    input.services[3].spread = { domain: 'rack', maxPerDomain: 1 };
    const s = parsed(input);
    const plain = planModels(s, createWasmPacker(), ['container']).answers[0];
    const guided = planModels(s, createWasmPacker(), ['container'], undefined, { highs }).answers[0];
    const e = expandContainer(s);
    const guide = lpGuide(highs, s, e)!;
    const mem = guide.hostClass[e.hosts.findIndex((g) => g.modelId === MEMORY_2S.id)];
    expect(guide.split[e.items.findIndex((it) => it.serviceId === 'cache')]![mem]).toBeGreaterThan(1);
    expect(guided.plan.hostsUsed).toBeGreaterThan(guided.plan.bestLowerBound.hosts!); // the split was tried
    expect(guided.plan.algorithm).not.toMatch(/LP split/);
    expect(guided.plan.placed).toBe(99);
    expect(guided.plan.hostsUsed).toBe(plain.plan.hostsUsed);
    expect(guided.hostLevel.options).not.toBeNull();
  }, 60_000);
});
