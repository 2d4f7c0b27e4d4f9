// CSV import previews each line with its problems and imports only the good ones; bulk edit changes every
// selected service in one step; parameter panels show default, unit and source and reset to the default.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BulkEditDialog from '../../../renderer/src/components/editor/BulkEditDialog.vue';
import CsvImportDialog from '../../../renderer/src/components/editor/CsvImportDialog.vue';
import ParameterPanel from '../../../renderer/src/components/editor/ParameterPanel.vue';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { mountWith } from './mount';

describe('CSV import dialog', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('previews per-line problems and imports the valid lines in one step', async () => {
    const w = mountWith(CsvImportDialog);
    const doc = useScenarioStore();
    await w.get('[data-testid="import-text"]').setValue('id,name,tenant,replicas,cpu,memory\nbilling,Billing,shop,3,2,4\nbroken,Broken,shop,-2,1,1\n');
    vi.advanceTimersByTime(200);
    await flushPromises();
    expect(w.get('[data-testid="import-summary"]').text()).toContain('1 to add');
    expect(w.get('[data-testid="import-line-3"]').text()).toMatch(/Replicas: Too small/);
    await w.get('[data-testid="import-apply"]').trigger('click');
    expect(doc.scenario.services.at(-1)!.id).toBe('billing');
    expect(doc.scenario.services.some((x) => x.id === 'broken')).toBe(false);
    expect(w.emitted('close')).toHaveLength(1);
    w.unmount();
  });
});

describe('bulk edit dialog', () => {
  it('multiplies replicas of the selected services, rounded, as one undoable step', async () => {
    const w = mountWith(BulkEditDialog, { props: { rows: [0, 1] } });
    const doc = useScenarioStore();
    await w.get('[data-testid="bulk-column"]').setValue('replicas');
    await w.get('[data-testid="bulk-op"]').setValue('multiply');
    await w.get('[data-testid="bulk-value"]').setValue('1.25');
    await w.get('[data-testid="bulk-apply"]').trigger('click');
    expect(doc.scenario.services.slice(0, 3).map((x) => x.replicas)).toEqual([15, 20, 4]);
    expect(doc.depth).toBe(1);
    w.unmount();
  });
});

describe('parameter panel', () => {
  it('shows each parameter with its default, unit and source, marks changes and resets them', async () => {
    const w = mountWith(ParameterPanel, { props: { groups: 'deployment' } });
    const doc = useScenarioStore();
    const row = w.get('[data-testid="param-deployment.vm.cpuOvercommit"]');
    expect(row.text()).toContain('vCPU overcommit');
    expect(row.text()).toContain('vCPU : logical CPU');
    expect(row.text()).toMatch(/OpenStack Nova cpu_allocation_ratio/);
    const input = w.get('[data-testid="param-input-deployment.vm.cpuOvercommit"]');
    await input.setValue('4');
    await input.trigger('change');
    expect(doc.scenario.deployment.vm.cpuOvercommit).toBe(4);
    expect(w.get('[data-testid="param-deployment.vm.cpuOvercommit"]').classes()).toContain('modified');
    await w.get('[data-testid="reset-deployment.vm.cpuOvercommit"]').trigger('click');
    expect(doc.scenario.deployment.vm.cpuOvercommit).toBe(1);
    // Every documented deployment parameter has a row.
    expect(w.findAll('[data-testid^="param-deployment."]').length).toBeGreaterThan(30);
    w.unmount();
  });
});
