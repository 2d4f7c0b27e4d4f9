// The models a result view shows: from the one-run comparison when the run made one (VM, container,
// container-in-VM, with racks, energy, cost, …), else from the plan (VM and container). Views read this list,
// so they work for the main run, variants and sweeps alike.
import type { Comparison, ModelResult } from '../../../core/compare/result';
import type { LowerBound } from '../../../core/plan/bounds';
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
  readonly lowerBound: LowerBound;
  readonly gap: number | null;
  readonly utilisation: Readonly<Record<Dimension, number>>;
  /** Present when the models come from the comparison. */
  readonly full: ModelResult | null;
}

export function shownModels(result: PlanResult | null, comparison: Comparison | null): ShownModel[] {
  if (comparison) return comparison.models.map((m) => ({ ...m, full: m }));
  return (result?.models ?? []).map((m) => ({ ...m, id: m.model, full: null }));
}

/** The deployment model an id belongs to (container-in-vm-best → container-in-vm), for instance words and colours. */
export const baseModel = (id: string): string => (id.startsWith('container-in-vm') ? 'container-in-vm' : id);
