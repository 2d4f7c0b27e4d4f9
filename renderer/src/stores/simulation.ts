// A dynamic run of the scenario: its services follow their utilisation traces over time under the VM model
// (live migration), the container model (pods on bare metal, restarted elsewhere) and the container-in-VM model
// (pods in node VMs: a Kubernetes node pool or ContainerCloudSim's consolidation), with the scenario's simulation
// settings (core/sim). Run on request, in a worker of its own; the time series are drawn with zoom.
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioSimulation } from '../../../core/sim/scenario/run';
import { PlanClient, RunCancelled, ScenarioInvalid, type Planner } from '../workers/plan-client';
import { useScenarioStore } from './scenario';

export const useSimulationStore = defineStore('simulation', () => {
  const doc = useScenarioStore();
  let client: Planner | undefined;
  const planner = (): Planner => (client ??= new PlanClient());
  const status = ref<'idle' | 'running' | 'done' | 'failed' | 'cancelled'>('idle');
  const result = shallowRef<ScenarioSimulation | null>(null);
  const resultFor = shallowRef<Scenario | null>(null);
  const error = ref('');
  let token = 0;

  async function run(): Promise<void> {
    const mine = ++token;
    const s = doc.scenario;
    status.value = 'running';
    error.value = '';
    try {
      const out = await planner().simulate(s, () => {});
      if (mine !== token) return;
      result.value = out;
      resultFor.value = s;
      status.value = 'done';
    } catch (e) {
      if (mine !== token) return;
      if (e instanceof RunCancelled) { status.value = 'cancelled'; return; }
      status.value = 'failed';
      error.value = e instanceof ScenarioInvalid ? e.issues.map((i) => `${i.where}: ${i.message}`).join('\n') : e instanceof Error ? e.message : String(e);
    }
  }

  function cancel(): void {
    token++;
    planner().cancel();
    status.value = 'cancelled';
  }

  // A loaded document is another scenario: its simulation (or one still running for the last) is not shown for it.
  watch(() => doc.loads, () => {
    if (status.value === 'running') cancel();
    result.value = null;
    resultFor.value = null;
    error.value = '';
    status.value = 'idle';
  }, { flush: 'sync' }); // at once: a run started right after the load is the new document's

  return { status, result, resultFor, error, run, cancel, usePlanner: (p: Planner) => { client = p; } };
});
