// Named variants of a scenario ("overcommit 2:1", "overcommit 4:1", …): snapshots the planner keeps side by side,
// runs in a worker of their own (so they never cancel the main run) and compares. They live in the scenario
// document (saved with the file, every change undoable: stores/scenario.ts); this store adds their results.
// A result belongs to the scenario object a variant stands for, so it stays valid through renames, undo and
// edits of the scenario that leave the variant as it was.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Comparison } from '../../../core/compare/result';
import type { PlanResult } from '../../../core/plan/plan';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioVariant } from '../../../core/scenario/variants';
import { PlanClient, RunCancelled, type Planner } from '../workers/plan-client';
import { usePlanStore } from './plan';
import { useScenarioStore } from './scenario';

export interface Variant {
  readonly id: string;
  readonly name: string;
  readonly scenario: Scenario;
  readonly result: PlanResult | null;
  readonly comparison: Comparison | null;
  /** The result belongs to this scenario value (a variant updated since its run is out of date). */
  readonly resultFor: Scenario | null;
  readonly error: string;
}

interface Outcome {
  readonly result: PlanResult | null;
  readonly comparison: Comparison | null;
  readonly error: string;
}

export const useVariantsStore = defineStore('variants', () => {
  const doc = useScenarioStore();
  const plan = usePlanStore();
  let client: Planner | undefined;
  const planner = (): Planner => (client ??= new PlanClient());

  /** Results by the scenario object they were computed for. */
  const outcomes = new WeakMap<Scenario, Outcome>();
  const revision = ref(0); // WeakMaps are not reactive: bumped on every new outcome
  const running = ref<string | null>(null);
  let cancelled = false;

  // The main run's result is kept for the scenario it was computed for, so a variant kept from that scenario
  // keeps its result after the planner edits on and the main run moves to the next scenario.
  watch(() => [plan.result, plan.resultScenario] as const, ([result, scenario]) => {
    if (result && scenario && !outcomes.has(scenario)) {
      outcomes.set(scenario, { result, comparison: plan.comparison, error: '' });
      revision.value++;
    }
  });

  function outcomeOf(s: Scenario): Outcome | undefined {
    const own = outcomes.get(s);
    if (own) return own;
    // The main run's result, when it is for this very scenario (a variant of the scenario as it is).
    if (plan.resultScenario === s && plan.result) return { result: plan.result, comparison: plan.comparison, error: '' };
    return undefined;
  }

  const variants = computed<readonly Variant[]>(() => {
    void revision.value;
    return doc.variants.map((v) => {
      const scenario = doc.variantScenario(v);
      const out = outcomeOf(scenario);
      return {
        id: v.id, name: v.name, scenario,
        result: out?.result ?? null, comparison: out?.comparison ?? null, resultFor: out && !out.error ? scenario : null, error: out?.error ?? '',
      };
    });
  });

  const find = (id: string): ScenarioVariant | undefined => doc.variants.find((v) => v.id === id);

  function uniqueName(base: string): string {
    const names = new Set(doc.variants.map((v) => v.name));
    if (!names.has(base)) return base;
    for (let n = 2; ; n++) if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
  }

  function nextId(): string {
    const ids = new Set(doc.variants.map((v) => v.id));
    for (let n = doc.variants.length + 1; ; n++) if (!ids.has(String(n))) return String(n);
  }

  /** Keeps the current scenario as a variant (its result, when up to date, comes with it). */
  function addCurrent(name: string): Variant {
    const s = doc.scenario;
    const kept = doc.makeVariant(nextId(), uniqueName(name.trim() || s.name), s);
    doc.commitVariants([...doc.variants, kept], { key: 'edit.addVariant', params: { name: kept.name } });
    return variants.value.find((v) => v.id === kept.id)!;
  }

  function rename(id: string, name: string): void {
    const v = find(id);
    if (!v || !name.trim() || name.trim() === v.name) return;
    const next = doc.renamedVariant(v, name.trim());
    doc.commitVariants(doc.variants.map((x) => (x.id === id ? next : x)), { key: 'edit.renameVariant', params: { name: next.name } });
  }

  function remove(id: string): void {
    const v = find(id);
    if (v) doc.commitVariants(doc.variants.filter((x) => x.id !== id), { key: 'edit.removeVariant', params: { name: v.name } });
  }

  /** Replaces the variant's snapshot with the current scenario. */
  function updateFromCurrent(id: string): void {
    const v = find(id);
    if (!v) return;
    const next = doc.makeVariant(v.id, v.name, doc.scenario);
    doc.commitVariants(doc.variants.map((x) => (x.id === id ? next : x)), { key: 'edit.updateVariant', params: { name: v.name } });
  }

  /** Opens the variant in the editor (one undoable step; the other variants stay what they are). */
  function open(id: string): void {
    const v = find(id);
    if (v) doc.commit(doc.variantScenario(v), { key: 'edit.openVariant', params: { name: v.name } });
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
        outcomes.set(current.scenario, { result: out.result, comparison: out.comparison, error: '' });
      } catch (e) {
        if (e instanceof RunCancelled) break;
        outcomes.set(current.scenario, { result: null, comparison: null, error: e instanceof Error ? e.message : String(e) });
      }
      revision.value++;
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
