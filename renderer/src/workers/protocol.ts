import type { Comparison } from '../../../core/compare/result';
import type { ComparedModel } from '../../../core/model/isolation';
import type { ModelDual } from '../../../core/plan/dual';
import type { LpBestBound, PlanProgress, PlanResult } from '../../../core/plan/plan';
import type { ModelAnswer } from '../../../core/plan/result';
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
  /** The dual of the plan run `planId` of `scenario` (the worker re-plans when it no longer holds that run). */
  | { readonly kind: 'dual'; readonly id: number; readonly planId: number; readonly scenario: Scenario }
  /** Each model's best bound of the plan run `planId` with the LP relaxation in it (re-plans likewise). */
  | { readonly kind: 'bounds'; readonly id: number; readonly planId: number; readonly scenario: Scenario }
  | { readonly kind: 'simulate'; readonly id: number; readonly scenario: Scenario };

/** Plan stages, then the one-run comparison; the dual model by model. */
export type RunProgress = PlanProgress
  | { readonly model: null; readonly stage: 'compare' | 'simulate'; readonly done: number; readonly total: number }
  | { readonly model: ComparedModel; readonly stage: 'dual'; readonly done: number; readonly total: number };

/** The dual problem of each model of one plan run (core/plan/dual.ts), in the plan's model order. */
export interface PlanDual {
  /** `id`: the plan's model id ('container-in-vm-best' for a searched shape shown beside the configured one). */
  readonly models: readonly { readonly id: string; readonly model: ComparedModel; readonly dual: ModelDual }[];
  /** Wall-clock seconds the worker spent (LP relaxations and re-plans without each rule). */
  readonly seconds: number;
}

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: RunProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: PlanResult; readonly detail: PlacementDetail | null;
    readonly comparison: Comparison | null; readonly compareError: string }
  | { readonly type: 'simulation'; readonly id: number; readonly simulation: ScenarioSimulation }
  | { readonly type: 'dual'; readonly id: number; readonly dual: PlanDual }
  | { readonly type: 'bounds'; readonly id: number; readonly bounds: readonly LpBestBound[] }
  | { readonly type: 'invalid'; readonly id: number; readonly issues: readonly { readonly where: string; readonly message: string }[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The plan worker asks its models worker (models.worker.ts) to plan `models` of `scenario` (already validated). */
export interface ModelsRequest { readonly id: number; readonly scenario: Scenario; readonly models: readonly ComparedModel[] }

export type ModelsResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: PlanProgress }
  | { readonly type: 'answers'; readonly id: number; readonly answers: ModelAnswer[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
