// The Model tab's dual problem: computed after the plan by itself on a small instance (progress shown meanwhile),
// on request beyond that, and read from the real LP relaxation of the web tier: the resource that binds, the host
// model's reduced cost, and the api spread rule's cost (LP and re-planned), in English and Chinese.
import { mount } from '@vue/test-utils';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { answersDual, planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { Scenario } from '../../../core/scenario/schema';
import ModelStatement from '../../../renderer/src/components/results/ModelStatement.vue';
import { i18n } from '../../../renderer/src/i18n';
import { shownModels } from '../../../renderer/src/results/models';
import { AUTO_DUAL_LIMIT, usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import type { PlanDual, RunProgress } from '../../../renderer/src/workers/protocol';
import { fakePlanner, freshPinia, settle } from './support';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

/** The fake planner of the store tests plus a dual held until `releaseDual()`, computed as the worker does. */
function withDual() {
  const fake = fakePlanner();
  const held: { scenario: Scenario; resolve: (d: PlanDual) => void; progress: (p: RunProgress) => void }[] = [];
  return {
    ...fake,
    dualAsked: 0,
    dual(scenario: Scenario, _runId: number | undefined, progress: (p: RunProgress) => void) {
      this.dualAsked++;
      return new Promise<PlanDual>((resolve) => held.push({ scenario, resolve, progress }));
    },
    async releaseDual() {
      const h = held.shift()!;
      const packer = new ReferencePacker();
      const { answers } = planModels(h.scenario, packer);
      const duals = answersDual(highs, h.scenario, packer, answers);
      h.resolve({ models: answers.map((a, k) => ({ id: a.plan.id, model: a.plan.model, dual: duals[k] })), seconds: 0 });
      await settle();
    },
    progress(p: RunProgress) { held[0].progress(p); },
  };
}

/** The stores with a planned scenario, and a mount of the Model tab on the same Pinia. */
async function planned(scenario: Scenario) {
  const pinia = freshPinia();
  const planner = withDual();
  const plan = usePlanStore();
  const doc = useScenarioStore();
  plan.usePlanner(planner);
  doc.replace(scenario);
  await settle();
  await planner.release();
  const mountTab = () => mount(ModelStatement, {
    props: { result: plan.result!, models: shownModels(plan.result, plan.comparison), detail: plan.detail, scenario: doc.scenario },
    global: { plugins: [pinia, i18n] },
  });
  return { planner, plan, mountTab };
}

const webTier = () => exampleScenario(EXAMPLES.find((e) => e.id === 'web-tier')!);

describe('dual problem in the model tab', () => {
  it('is computed by itself after a small plan, with progress, then shows the binding resource, host models and rule costs', async () => {
    i18n.global.locale.value = 'en';
    const { planner, plan, mountTab } = await planned(webTier());
    expect(plan.status).toBe('done');
    expect(planner.dualAsked).toBe(1); // small: asked without a click
    const w = mountTab();
    expect(w.get('[data-testid="dual-progress-vm"]').text()).toContain('loading the LP solver');
    planner.progress({ model: 'container', stage: 'dual', done: 1, total: 3 });
    await settle();
    expect(w.get('[data-testid="dual-progress-container"]').text()).toContain('Computing the dual: Containers (2 of 3)');
    await planner.releaseDual();
    expect(plan.dualStatus).toBe('done');
    expect(w.find('[data-testid="dual-progress-vm"]').exists()).toBe(false);

    const vm = plan.dual!.models.find((m) => m.id === 'vm')!.dual;
    // VMs: CPU binds on the web tier's one host model (each host one core more saves hosts), nothing else does.
    const binding = vm.prices.filter((p) => p.price > 0);
    expect(binding.map((p) => p.resource)).toEqual(['cpu']);
    expect(w.get('[data-testid="dual-bound-vm"]').text()).toContain(`at least ${vm.bound}`);
    const row = w.get(`[data-testid="dual-price-vm-${binding[0].hostModel}-cpu"]`).text();
    expect(row).toContain('binds: one more core on every host of this model in use saves');
    expect(w.get('[data-testid="dual-hosts-vm"]').text()).toContain(binding[0].hostModel);

    // Pods: the api spread rule (16 replicas, at most 4 per host) makes the LP 4 hosts: it costs there, and no resource binds.
    const container = plan.dual!.models.find((m) => m.id === 'container')!.dual;
    expect(container.ruleCosts['spread:api'].lp).toBeGreaterThan(0);
    expect(w.get('[data-testid="dual-prices-container"]').text()).toContain('No resource binds');
    const api = w.get('[data-testid="dual-rule-container-spread:api"]').text();
    expect(api).toContain('spread of api');
    expect(api).toContain(`+${container.ruleCosts['spread:api'].hosts}`);
    expect(w.find('[data-testid="dual-rules-container-in-vm"]').exists()).toBe(true);

    i18n.global.locale.value = 'zh-CN';
    await settle();
    expect(w.get('[data-testid="dual-vm"]').text()).toContain('对偶问题');
    expect(w.get('[data-testid="dual-rule-container-spread:api"]').text()).toContain('api 的分散');
    i18n.global.locale.value = 'en';
    w.unmount();
  }, 20_000);

  it('waits for a click on a larger instance, and a new run drops a dual in progress', async () => {
    i18n.global.locale.value = 'en';
    const base = webTier();
    // More services than the dual computes by itself (one replica each, so the plan stays quick).
    const big: Scenario = { ...base, services: Array.from({ length: AUTO_DUAL_LIMIT.services + 1 }, (_, k) => ({ ...base.services[k % base.services.length], id: `s${k}`, replicas: 1 })) };
    const { planner, plan, mountTab } = await planned(big);
    expect(planner.dualAsked).toBe(0);
    const w = mountTab();
    expect(w.find('[data-testid="dual-bound-vm"]').exists()).toBe(false);
    await w.get('[data-testid="dual-compute-vm"]').trigger('click');
    expect(planner.dualAsked).toBe(1);
    expect(plan.dualStatus).toBe('running');
    expect(w.find('[data-testid="dual-progress-vm"]').exists()).toBe(true);
    void plan.run();
    await settle();
    expect(plan.dualStatus).toBe('idle'); // the new run superseded it
    w.unmount();
  }, 20_000);
});
