// The plan's answer as the planner reads it: the model tab's proof (improvement phase, best bound, verifier,
// Borg-style sizing) and the host map's explanation of one decision (rule, score, runners-up, rules that
// ruled hosts out), mounted on a real plan of a bundled example.
import { describe, expect, it } from 'vitest';
import ItemExplanation from '../../../renderer/src/components/results/ItemExplanation.vue';
import ModelStatement from '../../../renderer/src/components/results/ModelStatement.vue';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { Scenario } from '../../../core/scenario/schema';
import { shownModels } from '../../../renderer/src/results/models';
import { placementDetail } from '../../../renderer/src/results/placement';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { mountWith } from './mount';

function planned(policy: Partial<Scenario['policy']>, example = 'web-tier') {
  const base = exampleScenario(EXAMPLES.find((e) => e.id === example)!);
  const scenario: Scenario = { ...base, policy: { ...base.policy, ...policy } };
  const { result, answers } = planModels(scenario, new ReferencePacker(), ['vm', 'container']);
  return { scenario, result, detail: placementDetail(answers) };
}

describe('answer and proof in the model tab', () => {
  it('shows the improvement phase, the best bound, the verifier and the sizing of the run', () => {
    const { scenario, result, detail } = planned({ algorithm: 'best', sizing: { runs: 5, percentile: 90 } });
    const w = mountWith(ModelStatement, { props: { result, models: shownModels(result, null), detail, scenario } });
    const vm = result.models.find((m) => m.model === 'vm')!;
    const answer = w.get('[data-testid="answer-vm"]').text();
    expect(answer).toContain(`Constructive pass: ${vm.constructiveHosts} hosts`);
    expect(answer).toContain(`leaving ${vm.hostsUsed}`);
    expect(w.get('[data-testid="best-bound-vm"]').text()).toContain(`Best lower bound: ${vm.bestLowerBound.hosts} hosts`);
    expect(w.get('[data-testid="verified-vm"]').text()).toContain('feasible');
    expect(w.get('[data-testid="sizing-vm"]').text()).toContain(`over 5 random host orders, needs ${vm.sizing!.hosts} hosts at the 90th percentile`);
    w.unmount();
  });

  it('offers a longer search where the improvement phase spent its budget with the gap open, as an undoable edit', () => {
    // The multi-tenant VMs need 9 hosts; without HiGHS their bound says 8, so no budget closes that gap.
    const { scenario, result, detail } = planned({ algorithm: 'ffd+cns', improveIterations: 2 }, 'multi-tenant');
    const vm = result.models.find((m) => m.model === 'vm')!;
    expect(vm.gapToBest).toBeGreaterThan(0);
    const w = mountWith(ModelStatement, { props: { result, models: shownModels(result, null), detail, scenario } });
    const doc = useScenarioStore();
    doc.replace(scenario);
    expect(w.get('[data-testid="budget-spent-vm"]').text()).toContain('whole budget of 2 iterations');
    w.get('[data-testid="search-longer-vm"]').trigger('click');
    expect(doc.scenario.policy.improveIterations).toBe(8);
    expect(doc.undoLabel).toEqual({ key: 'edit.searchLonger', params: { iterations: 8 } });
    doc.undo();
    expect(doc.scenario.policy.improveIterations).toBe(2);
    w.unmount();
  });

  it('offers no longer search where the plan meets its bound', () => {
    const { scenario, result, detail } = planned({ algorithm: 'best' });
    expect(result.models.every((m) => m.gapToBest === 0)).toBe(true);
    const w = mountWith(ModelStatement, { props: { result, models: shownModels(result, null), detail, scenario } });
    expect(w.find('[data-testid="budget-spent-vm"]').exists()).toBe(false);
    expect(w.find('[data-testid="budget-spent-container"]').exists()).toBe(false);
    w.unmount();
  });

  it('says when no improvement phase ran', () => {
    const { scenario, result, detail } = planned({ algorithm: 'ffd' });
    const w = mountWith(ModelStatement, { props: { result, models: shownModels(result, null), detail, scenario } });
    expect(w.get('[data-testid="answer-container"]').text()).toContain('No improvement phase: policy algorithm "ffd"');
    w.unmount();
  });
});

describe('why an item went where it did', () => {
  it('names the rule, the chosen host\'s score and the runners-up, and the spread rule among the hosts ruled out', () => {
    const { detail } = planned({ algorithm: 'bfd' });
    const m = detail.models.find((x) => x.model === 'container')!;
    // The web tier's database is spread at most one per host: its last replica sees hosts ruled out by spread.
    const g = m.itemGroups.find((x) => x.serviceId === 'db')!;
    const w = mountWith(ItemExplanation, { props: { placement: m, item: g.start + g.count - 1, rejected: null } });
    expect(w.text()).toContain('Best Fit: the host left with least room');
    expect(w.get('[data-testid="explain-verdict"]').text()).toMatch(/It went to .+, score -?\d/);
    expect(w.get('[data-testid="explain-context"]').text()).toMatch(/where its spread limit is reached/);
    w.unmount();
  });
});
