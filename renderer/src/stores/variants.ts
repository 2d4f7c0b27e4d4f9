// Named variants of a scenario ("overcommit 2:1", "overcommit 4:1", …): snapshots of the scenario the planner
// keeps side by side, runs in a worker of their own (so they never cancel the main run) and compares. A
// snapshot is the immutable scenario value itself, so keeping many costs little.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Comparison } from '../../../core/compare/result';
import type { PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import { PlanClient, RunCancelled, type Planner } from '../workers/plan-client';
import { usePlanStore } from './plan';
import { useScenarioStore } from './scenario';

export interface Variant {
  readonly id: number;
  readonly name: string;
  readonly scenario: Scenario;
  readonly result: PlanResult | null;
  readonly comparison: Comparison | null;
  /** The result belongs to this scenario value (a variant updated since its run is out of date). */
  readonly resultFor: Scenario | null;
  readonly error: string;
}

export const useVariantsStore = defineStore('variants', () => {
  const doc = useScenarioStore();
  const plan = usePlanStore();
  let client: Planner | undefined;
  const planner = (): Planner => (client ??= new PlanClient());

  const variants = shallowRef<readonly Variant[]>([]);
  const running = ref<number | null>(null);
  let nextId = 1;
  let cancelled = false;

  function patch(id: number, change: Partial<Variant>): void {
    variants.value = variants.value.map((v) => (v.id === id ? { ...v, ...change } : v));
  }

  function uniqueName(base: string): string {
    const names = new Set(variants.value.map((v) => v.name));
    if (!names.has(base)) return base;
    for (let n = 2; ; n++) if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
  }

  /** Keeps the current scenario as a variant (reusing the current result when it is up to date). */
  function addCurrent(name: string): Variant {
    const s = doc.scenario;
    const upToDate = plan.resultScenario === s && plan.result !== null;
    const v: Variant = { id: nextId++, name: uniqueName(name.trim() || s.name), scenario: s,
      result: upToDate ? plan.result : null, comparison: upToDate ? plan.comparison : null, resultFor: upToDate ? s : null, error: '' };
    variants.value = [...variants.value, v];
    return v;
  }

  const rename = (id: number, name: string) => { if (name.trim()) patch(id, { name: name.trim() }); };
  const remove = (id: number) => { variants.value = variants.value.filter((v) => v.id !== id); };
  /** Replaces the variant's snapshot with the current scenario. */
  const updateFromCurrent = (id: number) => patch(id, { scenario: doc.scenario });

  /** Opens the variant in the editor (one undoable step). */
  function open(id: number): void {
    const v = variants.value.find((x) => x.id === id);
    if (v) doc.commit(v.scenario, { key: 'edit.openVariant', params: { name: v.name } });
  }

  /** Runs every variant whose result is missing or out of date, one after another. */
  async function runAll(): Promise<void> {
    cancelled = false;
    for (const v of variants.value) {
      if (cancelled) break;
      const current = variants.value.find((x) => x.id === v.id);
      if (!current || current.resultFor === current.scenario) continue;
      running.value = v.id;
      try {
        const out = await planner().run(current.scenario, () => {}, { compare: true });
        patch(v.id, { result: out.result, comparison: out.comparison, resultFor: current.scenario, error: '' });
      } catch (e) {
        if (e instanceof RunCancelled) break;
        patch(v.id, { result: null, comparison: null, resultFor: null, error: e instanceof Error ? e.message : String(e) });
      }
    }
    running.value = null;
  }

  function cancel(): void {
    cancelled = true;
    planner().cancel();
  }

  return {
    variants, running, addCurrent, rename, remove, updateFromCurrent, open, runAll, cancel,
    outdated: computed(() => variants.value.filter((v) => v.resultFor !== v.scenario).length),
    usePlanner: (p: Planner) => { client = p; },
  };
});
