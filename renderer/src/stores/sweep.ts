// A parameter sweep: the current scenario planned once per value of one parameter (e.g. vCPU overcommit
// 1, 2, 4, 8), in a worker of its own, drawn as lines parameter → hosts.
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { parsePath } from '../../../core/edit/json-path';
import { withParameter } from '../../../core/edit/sweep';
import type { Comparison } from '../../../core/compare/result';
import type { PlanResult } from '../../../core/plan/plan';
import { PlanClient, RunCancelled, type Planner } from '../workers/plan-client';
import { useScenarioStore } from './scenario';

export interface SweepPoint {
  readonly value: number;
  readonly result: PlanResult | null;
  readonly comparison: Comparison | null;
  readonly error: string;
}

export const useSweepStore = defineStore('sweep', () => {
  const doc = useScenarioStore();
  let client: Planner | undefined;
  const planner = (): Planner => (client ??= new PlanClient());

  const path = ref('deployment.vm.cpuOvercommit');
  const points = shallowRef<readonly SweepPoint[]>([]);
  const running = ref(false);
  const done = ref(0);
  const total = ref(0);
  /** The parameter the shown points are for. */
  const sweptPath = ref('');
  let token = 0;

  async function run(values: readonly number[]): Promise<void> {
    const mine = ++token;
    const base = doc.scenario;
    const segments = parsePath(path.value);
    sweptPath.value = path.value;
    points.value = [];
    running.value = true;
    done.value = 0;
    total.value = values.length;
    for (const value of values) {
      try {
        const out = await planner().run(withParameter(base, segments, value), () => {}, { compare: true });
        if (mine !== token) return;
        points.value = [...points.value, { value, result: out.result, comparison: out.comparison, error: '' }];
      } catch (e) {
        if (mine !== token) return;
        if (e instanceof RunCancelled) break;
        points.value = [...points.value, { value, result: null, comparison: null, error: e instanceof Error ? e.message : String(e) }];
      }
      done.value++;
    }
    if (mine === token) running.value = false;
  }

  function cancel(): void {
    token++;
    planner().cancel();
    running.value = false;
  }

  // A loaded document is another scenario: the points swept from the last one are not shown for it.
  watch(() => doc.loads, () => {
    if (running.value) cancel();
    points.value = [];
    sweptPath.value = '';
    done.value = 0;
    total.value = 0;
  }, { flush: 'sync' }); // at once: a sweep started right after the load is the new document's

  return { path, points, running, done, total, sweptPath, run, cancel, usePlanner: (p: Planner) => { client = p; } };
});
