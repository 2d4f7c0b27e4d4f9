// The scenario being planned, with its undo/redo history. The scenario is immutable data: every edit is a
// pure function (core/edit) that returns a new value sharing everything it did not change, so large
// scenarios stay out of deep reactivity, "changed since saved" is an identity check, and each history step
// costs only what changed.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { canRedo, canUndo, createHistory, record, redo, redoLabel, undo, undoLabel } from '../../../core/edit/history';
import { DEFAULT_EXAMPLE, exampleScenario } from '../../../core/examples/index';
import type { Scenario } from '../../../core/scenario/schema';

/** What an edit did, as an i18n key with its parameters (so the Undo tooltip follows the language). */
export interface EditLabel {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const useScenarioStore = defineStore('scenario', () => {
  const history = shallowRef(createHistory<Scenario, EditLabel>(exampleScenario(DEFAULT_EXAMPLE), { key: 'edit.open' }));
  const scenario = computed(() => history.value.present.value);
  /** Counts scenarios loaded (not edited): a newly opened scenario is planned at once, whatever its size. */
  const loads = ref(0);

  const summary = computed(() => {
    const s = scenario.value;
    const racks = s.sites.flatMap((site) => site.racks);
    return {
      hostModels: s.hostModels.length,
      sites: s.sites.length,
      racks: racks.length,
      hosts: racks.flatMap((r) => r.hosts).reduce((n, g) => n + (Number(g.count) || 0), 0),
      tenants: s.tenants.length,
      services: s.services.length,
      replicas: s.services.reduce((n, x) => n + (Number(x.replicas) || 0), 0),
    };
  });

  /** Shows a scenario that was loaded (file, example, recovery): a fresh history starts with it. */
  function replace(next: Scenario): void {
    history.value = createHistory<Scenario, EditLabel>(next, { key: 'edit.open' });
    loads.value++;
  }

  /** Makes `next` current as one undoable step. Steps with the same `mergeKey` in a row merge into one. */
  function commit(next: Scenario, label: EditLabel, mergeKey?: string): void {
    history.value = record(history.value, next, label, mergeKey);
  }

  /** Applies a pure edit to the current scenario. */
  function edit(change: (s: Scenario) => Scenario, label: EditLabel, mergeKey?: string): void {
    commit(change(scenario.value), label, mergeKey);
  }

  return {
    scenario, summary, loads, replace, commit, edit,
    undo: () => { history.value = undo(history.value); },
    redo: () => { history.value = redo(history.value); },
    canUndo: computed(() => canUndo(history.value)),
    canRedo: computed(() => canRedo(history.value)),
    undoLabel: computed(() => undoLabel(history.value)),
    redoLabel: computed(() => redoLabel(history.value)),
    /** Undo steps available (for tests and the status line). */
    depth: computed(() => history.value.past.length),
  };
});
