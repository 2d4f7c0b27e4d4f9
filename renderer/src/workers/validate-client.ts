// Validation of the scenario being edited: in a worker for large scenarios, on the spot for small ones (and
// wherever workers do not exist, as in component tests). The latest request wins.
import { toRaw } from 'vue';
import { validateScenario, type Issue } from '../../../core/edit/validate';
import type { ValidateRequest, ValidateResponse } from './validate-protocol';

export class ValidateClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private waiting = new Map<number, (issues: readonly Issue[]) => void>();

  private ensureWorker(): Worker | undefined {
    if (typeof Worker === 'undefined') return undefined;
    if (!this.worker) {
      this.worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<ValidateResponse>) => {
        const resolve = this.waiting.get(event.data.id);
        this.waiting.delete(event.data.id);
        resolve?.(event.data.issues);
      };
    }
    return this.worker;
  }

  validate(scenario: unknown, inWorker: boolean): Promise<readonly Issue[]> {
    const worker = inWorker ? this.ensureWorker() : undefined;
    if (!worker) return Promise.resolve(validateScenario(scenario));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const request: ValidateRequest = { id, scenario: toRaw(scenario) };
      worker.postMessage(request);
    });
  }
}
