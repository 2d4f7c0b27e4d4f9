// Bounds on shapes and host classes (core/pack/fleet-bound.ts): the same numbers as the item forms where those
// apply, the class LP's optimum (checked against HiGHS) where the pool mixes host models, never above it.
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { binLowerBound, martelloTothL2 } from '../../../core/pack/bounds';
import { replicaFleet } from '../../../core/pack/fleet';
import { classLpBound, fleetLowerBound, hostClasses, itemShapes, weightedL2, type HostClass } from '../../../core/pack/fleet-bound';

/** The class LP solved exactly by HiGHS (null when infeasible). */
async function exactClassLp(classes: readonly HostClass[], demand: readonly number[]): Promise<number | null> {
  const highs = await highsLoader();
  const starts = [0], indices: number[] = [], values: number[] = [];
  classes.forEach((c) => { c.capacity.forEach((x, d) => { indices.push(d); values.push(x); }); starts.push(indices.length); });
  return highs.withModel({
    numCols: classes.length, numRows: demand.length, colCost: classes.map((c) => c.cost), colLower: classes.map(() => 0),
    colUpper: classes.map((c) => c.count), rowLower: [...demand], rowUpper: demand.map(() => highs.infinity),
    matrix: { format: 'csc', numRows: demand.length, numCols: classes.length, starts, indices, values },
  }, (m) => {
    m.options.set({ output_flag: false });
    return m.run().modelStatus === highs.constants.modelStatus.optimal ? m.getObjectiveValue() : null;
  });
}

describe('fleet bounds', () => {
  it('groups hosts into classes and items into shapes, in order of first appearance', () => {
    expect(hostClasses(2, [4, 8, 16, 32, 4, 8], [1, 1, 1], 3)).toEqual([{ capacity: [4, 8], count: 2, cost: 1 }, { capacity: [16, 32], count: 1, cost: 1 }]);
    expect(itemShapes(2, [1, 2, 3, 4, 1, 2, 1, 2], 4)).toEqual([{ demand: [1, 2], count: 3 }, { demand: [3, 4], count: 1 }]);
  });

  it('L2 on (size, count) pairs equals L2 on the items', () => {
    fc.assert(fc.property(fc.integer({ min: 10, max: 100 }), fc.array(fc.record({ size: fc.integer({ min: 0, max: 100 }), count: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 12 }), (cap, pairs) => {
      const sizes = pairs.map((p) => Math.min(p.size, cap));
      const flat = sizes.flatMap((s, j) => new Array<number>(pairs[j].count).fill(s));
      expect(weightedL2(sizes, pairs.map((p) => p.count), cap)).toBe(martelloTothL2(flat, cap));
    }), { numRuns: 200 });
  });

  it('on identical hosts gives the volume and L2 bounds of the items', () => {
    const f = replicaFleet(3000, 200);
    const item = binLowerBound(f.dims, f.hostCapacity, f.demands, f.items);
    const got = fleetLowerBound(f.dims, [{ capacity: [...f.hostCapacity], count: f.hosts, cost: 1 }], itemShapes(f.dims, f.demands, f.items));
    expect(got).toEqual({ value: item.bins, method: item.method, dim: item.dim });
  });

  it('couples the dimensions in a mixed pool: CPU-rich and memory-rich models need 4 hosts where each dimension alone says 2', () => {
    // Demand (20 CPU, 20 GiB) on models (10, 2) and (2, 10): x = y = 5/3 in the LP, 10/3 hosts → 4.
    const classes = [{ capacity: [10, 2], count: 10, cost: 1 }, { capacity: [2, 10], count: 10, cost: 1 }];
    const shapes = [{ demand: [1, 1], count: 20 }];
    expect(classLpBound(2, classes, [20, 20])).toBeCloseTo(10 / 3, 6);
    expect(fleetLowerBound(2, classes, shapes)).toEqual({ value: 4, method: 'classes', dim: null });
    // A pool too small is extended as the volume bound extends it: 10 hosts of (10, 2) for 20 GiB, or a mix.
    expect(fleetLowerBound(2, [{ capacity: [10, 2], count: 1, cost: 1 }], shapes).value).toBe(10);
    expect(fleetLowerBound(2, classes.map((c) => ({ ...c, count: 1 })), shapes).value).toBe(4);
    expect(fleetLowerBound(2, [{ capacity: [10, 0], count: 5, cost: 1 }], shapes).value).toBeNull(); // no memory anywhere
  });

  it('never exceeds the class LP optimum, and reaches it (within 0.1 % with few models, 1 % with many)', async () => {
    const f = replicaFleet(5000, 300);
    const demand = [0, 1, 2, 3].map((d) => { let t = 0; for (let i = 0; i < f.items; i++) t += f.demands[i * 4 + d]; return t; });
    const pools: HostClass[][] = [
      [{ capacity: [32_000, 262_144, 2e6, 10_000], count: 400, cost: 1 }, { capacity: [128_000, 131_072, 7.68e6, 25_000], count: 400, cost: 1 }],
      [{ capacity: [32_000, 262_144, 2e6, 10_000], count: 400, cost: 2 }, { capacity: [128_000, 131_072, 7.68e6, 25_000], count: 400, cost: 5 },
        { capacity: [64_000, 524_288, 7.68e6, 25_000], count: 60, cost: 4 }],
    ];
    // Forty-five models: too many vertices to try, so the subgradient method answers (within 1 %).
    const many: HostClass[] = Array.from({ length: 45 }, (_, k) => ({
      capacity: [16_000 + 3_000 * (k % 13), 65_536 * (1 + (k % 7)), 2e6 + 1e5 * (k % 5), 10_000 + 1_000 * (k % 11)], count: 10 + (k % 4), cost: 1 + (k % 3),
    }));
    const exactMany = await exactClassLp(many, demand);
    const gotMany = classLpBound(4, many, demand)!;
    expect(gotMany).toBeLessThanOrEqual(exactMany! * (1 + 1e-9));
    expect(gotMany).toBeGreaterThanOrEqual(exactMany! * 0.99);
    for (const pool of pools) {
      const exact = await exactClassLp(pool, demand);
      const got = classLpBound(4, pool, demand)!;
      expect(exact).not.toBeNull();
      expect(got).toBeLessThanOrEqual(exact! * (1 + 1e-9));
      expect(got).toBeGreaterThanOrEqual(exact! * 0.999);
    }
  });
});
