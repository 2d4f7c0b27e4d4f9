// Runs of the planner in the worker: status, progress, and the last result (kept visible until a new one is ready).
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { PlanProgress, PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import { PlanClient, RunCancelled } from '../workers/plan-client';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export const usePlanStore = defineStore('plan', () => {
  const client = new PlanClient();
  const status = ref<RunStatus>('idle');
  const progress = shallowRef<PlanProgress | null>(null);
  const result = shallowRef<PlanResult | null>(null);
  const error = ref('');

  let latest = 0; // a new run supersedes the previous one; only the latest may change the state

  async function run(scenario: Scenario): Promise<void> {
    const token = ++latest;
    status.value = 'running';
    progress.value = null;
    error.value = '';
    try {
      const next = await client.run(scenario, (p) => { if (token === latest) progress.value = p; });
      if (token !== latest) return;
      result.value = next;
      status.value = 'done';
    } catch (e) {
      if (token !== latest) return;
      if (e instanceof RunCancelled) status.value = 'cancelled';
      else {
        status.value = 'failed';
        error.value = e instanceof Error ? e.message : String(e);
      }
    }
  }

  function cancel(): void {
    if (status.value === 'running') client.cancel();
  }

  return { status, progress, result, error, run, cancel };
});
