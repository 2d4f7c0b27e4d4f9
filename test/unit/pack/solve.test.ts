import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { Packer } from '../../../core/kernel/packer';
import { parseBenchmark } from '../../../core/pack/formats';
import { binsInput, verifyPacking } from '../../../core/pack/verify';
import { algorithmFor, ALGORITHM_NAMES, MIN_SLACK_UNITS } from '../../../core/pack/algorithms';
import { distinctFleet, replicaFleet } from '../../../core/pack/fleet';
import { DIVE_LEAVE, FIRST_START_ITERATIONS, solve, UnknownAlgorithmError } from '../../../core/pack/solve';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { loadInstance, type Instance } from '../../support/arena';

const packer = createWasmPacker();
const tight: Instance = { dims: 1, capacities: Array.from({ length: 6 }, () => [10]), maxItems: new Array(6).fill(0), demands: [5, 4, 4, 3, 2, 2].map((s) => [s]) };

describe('named algorithms', () => {
  it('"best" is minimum slack then the improvement phase on small instances, the better of FFD and a shuffled Next-K Fit then improvement on large ones', () => {
    expect(algorithmFor('best', MIN_SLACK_UNITS)).toEqual({ rule: 'mbs-or-balanced', order: 'decreasing', improve: true, patternStart: true });
    expect(algorithmFor('best', MIN_SLACK_UNITS + 1)).toEqual({ rule: 'ffd-or-mixed', order: 'decreasing', improve: true, patternStart: true });
    expect(algorithmFor('mixed', 10)).toEqual({ rule: 'next-k-fit', order: 'shuffled', improve: false });
    expect(algorithmFor('nkf+cns', 10)).toEqual({ rule: 'next-k-fit', order: 'input', improve: true });
    expect(algorithmFor('lp-rounding+cns', 10)).toEqual({ rule: 'lp-rounding', order: 'decreasing', improve: true });
    expect(ALGORITHM_NAMES).toContain('lp-rounding');
    expect(algorithmFor('ffd', 10)).toEqual({ rule: 'first-fit', order: 'decreasing', improve: false });
    expect(algorithmFor('bf+cns', 10)).toEqual({ rule: 'best-fit', order: 'input', improve: true });
    expect(algorithmFor('nope', 10)).toBeUndefined();
    expect(ALGORITHM_NAMES).toContain('k8s-balanced+cns');
  });

  it('improves for an iteration budget, or until a time limit on the clock it is given', () => {
    loadInstance(packer, tight);
    expect(solve(packer, 6, { algorithm: 'ffd', seed: 1 }).hostsUsed).toBe(3);
    loadInstance(packer, tight);
    expect(solve(packer, 6, { algorithm: 'ffd+cns', seed: 1, iterations: 100 }).hostsUsed).toBe(2);
    // A fake clock that jumps a second per reading: the limit stops the loop after the first chunk.
    let t = 0;
    loadInstance(packer, tight);
    const out = solve(packer, 6, { algorithm: 'ffd+cns', seed: 1, timeLimit: 1.5, now: () => t++ });
    expect(out.iterations).toBeGreaterThan(0);
    expect(out.iterations).toBeLessThanOrEqual(64);
    expect(() => solve(packer, 6, { algorithm: 'nope', seed: 1 })).toThrow(UnknownAlgorithmError);
  });

  it('starts again with the next seed while time is left after the search gives up, keeping the best packing', () => {
    // Target 1 is out of reach (the items need 2 hosts), so every start ends by giving up.
    loadInstance(packer, tight);
    const once = solve(packer, 6, { algorithm: 'ffd+cns', seed: 1, iterations: 1_000_000, targetCost: 1 });
    expect(once.done).toBe(true);
    let t = 0;
    loadInstance(packer, tight);
    const timed = solve(packer, 6, { algorithm: 'ffd+cns', seed: 1, timeLimit: 100, now: () => (t += 0.01), targetCost: 1 });
    expect(timed.iterations).toBeGreaterThan(once.iterations); // more than one start
    expect(timed.hostsUsed).toBe(2);
    const kept = Array.from(timed.itemHost);
    loadInstance(packer, { ...tight, demands: tight.demands.map(() => [1]) });
    packer.pack({ rule: 'first-fit', order: 'decreasing', sizeKey: 'l2', sizeDim: 0, seed: 1, iterations: 0, targetCost: 0 });
    expect(Array.from(timed.itemHost)).toEqual(kept); // a copy, not a view of kernel memory
  });

  it('"best" on one dimension turns to the pattern LP after the first start, and stops at the LP\'s bound', () => {
    // No target given: the first start cannot know 2 hosts are optimal, the LP's bound (2) proves it.
    loadInstance(packer, tight);
    const out = solve(packer, 6, { algorithm: 'best', seed: 1, iterations: 100_000 });
    expect(out.hostsUsed).toBe(2);
    expect(out.iterations).toBeLessThanOrEqual(FIRST_START_ITERATIONS);
    expect(packer.patternLp(0)).toMatchObject({ state: 'optimal', bound: 2 });
    // Same answer again (no clock: deterministic), and the same with a clock when time is ample.
    loadInstance(packer, tight);
    expect(solve(packer, 6, { algorithm: 'best', seed: 1, iterations: 100_000 }).itemHost).toEqual(out.itemHost);
    let t = 0;
    loadInstance(packer, tight);
    expect(solve(packer, 6, { algorithm: 'best', seed: 1, timeLimit: 100, now: () => (t += 0.001) }).hostsUsed).toBe(2);
  });

  it('"best" dives on the LP when its rounding misses the bound: to its end before the LP start without a clock, after it with one', () => {
    // Hard28_BPP60 (Schoenfield 2002): optimum 63 = the LP bound, out of reach of the first start and of the root
    // LP's rounding with a short search.
    const file = new URL('../../../../shared/data/binpacking/hard28/Hard28_BPP60.txt', import.meta.url);
    const b = parseBenchmark(readFileSync(file, 'utf8'), 'Hard28_BPP60.txt');
    const calls: string[] = [];
    const spy: Packer = {
      ...packer, name: packer.name, reserve: packer.reserve.bind(packer), firstFitDecreasing: packer.firstFitDecreasing.bind(packer),
      pack: (o) => { calls.push(o.rule); return packer.pack(o); },
      improve: packer.improve.bind(packer), liftItemLabels: packer.liftItemLabels.bind(packer),
      patternLp: (steps) => { if (calls.at(-1) !== 'lp') calls.push('lp'); return packer.patternLp(steps); },
      patternDive: (steps, leave) => { if (calls.at(-1) !== 'dive') calls.push('dive'); expect(leave).toBe(DIVE_LEAVE); return packer.patternDive(steps, leave); },
    };
    const load = () => {
      const a = packer.reserve(b.items, b.items, 1);
      a.hostCapacity.fill(b.capacity[0]);
      a.itemDemand.set(b.demands);
    };
    const check = (out: { itemHost: Int32Array; hostsUsed: number }) => {
      expect(verifyPacking(binsInput(b.items, 1, b.capacity, b.demands, b.items), out.itemHost, { requireAll: true }).feasible).toBe(true);
      expect(out.hostsUsed).toBeGreaterThanOrEqual(63);
    };
    load();
    const untimed = solve(spy, b.items, { algorithm: 'best', seed: 1, iterations: 3000 });
    expect(calls).toEqual(['lp', 'mbs-or-balanced', 'lp', 'dive', 'lp-rounding']);
    expect(packer.patternDive(0, DIVE_LEAVE)).toMatchObject({ state: 'done', bound: 63 });
    check(untimed);
    load();
    expect(solve(spy, b.items, { algorithm: 'best', seed: 1, iterations: 3000 }).itemHost).toEqual(untimed.itemHost);
    calls.length = 0;
    load();
    const timed = solve(spy, b.items, { algorithm: 'best', seed: 1, timeLimit: 4, now: () => performance.now() / 1000 });
    check(timed);
    // The root LP's rounding has its start before the dive, whose rounding the later starts use.
    expect(calls.slice(0, 4)).toEqual(['lp', 'mbs-or-balanced', 'lp', 'lp-rounding']);
    if (timed.hostsUsed > 63) expect(calls.slice(4, 6)).toEqual(['dive', 'lp-rounding']);
  }, 30_000);

  it('stops at a target cost', () => {
    loadInstance(packer, tight);
    const out = solve(packer, 6, { algorithm: 'ffd+cns', seed: 1, iterations: 100_000, targetCost: 2 });
    expect(out).toMatchObject({ hostsUsed: 2, done: true });
    expect(out.iterations).toBeLessThan(100);
  });
});

describe('generated fleets', () => {
  it('are the same for a seed, with the requested sizes and shape counts', () => {
    const a = replicaFleet(5000, 400, 3), b = replicaFleet(5000, 400, 3);
    expect(a.items).toBe(5000);
    expect(a.shapes).toBe(400);
    expect(Array.from(a.demands)).toEqual(Array.from(b.demands));
    const d = distinctFleet(2000, 5);
    expect(d.items).toBe(2000);
    expect(d.shapes).toBeGreaterThan(1990);
    expect(d.hosts).toBeGreaterThan(0);
  });
});
