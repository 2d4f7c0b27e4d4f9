// A split of each service's replicas over the pool's host classes, read off the volume LP, for a plan in a pool of
// several host models. Placement rules fill hosts one after another in the host order, so on their own they put
// replicas of every shape on the first class they open and leave the other classes the leftovers (on a fleet of
// 29 000 pods and two host models: every pod on general-purpose hosts, memory 99.7 % allocated and CPU 86 %). The LP
// says which shapes belong on which class; the plan then starts from it (core/plan/pack-model.ts), and stands only
// where it is better.
//
// Host class: host groups alike in allocatable capacity, item limit, labels and cost (so each one host model).
//   y_c  hosts of class c switched on (0 … hosts of c)       x_gc  replicas of service group g on class c (>= 0)
//   minimise   Σ_c cost_c y_c
//   cover      Σ_c x_gc = n_g
//   capacity   Σ_g a_gd x_gc <= C_cd y_c        ∀ c, d          slots  Σ_g x_gc <= P_c y_c (an item limit)
//   x_gc only where one replica of g fits a host of c and c carries every label g requires.
// The rules that bind replicas across classes (spread, isolation, affinity) are left to the packer: it holds to them,
// and a split it cannot pack leaves replicas unplaced, so that plan is not taken. Replicas of affinity groups are not
// held (replica k of each service of a group shares a host, so their classes must not be split apart).
// Rounding: each group's replicas per class rounded down, the rest given by largest remainder (a basic optimal
// solution splits at most as many groups as it has capacity rows; every other group goes to one class whole).
import type { Highs } from 'highs';
import { DIMS } from '../model/dimensions';
import type { Expansion, HostGroup } from '../model/expansion';
import type { Scenario } from '../scenario/schema';
import { costOf, fits, labelsOf } from './lp';
import { LpBuilder } from './lp-model';
import { servicesById } from '../scenario/services-by-id';

/** Most host classes one label word holds. */
const MAX_CLASSES = 32;
/** Seconds HiGHS may spend on the split. */
const GUIDE_SECONDS = 5;
/**
 * Most assignment columns (service groups × host classes) the split is solved with, as the rule LP's cap (plan.ts
 * LP_MAX_COLUMNS): about 1 s of HiGHS here (30 000 service groups on two classes); 10^5 groups took 3.6 s.
 */
export const GUIDE_MAX_COLUMNS = 60_000;

export interface LpGuide {
  /** Host class of each host group of the expansion. */
  readonly hostClass: Int32Array;
  /** Replicas of each item group per class (rows: item groups, in expansion order); null: the group is not held. */
  readonly split: readonly (Int32Array | null)[];
  readonly classes: number;
  /** The LP's hosts per class, fractional. */
  readonly hostsInLp: Float64Array;
  /**
   * The LP's objective: hosts (or cost). A relaxation of every plan that places all the items, so ⌈value⌉ bounds its
   * hosts (with policy.objective "hosts").
   */
  readonly value: number;
  /** The optimum uses two classes or more: a split worth packing. */
  readonly mixes: boolean;
}

/** Host classes of the expansion's host groups: alike in allocatable capacity, item limit, labels and cost. */
function hostClasses(hosts: readonly HostGroup[], labels: (g: HostGroup) => readonly string[], cost: (g: HostGroup) => number): { of: Int32Array; first: HostGroup[]; count: number[] } {
  const key = (g: HostGroup) => `${g.allocatable.join(',')}|${g.maxItems}|${[...labels(g)].sort().join(',')}|${cost(g)}`;
  const index = new Map<string, number>();
  const of = new Int32Array(hosts.length), first: HostGroup[] = [], count: number[] = [];
  hosts.forEach((g, k) => {
    const id = key(g);
    let c = index.get(id);
    if (c === undefined) { c = first.length; index.set(id, c); first.push(g); count.push(0); }
    of[k] = c;
    count[c] += g.count;
  });
  return { of, first, count };
}

/**
 * The LP's split of `e`'s replicas over its host classes, or null where there is nothing to split: one class, more
 * than MAX_CLASSES, more than GUIDE_MAX_COLUMNS columns, or an LP HiGHS did not solve to optimality (a pool too small
 * for every replica makes it infeasible).
 */
export function lpGuide(highs: Highs, scenario: Scenario, e: Expansion): LpGuide | null {
  const labels = labelsOf(scenario), cost = costOf(scenario);
  const classes = hostClasses(e.hosts, labels, cost);
  const n = classes.first.length;
  if (n < 2 || n > MAX_CLASSES || e.items.length * n > GUIDE_MAX_COLUMNS) return null;
  const services = servicesById(scenario);
  const lp = new LpBuilder();
  const y = classes.first.map((g, c) => lp.col({ name: `y[${c}]`, cost: cost(g), lower: 0, upper: classes.count[c] }));
  const x = e.items.map((it, k) => {
    const required = services.get(it.serviceId)?.requiredHostLabels ?? [];
    return classes.first.map((g, c) => (it.count > 0 && fits(it.demand, g) && required.every((l) => labels(g).includes(l))
      ? lp.col({ name: `x[${k},${c}]`, cost: 0, lower: 0, upper: Infinity }) : -1));
  });
  e.items.forEach((it, k) => {
    if (it.count > 0) lp.row(`cover:${k}`, 'cover', it.count, it.count, x[k].filter((j) => j >= 0).map((j) => [j, 1] as const));
  });
  classes.first.forEach((g, c) => {
    const on = e.items.flatMap((it, k) => (x[k][c] >= 0 ? [{ it, j: x[k][c] }] : []));
    for (let d = 0; d < DIMS; d++) {
      if (on.some(({ it }) => it.demand[d] > 0)) lp.row(`capacity:${c}/${d}`, 'capacity', -Infinity, 0, [[y[c], -g.allocatable[d]], ...on.map(({ it, j }) => [j, it.demand[d]] as const)]);
    }
    if (g.maxItems > 0) lp.row(`slots:${c}`, 'slots', -Infinity, 0, [[y[c], -g.maxItems], ...on.map(({ j }) => [j, 1] as const)]);
  });
  const sol = lp.solve(highs, GUIDE_SECONDS);
  if (sol.status !== 'optimal') return null;
  const hostsInLp = Float64Array.from(y, (j) => sol.colValue[j]);
  const split = e.items.map((it, k) => {
    if (it.count === 0 || services.get(it.serviceId)?.affinityGroup !== undefined) return null;
    const share = x[k].map((j) => (j >= 0 ? Math.max(0, sol.colValue[j]) : 0));
    const out = Int32Array.from(share, Math.floor);
    let left = it.count - out.reduce((a, b) => a + b, 0);
    if (left < 0) return null; // an LP off by a replica in its last digits: leave the group free
    const byRemainder = share.map((v, c) => ({ c, r: v - Math.floor(v) })).filter(({ c }) => x[k][c] >= 0).sort((a, b) => b.r - a.r || a.c - b.c);
    for (let i = 0; left > 0 && byRemainder.length > 0; i = (i + 1) % byRemainder.length, left--) out[byRemainder[i].c]++;
    return out;
  });
  return { hostClass: classes.of, split, classes: n, hostsInLp, value: sol.value, mixes: hostsInLp.filter((v) => v > 1e-6).length >= 2 };
}
