// The scenario store's undo/redo history and the file store's "unsaved" flag that follows it.
import { beforeEach, describe, expect, it } from 'vitest';
import { setServiceCell } from '../../../core/edit/services';
import { columnByKey } from '../../../core/edit/service-columns';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { useFileStore } from '../../../renderer/src/stores/file';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { freshPinia } from './support';

const replicas = columnByKey('replicas')!;

describe('scenario store history', () => {
  beforeEach(() => { freshPinia(); });

  it('undoes and redoes every edit, with labels, and the file is clean again after undoing to it', () => {
    const doc = useScenarioStore();
    const file = useFileStore();
    const start = doc.scenario;
    expect(doc.canUndo).toBe(false);
    doc.edit((s) => setServiceCell(s, 0, replicas, 20), { key: 'edit.cell', params: { column: 'Replicas', id: 'frontend' } });
    doc.edit((s) => setServiceCell(s, 1, replicas, 30), { key: 'edit.cell', params: { column: 'Replicas', id: 'api' } });
    expect(file.dirty).toBe(true);
    expect(doc.undoLabel).toEqual({ key: 'edit.cell', params: { column: 'Replicas', id: 'api' } });
    doc.undo();
    expect(doc.scenario.services[1].replicas).toBe(16);
    expect(doc.scenario.services[0].replicas).toBe(20);
    expect(doc.redoLabel?.params?.id).toBe('api');
    doc.undo();
    expect(doc.scenario).toBe(start);
    expect(file.dirty).toBe(false);
    doc.redo();
    doc.redo();
    expect(doc.scenario.services.map((x) => x.replicas).slice(0, 2)).toEqual([20, 30]);
    expect(doc.canRedo).toBe(false);
  });

  it('merges steps with the same key and records nothing for a no-op', () => {
    const doc = useScenarioStore();
    doc.edit((s) => setServiceCell(s, 0, replicas, 13), { key: 'edit.field' }, 'typing');
    doc.edit((s) => setServiceCell(s, 0, replicas, 14), { key: 'edit.field' }, 'typing');
    doc.edit((s) => s, { key: 'edit.field' });
    expect(doc.depth).toBe(1);
    doc.undo();
    expect(doc.scenario.services[0].replicas).toBe(12);
  });

  it('starts a fresh history when a scenario is loaded', () => {
    const doc = useScenarioStore();
    doc.edit((s) => setServiceCell(s, 0, replicas, 99), { key: 'edit.field' });
    const loads = doc.loads;
    doc.replace(exampleScenario(EXAMPLES[1]));
    expect(doc.canUndo).toBe(false);
    expect(doc.loads).toBe(loads + 1);
    expect(doc.scenario.name).toBe('Multi-tenant platform');
  });
});
