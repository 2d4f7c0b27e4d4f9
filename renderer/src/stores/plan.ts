// Runs of the planner in the worker: status, progress, cancel, and the last result (kept visible until a new
// one is ready). Small scenarios re-run by themselves a moment after each edit; large ones wait for Run. After each
// plan the same worker solves each model's LP relaxation and the shown bounds take it in where it is stronger (the
// plan is on screen meanwhile); then the dual problem of the shown result, by itself for small instances and on
// request otherwise. A new run cancels both.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Comparison } from '../../../core/compare/result';
import type { PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { PlacementDetail } from '../results/placement';
import { PlanClient, RunCancelled, ScenarioInvalid, type Planner } from '../workers/plan-client';
import { withLpBounds } from '../results/lp-bounds';
import type { PlanDual, RunProgress } from '../workers/protocol';
import { useScenarioStore } from './scenario';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled' | 'invalid';

/**
 * Auto-run up to this many services and replicas (a 10^5-replica estate plans its three models in a few seconds in
 * the worker; an edit during a run cancels it and the debounced re-run starts over).
 */
export const AUTO_RUN_LIMIT = { services: 3000, replicas: 200_000 };
export const AUTO_RUN_DELAY_MS = 400;

/** The dual (an LP per model and rule, a re-plan per rule) is computed by itself up to this size, on request beyond. */
export const AUTO_DUAL_LIMIT = { services: 60, replicas: 1000 };

export function dualIsAutomatic(s: Scenario): boolean {
  return s.services.length <= AUTO_DUAL_LIMIT.services
    && s.services.reduce((n, x) => n + (Number(x.replicas) || 0), 0) <= AUTO_DUAL_LIMIT.replicas;
}

export type DualStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

const AUTO_RUN_KEY = 'hostfit.autoRun';
const HEADROOM_KEY = 'hostfit.headroom';

export function isSmall(s: Scenario): boolean {
  return s.services.length <= AUTO_RUN_LIMIT.services
    && s.services.reduce((n, x) => n + (Number(x.replicas) || 0), 0) <= AUTO_RUN_LIMIT.replicas;
}

export const usePlanStore = defineStore('plan', () => {
  const doc = useScenarioStore();
  let client: Planner | undefined;
  const planner = (): Planner => (client ??= new PlanClient());

  const status = ref<RunStatus>('idle');
  const progress = shallowRef<RunProgress | null>(null);
  const result = shallowRef<PlanResult | null>(null);
  /** VM, container and container-in-VM from one run, with racks, energy, cost, isolation (core/compare). */
  const comparison = shallowRef<Comparison | null>(null);
  const compareError = ref('');
  /** Also size for the loss of any one host, rack or site (N+1): one re-pack per failure domain, so opt-in. */
  const headroom = ref(globalThis.localStorage?.getItem(HEADROOM_KEY) === 'on');
  const detail = shallowRef<PlacementDetail | null>(null);
  /** The scenario the shown result was computed from. */
  const resultScenario = shallowRef<Scenario | null>(null);
  const error = ref('');
  const invalid = shallowRef<readonly { where: string; message: string }[]>([]);
  const autoRun = ref(globalThis.localStorage?.getItem(AUTO_RUN_KEY) !== 'off');
  /** When the last run finished, and how long it took (ms). */
  const lastRunMs = ref<number | null>(null);

  /** The dual problem of `dualFor` (the result it belongs to), its status and progress. */
  const dual = shallowRef<PlanDual | null>(null);
  const dualFor = shallowRef<PlanResult | null>(null);
  const dualStatus = ref<DualStatus>('idle');
  const dualProgress = shallowRef<RunProgress | null>(null);
  const dualError = ref('');

  /** The LP relaxation's bounds for the shown result: running after each plan, then done (or why not). */
  const boundStatus = ref<DualStatus>('idle');
  const boundError = ref('');

  let latest = 0; // a new run supersedes the previous one; only the latest may change the state
  let latestDual = 0;
  let runId: number | undefined; // the worker's id of the shown result's run
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Computes the dual of the shown result in the plan worker (does nothing while a plan runs). */
  async function computeDual(): Promise<void> {
    const p = planner();
    const forResult = result.value, scenario = resultScenario.value;
    if (!p.dual || !forResult || !scenario || status.value === 'running') return;
    const token = ++latestDual;
    dual.value = null;
    dualFor.value = forResult;
    dualStatus.value = 'running';
    dualProgress.value = null;
    dualError.value = '';
    try {
      const answer = await p.dual(scenario, runId, (x) => { if (token === latestDual) dualProgress.value = x; });
      if (token !== latestDual) return;
      dual.value = answer;
      dualStatus.value = 'done';
    } catch (e) {
      if (token !== latestDual) return;
      dualStatus.value = e instanceof RunCancelled ? 'cancelled' : 'failed';
      dualError.value = e instanceof RunCancelled ? '' : e instanceof Error ? e.message : String(e);
    }
  }

  /** Tightens the shown result's bounds with the LP relaxation (the plan worker loads HiGHS on first use). */
  async function computeBounds(token: number): Promise<void> {
    const p = planner();
    const forResult = result.value, scenario = resultScenario.value;
    if (!p.bounds || !forResult || !scenario) return;
    boundStatus.value = 'running';
    boundError.value = '';
    try {
      const bounds = await p.bounds(scenario, runId);
      if (token !== latest || result.value !== forResult) return;
      const next = withLpBounds(forResult, comparison.value, bounds);
      result.value = next.result;
      comparison.value = next.comparison;
      boundStatus.value = 'done';
    } catch (e) {
      if (token !== latest) return;
      boundStatus.value = e instanceof RunCancelled ? 'cancelled' : 'failed';
      boundError.value = e instanceof RunCancelled ? '' : e instanceof Error ? e.message : String(e);
    }
  }

  function cancelDual(): void {
    if (dualStatus.value === 'running') planner().cancel();
  }

  async function run(scenario: Scenario = doc.scenario): Promise<void> {
    clearTimeout(timer);
    const token = ++latest;
    if (dualStatus.value === 'running') { latestDual++; dualStatus.value = 'idle'; } // the run below cancels it
    boundStatus.value = 'idle';
    status.value = 'running';
    progress.value = null;
    error.value = '';
    const started = performance.now();
    try {
      const next = await planner().run(scenario, (p) => { if (token === latest) progress.value = p; },
        { detail: true, compare: true, headroom: headroom.value });
      if (token !== latest) return;
      result.value = next.result;
      comparison.value = next.comparison;
      compareError.value = next.compareError;
      detail.value = next.detail ? Object.freeze(next.detail) : null;
      resultScenario.value = scenario;
      runId = next.runId;
      invalid.value = [];
      status.value = 'done';
      lastRunMs.value = performance.now() - started;
      await computeBounds(token);
      if (token === latest && dualIsAutomatic(scenario)) void computeDual();
    } catch (e) {
      if (token !== latest) return;
      if (e instanceof RunCancelled) status.value = 'cancelled';
      else if (e instanceof ScenarioInvalid) {
        status.value = 'invalid';
        invalid.value = e.issues;
      } else {
        status.value = 'failed';
        error.value = e instanceof Error ? e.message : String(e);
      }
    }
  }

  function cancel(): void {
    clearTimeout(timer);
    if (status.value === 'running') planner().cancel();
  }

  /** After an edit: re-run small scenarios once the planner pauses typing. */
  function scheduleAutoRun(s: Scenario): void {
    clearTimeout(timer);
    if (!autoRun.value || !isSmall(s)) return;
    timer = setTimeout(() => { if (doc.scenario === s) void run(s); }, AUTO_RUN_DELAY_MS);
  }

  /**
   * Forgets the shown result and all that belongs to it (comparison, placements, bounds, dual): after a document is
   * loaded it is another scenario's, and its numbers must not stand beside the new name, not even dimmed while the new
   * plan runs or after that run is cancelled.
   */
  function clearResult(): void {
    result.value = null;
    comparison.value = null;
    compareError.value = '';
    detail.value = null;
    resultScenario.value = null;
    runId = undefined;
    lastRunMs.value = null;
    latestDual++;
    dual.value = null;
    dualFor.value = null;
    dualStatus.value = 'idle';
    dualProgress.value = null;
    dualError.value = '';
    boundStatus.value = 'idle';
    boundError.value = '';
  }

  watch(() => doc.scenario, (s) => scheduleAutoRun(s));
  watch(() => doc.loads, () => { clearResult(); void run(doc.scenario); });
  watch(headroom, (on) => {
    globalThis.localStorage?.setItem(HEADROOM_KEY, on ? 'on' : 'off');
    if (on && result.value && !comparison.value?.models.some((m) => m.headroom)) void run(doc.scenario);
  });
  watch(autoRun, (on) => {
    globalThis.localStorage?.setItem(AUTO_RUN_KEY, on ? 'on' : 'off');
    if (on && resultScenario.value !== doc.scenario) scheduleAutoRun(doc.scenario);
  });

  return {
    status, progress, result, comparison, compareError, headroom, detail, resultScenario, error, invalid, autoRun, lastRunMs, run, cancel,
    dual, dualFor, dualStatus, dualProgress, dualError, computeDual, cancelDual, boundStatus, boundError,
    /** The shown result is from an earlier version of the scenario. */
    stale: computed(() => result.value !== null && resultScenario.value !== doc.scenario),
    /** For tests: plan with a different client (no worker). */
    usePlanner: (p: Planner) => { client = p; },
  };
});
