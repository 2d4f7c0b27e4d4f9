// Promise-based access to the plan worker. Cancel terminates the worker (the kernel call is synchronous, so
// that is the only way to stop it) and the next run starts a fresh one.
import type { PlanProgress, PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { WorkerRequest, WorkerResponse } from './protocol';

export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class PlanClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | undefined;

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  run(scenario: Scenario, onProgress: (p: PlanProgress) => void): Promise<PlanResult> {
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<PlanResult>((resolve, reject) => {
      this.pending = { id, reject };
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') onProgress(msg.progress);
        else {
          this.pending = undefined;
          if (msg.type === 'result') resolve(msg.result);
          else reject(new Error(msg.message));
        }
      };
      worker.onerror = (event) => {
        this.pending = undefined;
        reject(new Error(event.message || 'the planner worker failed'));
      };
      // Structured clone of a plain JSON scenario (strip Vue proxies first).
      const request: WorkerRequest = { id, scenario: JSON.parse(JSON.stringify(scenario)) };
      worker.postMessage(request);
    });
  }

  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.reject(new RunCancelled());
    this.pending = undefined;
  }
}
