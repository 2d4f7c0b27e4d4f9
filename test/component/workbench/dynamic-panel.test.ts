// The Dynamic tab: a run started from the panel goes through the simulation store to a planner that answers from the
// real simulation (TypeScript reference simulator and packer, no worker), and the panel shows three columns — VMs,
// pods on bare metal, pods in node VMs — with the node pool's rows, the same charts for each column (node VMs for
// the third only), and dashes where the two-level simulator measures nothing. English and Simplified Chinese.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { exampleScenario, EXAMPLES } from '../../../core/examples/index';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { simulateScenario, type ScenarioSimulation } from '../../../core/sim/scenario/run';
import type { Scenario } from '../../../core/scenario/schema';
import DynamicPanel from '../../../renderer/src/components/results/DynamicPanel.vue';
import ChartCard from '../../../renderer/src/components/common/ChartCard.vue';
import { i18n } from '../../../renderer/src/i18n';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { useSimulationStore } from '../../../renderer/src/stores/simulation';
import { fakePlanner } from './support';
import { mountWith } from './mount';

describe('Dynamic tab', () => {
  it('runs the scenario and shows VMs, pods on bare metal and pods in node VMs side by side', async () => {
    const w = mountWith(DynamicPanel, { global: { stubs: { ChartCard: true } } });
    const doc = useScenarioStore();
    doc.replace(exampleScenario(EXAMPLES.find((e) => e.file === 'diurnal.hostfit.json')!));
    const asked: Scenario[] = [];
    let answer: ScenarioSimulation | null = null;
    useSimulationStore().usePlanner({
      ...fakePlanner(),
      simulate: async (s: Scenario) => {
        asked.push(s);
        const out = simulateScenario(s, new ReferenceSimulator(), { packer: new ReferencePacker() });
        if (!out.ok) throw new Error(JSON.stringify(out.errors));
        answer = out.result;
        return out.result;
      },
    });
    await w.get('[data-testid="simulate"]').trigger('click');
    await flushPromises();
    expect(asked).toHaveLength(1);
    const r = answer as unknown as ScenarioSimulation;
    expect(r.models.map((m) => m.model)).toEqual(['vm', 'container', 'container-in-vm']);
    const heads = w.findAll('thead th').map((th) => th.text());
    expect(heads).toEqual(['', 'VMs', 'Pods on bare metal', 'Pods in node VMs']);
    const third = r.models[2];
    const n = third.nodeVms!;
    expect(w.get('[data-testid="dynamic-nodes-container-in-vm"]').text()).toBe(`${n.peakNodes} / ${Math.round(n.meanNodes * 10) / 10}`);
    expect(w.get('[data-testid="dynamic-nodes-vm"]').text()).toBe('–');
    expect(w.get('[data-testid="dynamic-pdm-container-in-vm"]').text()).toBe('–');
    expect(w.get('[data-testid="dynamic-pdm-vm"]').text()).toMatch(/%$/);
    expect(w.get('[data-testid="dynamic-instances-container-in-vm"]').text()).toBe(String(third.items));
    expect(w.get('[data-testid="dynamic-energy-container-in-vm"]').text()).toBe(String(Math.round(third.totals.energyKWh * 10) / 10));
    expect(w.get('[data-testid="dynamic-nodes"]').text()).toContain(`node VM ${n.shape.vcpus} vCPU`);
    expect(w.get('[data-testid="dynamic-nodes"]').text()).toContain('Kubernetes');
    // the same charts for every column; node VMs only where there are some
    const charts = w.findAllComponents(ChartCard);
    const byKey = new Map(charts.map((c) => [c.props('testId') as string, c.props('option') as { series: { name: string; data: number[][] }[] }]));
    expect([...byKey.keys()]).toEqual(['series-activeHosts', 'series-nodeVms', 'series-powerW', 'series-sla', 'series-migrations', 'series-overloadedHosts']);
    expect(byKey.get('series-activeHosts')!.series.map((s) => s.name)).toEqual(['VMs', 'Pods on bare metal', 'Pods in node VMs']);
    expect(byKey.get('series-nodeVms')!.series.map((s) => s.name)).toEqual(['Pods in node VMs']);
    expect(byKey.get('series-nodeVms')!.series[0].data.map((p) => p[1])).toEqual(third.series.nodeVms);
    expect(byKey.get('series-powerW')!.series[2].data.map((p) => p[1])).toEqual(third.series.powerW);
    // zh-CN
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['', '虚拟机', '裸机上的 Pod', '节点虚拟机中的 Pod']);
    expect(w.get('[data-testid="dynamic-row-nodeChanges"] th').text()).toBe('节点虚拟机创建 / 删除');
    i18n.global.locale.value = 'en';
    w.unmount();
  });
});
