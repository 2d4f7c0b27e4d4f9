// The services table: virtualised (10^4 services draw a screenful of rows), sortable, filterable, editable
// cell by cell with undo, pastable from a spreadsheet, with invalid cells marked in the validator's words.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ServicesTable from '../../../renderer/src/components/editor/ServicesTable.vue';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { useValidationStore } from '../../../renderer/src/stores/validation';
import { mountWith } from './mount';

function manyServices(n: number) {
  const doc = useScenarioStore();
  const base = doc.scenario;
  doc.replace({ ...base, services: Array.from({ length: n }, (_, k) => ({ ...base.services[k % base.services.length], id: `svc-${String(k).padStart(5, '0')}`, replicas: (k * 7919) % 97 })) });
}

const rowIds = (w: ReturnType<typeof mountWith>) => w.findAll('[data-testid^="service-row-"]').map((r) => r.attributes('data-testid')!.slice('service-row-'.length));

describe('services table', () => {
  it('draws only the rows in view of a 10^4-service catalogue and sorts and filters all of them', async () => {
    const w = mountWith(ServicesTable);
    manyServices(10_000);
    await flushPromises();
    const rows = rowIds(w);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(w.get('[data-testid="services-status"]').text()).toContain('10,000 of 10,000 services');

    await w.get('[data-testid="sort-replicas"]').trigger('click');
    await w.get('[data-testid="sort-replicas"]').trigger('click'); // descending
    const top = useScenarioStore().scenario.services.find((x) => x.id === rowIds(w)[0])!;
    expect(top.replicas).toBe(96);

    await w.get('[data-testid="services-filter"]').setValue('svc-0999');
    expect(rowIds(w)).toEqual(['svc-09990', 'svc-09991', 'svc-09992', 'svc-09993', 'svc-09994', 'svc-09995', 'svc-09996', 'svc-09997', 'svc-09998', 'svc-09999'].sort((a, b) => {
      const r = (id: string) => useScenarioStore().scenario.services.find((x) => x.id === id)!.replicas;
      return r(b) - r(a) || a.localeCompare(b);
    }));
    w.unmount();
  });

  it('edits a cell with the keyboard as one undoable step and marks invalid input with the validator\'s message', async () => {
    const w = mountWith(ServicesTable);
    const doc = useScenarioStore();
    const grid = w.get('[data-testid="services-grid"]');
    await w.get('[data-testid="cell-api-replicas"]').trigger('mousedown');
    await grid.trigger('keydown', { key: 'Enter' });
    const editor = w.get('[data-testid="cell-editor"]');
    await editor.setValue('24');
    await editor.trigger('keydown', { key: 'Enter' });
    expect(doc.scenario.services[1].replicas).toBe(24);
    expect(doc.canUndo).toBe(true);

    // Typing a character starts editing with that character; text in a number column stays text.
    await w.get('[data-testid="cell-cache-cpuCores"]').trigger('mousedown');
    await grid.trigger('keydown', { key: 'x' });
    await w.get('[data-testid="cell-editor"]').trigger('keydown', { key: 'Enter' });
    await useValidationStore().current();
    await flushPromises();
    const bad = w.get('[data-testid="cell-cache-cpuCores"]');
    expect(bad.classes()).toContain('bad');
    expect(bad.attributes('title')).toMatch(/expected number, received string/);
    doc.undo();
    await useValidationStore().current();
    await flushPromises();
    expect(w.get('[data-testid="cell-cache-cpuCores"]').classes()).not.toContain('bad');
    w.unmount();
  });

  it('pastes a tab-separated block at the active cell and selects rows for bulk actions', async () => {
    const w = mountWith(ServicesTable);
    const doc = useScenarioStore();
    await w.get('[data-testid="cell-frontend-replicas"]').trigger('mousedown');
    await w.get('[data-testid="services-grid"]').trigger('paste', { clipboardData: { getData: () => '5\t0.25\n6\t0.75\n' } });
    expect(doc.scenario.services.slice(0, 2).map((x) => [x.replicas, x.demand.cpuCores])).toEqual([[5, 0.25], [6, 0.75]]);
    expect(doc.depth).toBe(1);

    const box = (id: string) => w.get(`[data-testid="service-row-${id}"] input[data-select]`);
    await box('api').trigger('click');
    expect(w.get('[data-testid="selected-count"]').text()).toContain('1 selected');
    await box('queue').trigger('click', { shiftKey: true }); // a range: api … queue
    expect(w.get('[data-testid="selected-count"]').text()).toContain('4 selected');
    await w.get('[data-testid="select-all"]').setValue(true);
    expect(w.get('[data-testid="selected-count"]').text()).toContain('7 selected');
    await w.get('[data-testid="service-duplicate"]').trigger('click');
    expect(doc.scenario.services).toHaveLength(14);
    doc.undo();
    expect(doc.scenario.services).toHaveLength(7);
    w.unmount();
  });

  it('keeps a 10^5-service table to a screenful of rows wherever it scrolls, and reveals the row the keyboard moves to', async () => {
    const w = mountWith(ServicesTable, { attachTo: document.body });
    manyServices(100_000);
    await flushPromises();
    expect(w.get('[data-testid="services-status"]').text()).toContain('100,000 of 100,000 services');
    const grid = w.get('[data-testid="services-grid"]');
    expect(grid.attributes('style')).toContain(`height: ${28 * 100_001}px`); // rows + header: the scroll range is the whole table
    expect(rowIds(w)[0]).toBe('svc-00000');

    // Scroll to the middle: the drawn rows are the ones around 50 000, still only a screenful.
    const scroller = w.get('.scroller').element as HTMLElement;
    // happy-dom lays nothing out: give the scroll container the sizes a browser would.
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 480 });
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => 28 * 100_001 });
    scroller.scrollTop = 50_000 * 28;
    scroller.dispatchEvent(new Event('scroll'));
    await flushPromises();
    const middle = rowIds(w);
    expect(middle.length).toBeLessThan(80);
    expect(middle).toContain('svc-49999');
    expect(middle).not.toContain('svc-00000');

    // Ctrl+End moves to the last service and scrolls it into view.
    await w.get('[data-testid="cell-svc-49999-replicas"]').trigger('mousedown');
    await grid.trigger('keydown', { key: 'End', ctrlKey: true });
    expect(scroller.scrollTop).toBeGreaterThan(99_000 * 28);
    scroller.dispatchEvent(new Event('scroll')); // a browser follows a programmatic scroll with this event
    await flushPromises();
    expect(rowIds(w)).toContain('svc-99999');
    expect(w.get('[data-testid="cell-svc-99999-departsAtSeconds"]').classes()).toContain('active');
    w.unmount();
  }, 30_000); // building and validating 10^5 services takes seconds on a busy machine; drawing does not
});
