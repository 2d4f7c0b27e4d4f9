// Runs: small scenarios re-run a moment after an edit, the previous result stays visible meanwhile, a newer
// run supersedes an older one, large scenarios wait for Run, and a loaded scenario is planned at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setServiceCell } from '../../../core/edit/services';
import { columnByKey } from '../../../core/edit/service-columns';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { AUTO_RUN_DELAY_MS, AUTO_RUN_LIMIT, usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { useSimulationStore } from '../../../renderer/src/stores/simulation';
import { useSweepStore } from '../../../renderer/src/stores/sweep';
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

  it('shows no result of the last document once another is loaded, even if its plan is cancelled', async () => {
    const { doc, plan, planner } = setup();
    void plan.run();
    await planner.release();
    expect(plan.result).not.toBeNull();
    doc.replace(exampleScenario(EXAMPLES[1]));
    await settle();
    expect(planner.pending()).toBe(1); // the loaded document is planned at once …
    expect(plan.result).toBeNull(); // … and the last document's numbers are gone meanwhile
    expect(plan.comparison).toBeNull();
    expect(plan.detail).toBeNull();
    expect(plan.stale).toBe(false);
    plan.cancel();
    await settle();
    expect([plan.status, plan.result]).toEqual(['cancelled', null]);
  });

  it('keeps the last result of the same document when a run is cancelled, marked as from before the edits', async () => {
    const { doc, plan, planner } = setup();
    void plan.run();
    await planner.release();
    const first = plan.result;
    doc.edit((s) => setServiceCell(s, 0, replicas, 5), { key: 'edit.field' });
    void plan.run();
    plan.cancel();
    await settle();
    expect(plan.status).toBe('cancelled');
    expect(plan.result).toBe(first);
    expect(plan.stale).toBe(true); // RunStatus says "the result shown is from before your last changes"
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

describe('a loaded document starts without the last one\'s simulation and sweep', () => {
  beforeEach(() => { freshPinia(); });

  it('clears the simulation shown and stops one still running', async () => {
    const doc = useScenarioStore();
    const sim = useSimulationStore();
    let cancelled = 0;
    const answer = { models: [] } as never;
    sim.usePlanner({ ...fakePlanner(), simulate: async () => answer, cancel: () => { cancelled++; } });
    await sim.run();
    expect(sim.result).toBe(answer);
    doc.replace(exampleScenario(EXAMPLES[1]));
    await settle();
    expect(sim.result).toBeNull();
    expect(sim.resultFor).toBeNull();
    expect(sim.status).toBe('idle');
    // A run of the last document still going when the next is loaded is stopped, and its answer is dropped.
    let finish: (v: never) => void = () => {};
    sim.usePlanner({ ...fakePlanner(), simulate: () => new Promise((resolve) => { finish = resolve; }), cancel: () => { cancelled++; } });
    const running = sim.run();
    doc.replace(exampleScenario(EXAMPLES[0]));
    await settle();
    expect(cancelled).toBe(1);
    finish(answer);
    await running;
    expect(sim.result).toBeNull();
    expect(sim.status).toBe('idle');
  });

  it('clears the swept points', async () => {
    const doc = useScenarioStore();
    const sweep = useSweepStore();
    const planner = fakePlanner({ compare: false });
    sweep.usePlanner(planner);
    const done = sweep.run([1, 2]);
    await planner.release();
    await planner.release();
    await done;
    expect(sweep.points.map((p) => p.value)).toEqual([1, 2]);
    doc.replace(exampleScenario(EXAMPLES[1]));
    await settle();
    expect(sweep.points).toEqual([]);
    expect(sweep.sweptPath).toBe('');
  });
});
