// Packs one deployment model's expansion with every placement rule of the scenario (tenants and isolation,
// spread, affinity, host labels, pod limits, cost objective; core/plan/constraints.ts) under the policy's
// algorithm. The plan (`hostfit plan`, the host map) and the one-run comparison (`hostfit compare`, the result
// table) both pack through here, so a model's host count is the same wherever it is shown.
import { copyInputs, type ArenaInputs, type Packer, type PackOptions, type PackOutcome } from '../kernel/packer';
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
  const out = packer.pack({ ...options, targetCost: scenario.policy.objective === 'hosts' ? poolBound : 0 });
  return { inputs, out, algorithm: name, options, poolBound };
}
