import type { Comparison } from '../../../core/compare/result';
import type { PlanProgress, PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioSimulation } from '../../../core/sim/scenario/run';
import type { PlacementDetail } from '../results/placement';

export interface PlanOptions {
  /** Also return the placement behind the numbers (for the host map); sweeps and variant runs skip it. */
  readonly detail?: boolean;
  /** Also compare VM, container and container-in-VM in one run (core/compare), with N+1 headroom if asked. */
  readonly compare?: boolean;
  readonly headroom?: boolean;
}

export type WorkerRequest =
  | { readonly kind: 'plan'; readonly id: number; readonly scenario: Scenario; readonly options: PlanOptions }
  | { readonly kind: 'simulate'; readonly id: number; readonly scenario: Scenario };

/** Plan stages, then the one-run comparison. */
export type RunProgress = PlanProgress | { readonly model: null; readonly stage: 'compare' | 'simulate'; readonly done: number; readonly total: number };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: RunProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: PlanResult; readonly detail: PlacementDetail | null;
    readonly comparison: Comparison | null; readonly compareError: string }
  | { readonly type: 'simulation'; readonly id: number; readonly simulation: ScenarioSimulation }
  | { readonly type: 'invalid'; readonly id: number; readonly issues: readonly { readonly where: string; readonly message: string }[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
