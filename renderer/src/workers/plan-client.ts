// Promise-based access to a plan worker. Cancel terminates the worker (the kernel call is synchronous, so
// that is the only way to stop it) and the next run starts a fresh one.
import { toRaw } from 'vue';
import type { Comparison } from '../../../core/compare/result';
import type { LpBestBound, PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioSimulation } from '../../../core/sim/scenario/run';
import type { PlacementDetail } from '../results/placement';
import type { PlanDual, PlanOptions, RunProgress, WorkerRequest, WorkerResponse } from './protocol';

export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The scenario did not pass the file validator (or the simulator's checks); `issues` say where. */
export class ScenarioInvalid extends Error {
  constructor(readonly issues: readonly { readonly where: string; readonly message: string }[]) {
    super(issues.map((i) => `${i.where}: ${i.message}`).join('\n'));
  }
}

export interface PlanRun {
  readonly result: PlanResult;
  readonly detail: PlacementDetail | null;
  readonly comparison: Comparison | null;
  /** Why the comparison is missing when it was asked for. */
  readonly compareError: string;
  /** The worker's id of the run, for asking its dual (absent: the dual re-plans). */
  readonly runId?: number;
}

/** What the stores need of a plan client (component tests pass a fake). */
export interface Planner {
  run(scenario: Scenario, onProgress: (p: RunProgress) => void, options?: PlanOptions): Promise<PlanRun>;
  simulate(scenario: Scenario, onProgress: (p: RunProgress) => void): Promise<ScenarioSimulation>;
  /** The dual problem of run `runId` of `scenario` (LP relaxation, prices, rule costs); a newer run cancels it. */
  dual?(scenario: Scenario, runId: number | undefined, onProgress: (p: RunProgress) => void): Promise<PlanDual>;
  /** Each model's best bound of run `runId` with the LP relaxation in it; a newer run cancels it. */
  bounds?(scenario: Scenario, runId: number | undefined): Promise<readonly LpBestBound[]>;
  cancel(): void;
}

export class PlanClient implements Planner {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | undefined;

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  private request<T>(make: (id: number) => WorkerRequest, onProgress: (p: RunProgress) => void,
    accept: (msg: WorkerResponse) => T | undefined): Promise<T> {
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending = { id, reject };
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') {
          onProgress(msg.progress);
          return;
        }
        this.pending = undefined;
        if (msg.type === 'invalid') reject(new ScenarioInvalid(msg.issues));
        else if (msg.type === 'error') reject(new Error(msg.message));
        else {
          const value = accept(msg);
          if (value === undefined) reject(new Error(`unexpected answer from the planner worker: ${msg.type}`));
          else resolve(value);
        }
      };
      worker.onerror = (event) => {
        this.pending = undefined;
        reject(new Error(event.message || 'the planner worker failed'));
      };
      // The scenario is plain immutable data (no Vue proxies inside a shallowRef): structured clone copies it as is.
      worker.postMessage(make(id));
    });
  }

  run(scenario: Scenario, onProgress: (p: RunProgress) => void, options: PlanOptions = {}): Promise<PlanRun> {
    return this.request((id) => ({ kind: 'plan', id, scenario: toRaw(scenario), options }), onProgress,
      (msg) => (msg.type === 'result' ? { result: msg.result, detail: msg.detail, comparison: msg.comparison, compareError: msg.compareError, runId: msg.id } : undefined));
  }

  dual(scenario: Scenario, runId: number | undefined, onProgress: (p: RunProgress) => void): Promise<PlanDual> {
    return this.request((id) => ({ kind: 'dual', id, planId: runId ?? -1, scenario: toRaw(scenario) }), onProgress,
      (msg) => (msg.type === 'dual' ? msg.dual : undefined));
  }

  bounds(scenario: Scenario, runId: number | undefined): Promise<readonly LpBestBound[]> {
    return this.request((id) => ({ kind: 'bounds', id, planId: runId ?? -1, scenario: toRaw(scenario) }), () => {},
      (msg) => (msg.type === 'bounds' ? msg.bounds : undefined));
  }

  simulate(scenario: Scenario, onProgress: (p: RunProgress) => void): Promise<ScenarioSimulation> {
    return this.request((id) => ({ kind: 'simulate', id, scenario: toRaw(scenario) }), onProgress,
      (msg) => (msg.type === 'simulation' ? msg.simulation : undefined));
  }

  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.reject(new RunCancelled());
    this.pending = undefined;
  }
}
