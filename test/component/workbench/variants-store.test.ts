// Variants live in the document: keeping, renaming, updating, opening and removing one are undoable edits that
// make the file dirty and are saved with it; each stays the scenario it was kept as while the scenario is
// edited, keeps its result through renames and undo, and comes back from the saved file exactly.
import { beforeEach, describe, expect, it } from 'vitest';
import { columnByKey } from '../../../core/edit/service-columns';
import { setServiceCell } from '../../../core/edit/services';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { useFileStore } from '../../../renderer/src/stores/file';
import { usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { useVariantsStore } from '../../../renderer/src/stores/variants';
import { fakePlanner, freshPinia } from './support';

const replicas = columnByKey('replicas')!;

function setup() {
  const doc = useScenarioStore();
  const file = useFileStore();
  const plan = usePlanStore();
  plan.autoRun = false;
  const store = useVariantsStore();
  const planner = fakePlanner();
  store.usePlanner(planner);
  plan.usePlanner(fakePlanner());
  return { doc, file, plan, store, planner };
}

const overcommit = (doc: ReturnType<typeof useScenarioStore>, value: number) =>
  doc.edit((s) => ({ ...s, deployment: { ...s.deployment, vm: { ...s.deployment.vm, cpuOvercommit: value } } }), { key: 'edit.field' });

describe('variants store', () => {
  beforeEach(() => { freshPinia(); });

  it('keeps variants in the document as undoable steps, without touching the scenario the planner sees', () => {
    const { doc, file, store } = setup();
    const scenario = doc.scenario;
    store.addCurrent('as is');
    expect(doc.scenario).toBe(scenario); // same object: the shown result does not go stale
    expect(doc.document.variants).toEqual([{ id: '1', name: 'as is', changes: [] }]);
    expect(file.dirty).toBe(true);
    expect(store.variants[0].scenario).toBe(scenario);

    store.rename('1', 'baseline');
    expect(doc.undoLabel).toEqual({ key: 'edit.renameVariant', params: { name: 'baseline' } });
    doc.undo();
    expect(store.variants[0].name).toBe('as is');
    doc.undo();
    expect(store.variants).toEqual([]);
    expect(file.dirty).toBe(false);
    doc.redo();
    expect(store.variants.map((v) => v.name)).toEqual(['as is']);
  });

  it('a variant stays what it was kept as while the scenario changes, and keeps its result', async () => {
    const { doc, store, planner } = setup();
    const original = doc.scenario;
    store.addCurrent('1:1');
    overcommit(doc, 4);
    store.addCurrent('4:1');
    doc.edit((s) => setServiceCell(s, 0, replicas, 30), { key: 'edit.cell' });

    const [one, four] = store.variants;
    expect(one.scenario).toBe(original);
    expect(four.scenario.deployment.vm.cpuOvercommit).toBe(4);
    expect(four.scenario.services[0].replicas).toBe(original.services[0].replicas);
    expect(doc.document.variants!.map((v) => v.changes.map((c) => c.path))).toEqual([
      ['/deployment/vm/cpuOvercommit', `/services/${original.services[0].id}/replicas`],
      [`/services/${original.services[0].id}/replicas`],
    ]);

    const running = store.runAll();
    await planner.release();
    await planner.release();
    await running;
    expect(store.variants.map((v) => v.resultFor === v.scenario)).toEqual([true, true]);
    const hosts = store.variants[0].result!.models[0].hostsUsed;
    store.rename('1', 'one to one');
    doc.edit((s) => setServiceCell(s, 1, replicas, 2), { key: 'edit.cell' });
    expect(store.outdated).toBe(0); // a rename and an unrelated edit keep both results
    expect(store.variants[0].result!.models[0].hostsUsed).toBe(hosts);

    // Opening a variant makes it the scenario; the other variant stays what it was.
    store.open('1');
    expect(doc.scenario).toEqual(original);
    expect(store.variants[1].scenario.deployment.vm.cpuOvercommit).toBe(4);
    expect(doc.document.variants![0].changes).toEqual([]);
    store.updateFromCurrent('2');
    expect(doc.document.variants![1].changes).toEqual([]);
    store.remove('1');
    expect(store.variants.map((v) => v.name)).toEqual(['4:1']);
  });

  it('saves the variants with the file and opens them again as the same scenarios', () => {
    const { doc, file, store } = setup();
    store.addCurrent('as is');
    overcommit(doc, 3);
    doc.edit((s) => ({ ...s, services: s.services.slice(1) }), { key: 'edit.deleteServices' });
    store.addCurrent('fewer services');
    overcommit(doc, 1);
    const kept = store.variants.map((v) => v.scenario);
    const text = serialiseScenario(doc.document);
    expect(file.loadText(text, 'with-variants.hostfit.json', null)).toBe(true);
    expect(file.dirty).toBe(false);
    expect(store.variants.map((v) => v.name)).toEqual(['as is', 'fewer services']);
    expect(store.variants.map((v) => v.scenario)).toEqual(kept);
    expect(serialiseScenario(doc.document)).toBe(text);
  });
});
