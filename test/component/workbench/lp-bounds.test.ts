// The LP relaxation's bounds after a plan: the plan is shown at once, the worker then solves each model's LP and
// the shown bound and gap take it in where it is stronger (plan table and comparison alike), with a note meanwhile;
// a newer run drops the late answer. The bounds are the ones `hostfit plan` prints (planning with HiGHS).
import { mount } from '@vue/test-utils';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { lpBestBounds, planModels, type LpBestBound } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { Scenario } from '../../../core/scenario/schema';
import RunStatus from '../../../renderer/src/components/results/RunStatus.vue';
import { i18n } from '../../../renderer/src/i18n';
import { usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { onFfd } from '../../support/scenarios';
import { fakePlanner, freshPinia, settle } from './support';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

const example = (id: string) => exampleScenario(EXAMPLES.find((e) => e.id === id)!);

/** The store tests' fake planner plus LP bounds held until `releaseBounds(bounds)`. */
function withBounds() {
  const fake = fakePlanner();
  const held: ((b: readonly LpBestBound[]) => void)[] = [];
  return {
    ...fake,
    boundsAsked: 0,
    bounds() {
      this.boundsAsked++;
      return new Promise<readonly LpBestBound[]>((resolve) => held.push(resolve));
    },
    async releaseBounds(bounds: readonly LpBestBound[]) {
      held.shift()!(bounds);
      await settle();
    },
  };
}

/** The stores on a fresh Pinia with the web tier planned (its LP bounds still held). */
async function plannedWebTier() {
  const pinia = freshPinia();
  const planner = withBounds();
  const plan = usePlanStore();
  plan.usePlanner(planner);
  useScenarioStore().replace(example('web-tier') as Scenario);
  await settle();
  await planner.release();
  return { pinia, planner, plan };
}

describe('LP bounds after a plan', () => {
  it('are what planning with HiGHS gives, model by model', () => {
    for (const id of ['web-tier', 'multi-tenant']) {
      const s = onFfd(example(id));
      const packer = new ReferencePacker();
      const { answers } = planModels(s, packer);
      const lp = lpBestBounds(highs, s, answers);
      const withLp = planModels(s, packer, undefined, undefined, { highs }).result.models;
      expect(lp.map((b) => b.id)).toEqual(withLp.map((m) => m.id));
      lp.forEach((b, k) => {
        expect(b.bestLowerBound).toEqual(withLp[k].bestLowerBound);
        expect(b.gapToBest).toBe(withLp[k].gapToBest);
      });
    }
  });

  it('tighten the shown bound and gap where stronger, in the plan and the comparison, with a note while solving', async () => {
    i18n.global.locale.value = 'en';
    const { pinia, planner, plan } = await plannedWebTier();
    expect(plan.status).toBe('done');
    expect(planner.boundsAsked).toBe(1);
    expect(plan.boundStatus).toBe('running');
    const status = mount(RunStatus, { global: { plugins: [pinia, i18n] } });
    expect(status.get('[data-testid="run-bounds"]').text()).toContain('LP relaxation');

    const vm = plan.result!.models.find((m) => m.id === 'vm')!;
    const container = plan.result!.models.find((m) => m.id === 'container')!;
    const stronger = vm.hostsUsed; // an LP bound that proves the VM plan optimal
    await planner.releaseBounds([
      { id: 'vm', bestLowerBound: { hosts: stronger, by: 'lp', method: 'lp' }, gapToBest: 0 },
      // weaker than what the plan already shows: ignored
      { id: 'container', bestLowerBound: { hosts: 1, by: 'lp', method: 'lp' }, gapToBest: container.hostsUsed - 1 },
    ]);
    expect(plan.boundStatus).toBe('done');
    const vmNow = plan.result!.models.find((m) => m.id === 'vm')!;
    expect(vmNow.bestLowerBound).toEqual({ hosts: stronger, by: 'lp', method: 'lp' });
    expect(vmNow.gapToBest).toBe(0);
    expect(plan.result!.models.find((m) => m.id === 'container')!.bestLowerBound).toEqual(container.bestLowerBound);
    const compared = plan.comparison!.models.find((m) => m.id === 'vm')!;
    expect(compared.bestLowerBound.hosts).toBe(stronger);
    expect(compared.gapToBest).toBe(0);
    await settle();
    expect(status.find('[data-testid="run-bounds"]').exists()).toBe(false);
  });

  it('from an older run are dropped once a newer run has started', async () => {
    const { planner, plan } = await plannedWebTier();
    const before = plan.result!.models.find((m) => m.id === 'vm')!.bestLowerBound;
    void plan.run();
    await settle();
    await planner.releaseBounds([{ id: 'vm', bestLowerBound: { hosts: 999, by: 'lp', method: 'lp' }, gapToBest: 0 }]);
    expect(plan.status).toBe('running'); // the older result stays on screen, its late bound not taken in
    expect(plan.result!.models.find((m) => m.id === 'vm')!.bestLowerBound).toEqual(before);
    await planner.release();
    expect(plan.boundStatus).toBe('running');
  });
});
