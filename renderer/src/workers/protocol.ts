import type { PlanProgress, PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';

export interface WorkerRequest {
  readonly id: number;
  readonly scenario: Scenario;
}

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: PlanProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: PlanResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
