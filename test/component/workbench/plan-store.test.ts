// Runs: small scenarios re-run a moment after an edit, the previous result stays visible meanwhile, a newer
// run supersedes an older one, large scenarios wait for Run, and a loaded scenario is planned at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServiceCell } from '../../../core/edit/services';
import { columnByKey } from '../../../core/edit/service-columns';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { AUTO_RUN_DELAY_MS, AUTO_RUN_LIMIT, usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { fakePlanner, freshPinia, settle } from './support';

const replicas = columnByKey('replicas')!;

describe('plan store', () => {
  beforeEach(() => { freshPinia(); vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  function setup(compare = true, models?: readonly ('vm' | 'container' | 'container-in-vm')[]) {
    const doc = useScenarioStore();
    const plan = usePlanStore();
    const planner = fakePlanner({ compare, models });
    plan.usePlanner(planner);
    plan.autoRun = true;
    return { doc, plan, planner };
  }

  it('re-runs a small scenario after an edit, debounced, keeping the previous result until the new one is ready', async () => {
    const { doc, plan, planner } = setup();
    void plan.run();
    await planner.release();
    const first = plan.result;
    expect(plan.status).toBe('done');
    expect(plan.comparison?.models.map((m) => m.id)).toContain('container-in-vm');
    doc.edit((s) => setServiceCell(s, 1, replicas, 40), { key: 'edit.field' });
    doc.edit((s) => setServiceCell(s, 1, replicas, 60), { key: 'edit.field' });
    await settle();
    expect(plan.stale).toBe(true);
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS - 1);
    expect(planner.pending()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(planner.pending()).toBe(1); // two edits, one run
    expect(planner.asked.at(-1)!.scenario.services[1].replicas).toBe(60);
    expect(plan.status).toBe('running');
    expect(plan.result).toBe(first); // still on screen
    await planner.release();
    expect(plan.stale).toBe(false);
    expect(plan.result).not.toBe(first);
    expect(plan.result!.models[0].instances).toBeGreaterThan(first!.models[0].instances);
  });

  it('lets only the latest run change the result, and cancel stops a run', async () => {
    const { doc, plan, planner } = setup();
    void plan.run();
    doc.edit((s) => setServiceCell(s, 0, replicas, 1), { key: 'edit.field' });
    void plan.run();
    expect(plan.status).toBe('running');
    plan.cancel();
    await settle();
    expect(plan.status).toBe('cancelled');
    expect(plan.result).toBeNull();
    void plan.run();
    await planner.release();
    expect(plan.resultScenario).toBe(doc.scenario);
  });

  it('does not auto-run a large scenario but plans a loaded one at once', async () => {
    const { doc, plan, planner } = setup(false, ['vm']);
    const base = exampleScenario(EXAMPLES[0]);
    const many = { ...base, services: Array.from({ length: AUTO_RUN_LIMIT.services + 1 }, (_, k) => ({ ...base.services[k % 7], id: `s${k}` })) };
    doc.replace(many);
    await settle();
    expect(planner.pending()).toBe(1); // loading plans at once
    await planner.release();
    doc.edit((s) => setServiceCell(s, 0, replicas, 2), { key: 'edit.field' });
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS * 3);
    expect(planner.pending()).toBe(0);
    expect(plan.stale).toBe(true);
  });

  it('reports an invalid scenario with the validator\'s paths instead of planning it', async () => {
    const { doc, plan } = setup();
    plan.usePlanner({
      run: async () => { const { ScenarioInvalid } = await import('../../../renderer/src/workers/plan-client'); throw new ScenarioInvalid([{ where: '$.services[0].replicas', message: 'Too small' }]); },
      simulate: async () => { throw new Error('no'); },
      cancel: () => {},
    });
    doc.edit((s) => setServiceCell(s, 0, replicas, -1), { key: 'edit.field' });
    await plan.run();
    expect(plan.status).toBe('invalid');
    expect(plan.invalid[0].where).toBe('$.services[0].replicas');
  });
});
