// The models a result view shows: from the one-run comparison when the run made one (VM, container,
// container-in-VM, with racks, energy, cost, …), else from the plan (VM and container). Views read this list,
// so they work for the main run, variants and sweeps alike.
import type { Comparison, ModelResult } from '../../../core/compare/result';
import type { LowerBound } from '../../../core/plan/bounds';
import type { PoolShortfall } from '../../../core/plan/shortfall';
import type { PlanResult } from '../../../core/plan/plan';
import type { Dimension } from '../../../core/model/dimensions';

export interface ShownModel {
  /** 'vm', 'container', 'container-in-vm', 'container-in-vm-best'. */
  readonly id: string;
  readonly instances: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly unplacedBy: { readonly tooLarge: number; readonly noRoom: number; readonly maxItems: number; readonly noFlavour: number; readonly other?: number };
  readonly hostsUsed: number;
  readonly hostsInPool: number;
  /** The best, rule-aware bound (a resource or a rule of the scenario made it), and the gap to it. */
  readonly lowerBound: LowerBound;
  readonly gap: number | null;
  /** The volume bound alone (per resource, largest hosts first), which the Model tab's per-resource table shows. */
  readonly volumeBound: LowerBound;
  readonly utilisation: Readonly<Record<Dimension, number>>;
  /** Where the pool ran out: the plan's shortfall (core/plan/shortfall.ts). */
  readonly shortfall: PoolShortfall | null;
  /** Present when the models come from the comparison. */
  readonly full: ModelResult | null;
}

export function shownModels(result: PlanResult | null, comparison: Comparison | null): ShownModel[] {
  if (comparison) return comparison.models.map((m) => ({ ...m, ...best(m), full: m }));
  return (result?.models ?? []).map((m) => ({ ...m, ...best(m), id: m.model, full: null }));
}

/** Views show the best bound a model has (a spread rule can force more hosts than any resource). */
function best(m: { lowerBound: LowerBound; gap: number | null; bestLowerBound?: LowerBound; gapToBest?: number | null }) {
  return m.bestLowerBound
    ? { lowerBound: m.bestLowerBound, gap: m.gapToBest ?? null, volumeBound: m.lowerBound }
    : { lowerBound: m.lowerBound, gap: m.gap, volumeBound: m.lowerBound };
}

/** The deployment model an id belongs to (container-in-vm-best → container-in-vm), for instance words and colours. */
export const baseModel = (id: string): string => (id.startsWith('container-in-vm') ? 'container-in-vm' : id);
