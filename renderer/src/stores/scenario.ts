// The scenario being planned, with its undo/redo history. The scenario is immutable data: every edit is a
// pure function (core/edit) that returns a new value sharing everything it did not change, so large
// scenarios stay out of deep reactivity, "changed since saved" is an identity check, and each history step
// costs only what changed.
// The history holds the whole document, variants included (so adding, renaming, updating or removing a
// variant is an undoable step and is saved with the file); `scenario` is the document without its variants —
// what every editor edits and the planner plans — and keeps its identity when only the variants change, so a
// variant kept does not make the shown result stale. Each variant is a snapshot: when the scenario changes,
// its changes are re-expressed against the new scenario (core/scenario/variants.ts).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { canRedo, canUndo, createHistory, record, redo, redoLabel, undo, undoLabel } from '../../../core/edit/history';
import { DEFAULT_EXAMPLE, exampleScenario } from '../../../core/examples/index';
import type { Scenario } from '../../../core/scenario/schema';
import { VariantSnapshots, variantBase, type ScenarioVariant } from '../../../core/scenario/variants';

/** What an edit did, as an i18n key with its parameters (so the Undo tooltip follows the language). */
export interface EditLabel {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

const NO_VARIANTS: readonly ScenarioVariant[] = Object.freeze([]);

/** Same top-level fields (by identity): two values of one scenario that differ in nothing else. */
function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

export const useScenarioStore = defineStore('scenario', () => {
  const history = shallowRef(createHistory<Scenario, EditLabel>(exampleScenario(DEFAULT_EXAMPLE), { key: 'edit.open' }));
  /** The whole document as it is saved, variants included. */
  const document = computed(() => history.value.present.value);
  const snapshots = new VariantSnapshots<Scenario>();
  const bases = new WeakMap<Scenario, Scenario>();
  let lastBase: Scenario | null = null;

  function baseOf(d: Scenario): Scenario {
    let b = bases.get(d);
    if (!b) {
      b = d.variants === undefined ? d : (variantBase(d) as Scenario);
      if (lastBase && b !== lastBase && sameFields(b, lastBase)) b = lastBase;
      bases.set(d, b);
    }
    lastBase = b;
    return b;
  }

  /** The scenario being edited and planned: the document without its variants. */
  const scenario = computed(() => baseOf(document.value));
  const variants = computed(() => document.value.variants ?? NO_VARIANTS);

  function compose(base: Scenario, list: readonly ScenarioVariant[]): Scenario {
    if (list.length === 0) return base;
    const d = { ...base, variants: list } as Scenario;
    bases.set(d, base);
    return d;
  }
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
    const before = scenario.value;
    if (next === before) return;
    const kept = variants.value.length > 0 ? snapshots.rebase(before, next, variants.value) : NO_VARIANTS;
    history.value = record(history.value, compose(next, kept), label, mergeKey);
  }

  /** Replaces the variants (the scenario stays) as one undoable step. */
  function commitVariants(next: readonly ScenarioVariant[], label: EditLabel): void {
    history.value = record(history.value, compose(scenario.value, next), label);
  }

  /** The scenario a variant stands for (the same object every time it is asked, while the variant is unchanged). */
  const variantScenario = (v: ScenarioVariant): Scenario => snapshots.of(scenario.value, v);

  /** Applies a pure edit to the current scenario. */
  function edit(change: (s: Scenario) => Scenario, label: EditLabel, mergeKey?: string): void {
    commit(change(scenario.value), label, mergeKey);
  }

  return {
    scenario, document, variants, summary, loads, replace, commit, edit, commitVariants, variantScenario,
    /** A variant value that is `snapshot` relative to the current scenario. */
    makeVariant: (id: string, name: string, snapshot: Scenario) => snapshots.make(scenario.value, id, name, snapshot),
    /** The variant renamed, still standing for the same scenario object. */
    renamedVariant: (v: ScenarioVariant, name: string) => snapshots.with(scenario.value, v, { name }),
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
