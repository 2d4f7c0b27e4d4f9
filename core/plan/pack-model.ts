// Packs one deployment model's expansion with every placement rule of the scenario (tenants and isolation,
// spread, affinity, host labels, pod limits, cost objective; core/plan/constraints.ts) under the policy's
// algorithm. The plan (`hostfit plan`, the host map) and the one-run comparison (`hostfit compare`, the result
// table) both pack through here, so a model's host count is the same wherever it is shown.
import { copyInputs, copyOutcome, type ArenaInputs, type Packer, type PackOptions, type PackOutcome } from '../kernel/packer';
import { DIMENSIONS } from '../model/dimensions';
import type { Expansion } from '../model/expansion';
import { algorithmFor, packOptions } from '../pack/algorithms';
import type { Scenario } from '../scenario/schema';
import { bestOf, planLowerBound, rulesLowerBound } from './bounds';
import { encodeConstraints, planConstraints } from './constraints';
import { encodeExpansion, totalCount } from './encode';

export interface ModelPacking {
  /** The arena as filled before packing (for the verifier, explanations and sizing re-packs). */
  readonly inputs: ArenaInputs;
  /** The packer's answer; its arrays may be views of kernel memory, valid until the packer packs again. */
  readonly out: PackOutcome;
  /** Algorithm actually run ("best" resolved to its parts). */
  readonly algorithm: string;
  readonly options: PackOptions;
  /** Hosts every item of the expansion needs at least (the bound on the whole pool, before packing). */
  readonly poolBound: number;
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

export function packModel(scenario: Scenario, packer: Packer, e: Expansion): ModelPacking {
  const constraints = planConstraints(scenario, e);
  const arena = encodeExpansion(e, packer, constraints.shape);
  encodeConstraints(scenario, e.model, e, constraints, arena);
  const inputs = copyInputs(arena);
  const { name, options } = policyOptions(scenario, totalCount(e.items));
  const poolBound = bestOf(planLowerBound(e, null), rulesLowerBound(scenario, e.model, e, null)).hosts ?? 0;
  // The improvement phase may stop once the count reaches a proven bound (counting hosts, identical or not).
  const targetCost = scenario.policy.objective === 'hosts' ? poolBound : 0;
  const packed = packEitherOrder(packer, { ...options, targetCost });
  return { inputs, out: packed.out, algorithm: name, options: { ...packed.options, targetCost: options.targetCost }, poolBound };
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
