// Plans some of a scenario's deployment models for the plan worker, on another core, while the plan worker plans the
// others (plan.worker.ts): the answers come back whole, for the comparison and the host map to read.
import { planModels } from '../../../core/plan/plan';
import { workerPacker } from './worker-kernel';
import type { ModelsRequest, ModelsResponse } from './protocol';

const post = (message: ModelsResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<ModelsRequest>) => {
  const { id, scenario, models } = event.data;
  try {
    const { answers } = planModels(scenario, workerPacker(), models, (progress) => post({ type: 'progress', id, progress }));
    post({ type: 'answers', id, answers });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
};
