// Packs one deployment model's expansion with every placement rule of the scenario (tenants and isolation,
// spread, affinity, host labels, pod limits, cost objective; core/plan/constraints.ts) under the policy's
// algorithm. The plan (`hostfit plan`, the host map) and the one-run comparison (`hostfit compare`, the result
// table) both pack through here, so a model's host count is the same wherever it is shown.
import type { Highs } from 'highs';
import { copyInputs, copyOutcome, type ArenaInputs, type Packer, type PackOptions, type PackOutcome } from '../kernel/packer';
import { DIMENSIONS } from '../model/dimensions';
import type { Expansion } from '../model/expansion';
import { algorithmFor, packOptions } from '../pack/algorithms';
import type { Scenario } from '../scenario/schema';
import { bestOf, planLowerBound, rulesLowerBound } from './bounds';
import { encodeConstraints, planConstraints, type ConstraintPlan } from './constraints';
import { encodeExpansion, groupStarts, totalCount } from './encode';
import { lpGuide, type LpGuide } from './lp-guide';

export interface ModelPacking {
  /** The arena as filled before packing (for the verifier, explanations and sizing re-packs). */
  readonly inputs: ArenaInputs;
  /** The packer's answer; its arrays may be views of kernel memory, valid until the packer packs again. */
  readonly out: PackOutcome;
  /** Algorithm actually run ("best" resolved to its parts). */
  readonly algorithm: string;
  /** Options of the plain packing (sizing re-packs with them). */
  readonly options: PackOptions;
  /** Hosts every item of the expansion needs at least (the bound on the whole pool, before packing). */
  readonly poolBound: number;
  /**
   * The plan started from the LP's split over host classes (lp-guide.ts): `out` then is not what `options` make of
   * `inputs`, so its decisions cannot be replayed.
   */
  readonly guided: boolean;
  /**
   * ⌈the split's LP value⌉ with policy.objective "hosts" (null: no split LP): a bound on the hosts of any plan that
   * places every item, rules or not.
   */
  readonly lpBound: number | null;
}

/** Pack options for the scenario's policy on an expansion of `items` items. */
export function policyOptions(scenario: Scenario, items: number): { name: string; options: PackOptions } {
  const p = scenario.policy;
  const algorithm = algorithmFor(p.algorithm, items)!;
  const sizeDim = p.sizeDimension ? DIMENSIONS.indexOf(p.sizeDimension) : 0;
  const options = packOptions(algorithm, p.seed, p.sizeDimension ? 'dim' : p.sizeKey, sizeDim, p.improveIterations);
  const name = p.algorithm === 'best' ? `best (${algorithm.rule}+cns)` : p.algorithm;
  return { name, options };
}

/**
 * Packs `e` under the scenario's rules. With a loaded HiGHS, in a pool of several host classes, the LP split over them
 * (lp-guide.ts) is solved first: its value is a lower bound the improvement phase may stop at, and where the plan is
 * short of it, `e` is packed again starting from the split (packGuided); that plan stands where it places every
 * replica and is better (lower cost, then fewer hosts).
 */
export function packModel(scenario: Scenario, packer: Packer, e: Expansion, highs?: Highs): ModelPacking {
  const constraints = planConstraints(scenario, e);
  const arena = encodeExpansion(e, packer, constraints.shape);
  encodeConstraints(scenario, e.model, e, constraints, arena);
  const inputs = copyInputs(arena);
  const { name, options } = policyOptions(scenario, totalCount(e.items));
  const poolBound = bestOf(planLowerBound(e, null), rulesLowerBound(scenario, e.model, e, null)).hosts ?? 0;
  const guide = highs ? lpGuide(highs, scenario, e) : null;
  // The improvement phase may stop once the count reaches a proven bound (counting hosts, identical or not); the
  // split's LP is one (a relaxation of the plan without its other rules).
  const countsHosts = scenario.policy.objective === 'hosts';
  const lpBound = guide && countsHosts ? Math.ceil(guide.value - 1e-6) : null;
  const targetCost = countsHosts ? Math.max(poolBound, lpBound ?? 0) : 0;
  const packed = packEitherOrder(packer, { ...options, targetCost });
  const plain: ModelPacking = { inputs, out: packed.out, algorithm: name, options: { ...packed.options, targetCost: options.targetCost }, poolBound, guided: false, lpBound };
  if (!guide?.mixes || reached(packed.out, targetCost)) return plain;
  const kept = copyOutcome(packed.out);
  const guided = packGuided(scenario, packer, e, constraints, guide, { ...packed.options, targetCost });
  if (guided.unplaced === 0 && better(guided, kept)) return { ...plain, out: guided, algorithm: `${name} on the LP split over host models`, guided: true };
  return { ...plain, out: kept };
}

/**
 * The start of a guided packing: the policy's, except that the composite start of large instances ('ffd-or-mixed':
 * FFD, balanced fit, Next-K Fit over a shuffled order) becomes Next-K Fit over a shuffled order alone. Balanced fit
 * opens hosts for the volume of the whole pool, which a pool split by class cannot use (and it is the slow part), and
 * Next-K Fit made every guided start measured (fleet seeds 1–8, 29 000-replica fleets): the same plans, in half the time.
 */
function guidedStart(options: PackOptions): PackOptions {
  return options.rule === 'ffd-or-mixed' ? { ...options, rule: 'next-k-fit', order: 'shuffled' } : options;
}

/** The plan has placed everything at a cost no more than `target` (0: no target). */
const reached = (out: PackOutcome, target: number) => target > 0 && out.unplaced === 0 && out.cost <= target;

/**
 * Packs `e` starting from the LP's split: the constructive pass holds each replica to its host class (one more label
 * word: bit c on the hosts of class c and on the replicas the split puts there, none on replicas it leaves free), then
 * that word is lifted and the improvement phase goes on under the scenario's rules alone, free to move replicas
 * across classes (on the fleet generator's VMs this empties hosts a split held to the end cannot).
 */
function packGuided(scenario: Scenario, packer: Packer, e: Expansion, constraints: ConstraintPlan, guide: LpGuide, options: PackOptions): PackOutcome {
  const arena = encodeExpansion(e, packer, { ...constraints.shape, labelWords: (constraints.shape.labelWords ?? 0) + 1 });
  encodeConstraints(scenario, e.model, e, constraints, arena);
  const w = arena.labelWords, last = w - 1;
  const hostStarts = groupStarts(e.hosts), itemStarts = groupStarts(e.items);
  e.hosts.forEach((_, k) => {
    for (let h = hostStarts[k]; h < hostStarts[k + 1]; h++) arena.hostLabels[h * w + last] = 1 << guide.hostClass[k];
  });
  e.items.forEach((_, k) => {
    const split = guide.split[k];
    let i = itemStarts[k];
    split?.forEach((n, c) => { for (let q = 0; q < n; q++, i++) arena.itemLabels[i * w + last] = 1 << c; });
  });
  packer.pack({ ...guidedStart(options), iterations: 0 });
  packer.liftItemLabels(last);
  return packer.improve(options.iterations, options.targetCost);
}

/**
 * Packs the filled arena with `options`. In a pool of several host models the packer opens a mix of them first; where
 * that changed the order and the plan has not reached `options.targetCost`, the ranked order alone is packed too and
 * the better plan stands (fewer unplaced, then lower cost, then fewer hosts), with the options that made it: a mix
 * the packing cannot use (items too coarse for the fluid mix) never leaves a plan worse than one model first.
 */
export function packEitherOrder(packer: Packer, options: PackOptions): { out: PackOutcome; options: PackOptions } {
  const out = packer.pack(options);
  const target = options.targetCost;
  if (!out.mixedOrder || (target > 0 && out.unplaced === 0 && out.cost <= target)) return { out, options };
  const mixed = copyOutcome(out);
  const rankedOptions: PackOptions = { ...options, hostOrder: 'ranked' };
  const ranked = packer.pack(rankedOptions);
  return better(ranked, mixed) ? { out: ranked, options: rankedOptions } : { out: mixed, options };
}

/** Fewer unplaced, then lower cost (the objective's), then fewer hosts. */
function better(a: PackOutcome, b: PackOutcome): boolean {
  if (a.unplaced !== b.unplaced) return a.unplaced < b.unplaced;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.hostsUsed < b.hostsUsed;
}
