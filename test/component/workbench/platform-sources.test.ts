// "Where does this number come from": the deployment tab shows the chosen platforms' overheads with their
// sources, and follows the platform selectors of the parameter panel.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import ParameterPanel from '../../../renderer/src/components/editor/ParameterPanel.vue';
import PlatformSources from '../../../renderer/src/components/editor/PlatformSources.vue';
import { i18n } from '../../../renderer/src/i18n';
import ResultsPane from '../../../renderer/src/components/results/ResultsPane.vue';
import { usePlanStore } from '../../../renderer/src/stores/plan';
import { useScenarioStore } from '../../../renderer/src/stores/scenario';
import { minimalInput, parsed } from '../../support/scenarios';
import { mountWith } from './mount';
import { fakePlanner } from './support';

const Both = defineComponent({ render: () => h('div', [h(PlatformSources), h(ParameterPanel, { groups: 'deployment' })]) });

describe('platform sources view', () => {
  it('shows each flavour\'s VM overhead, each node\'s reservations and the pod overhead of the chosen platforms, with sources', async () => {
    const w = mountWith(Both);
    const input = minimalInput();
    input.deployment = { vm: { platform: 'vsphere' }, container: { platform: 'eks', runtimeClass: 'kata-qemu' } };
    useScenarioStore().replace(parsed(input));
    await flushPromises();
    expect(w.get('[data-testid="platform-lead"]').text()).toBe('VMs on VMware vSphere 6.5 and later; pods on Amazon EKS with Kata with QEMU.');
    // m1.medium, 2 vCPU / 4 GiB: Table 6-1's cell 52.72 MB, planned as 53 MiB.
    const medium = w.get('[data-testid="platform-vm-m1.medium"]').text();
    expect(medium).toContain('52.72 MiB');
    expect(medium).toContain('53 MiB');
    expect(medium).toContain('published cell');
    // Host "h" as a bare-metal node: 16 logical CPUs, 64 GiB, 110 pods → 110 m and 11 × 110 + 255 = 1,465 MiB, eviction 100 MiB.
    const node = w.get('[data-testid="platform-node-h"]').text();
    expect(node).toContain('0.11 cores');
    expect(node).toContain('1,465 MiB');
    expect(node).toContain('15.89 cores');
    expect(w.get('[data-testid="platform-pod"]').text()).toContain('0.25 cores and 160 MiB per pod (upstream RuntimeClass overhead)');
    const text = w.get('[data-testid="platform-sources"]').text();
    expect(text).toContain('docs.vmware.com');
    expect(text).toContain('awslabs/amazon-eks-ami');
    expect(text).toContain('kata-runtimeClasses.yaml');
    expect(text).toContain('checked 2026-12-02');
    w.unmount();
  });

  it('follows the platform selectors of the parameter panel, in English and Chinese', async () => {
    const w = mountWith(Both);
    useScenarioStore().replace(parsed(minimalInput()));
    await flushPromises();
    expect(w.get('[data-testid="platform-vm-m1.medium"]').text()).toContain('64 MiB'); // generic-vm: perVmOverheadMiB
    const select = w.get('[data-testid="param-input-deployment.vm.platform"]');
    expect(select.findAll('option').map((o) => o.element.value)).toEqual(expect.arrayContaining(['generic-vm', 'vsphere', 'vsphere-4', 'kubevirt']));
    await select.setValue('kubevirt');
    await flushPromises();
    expect(useScenarioStore().scenario.deployment.vm.platform).toBe('kubevirt');
    // KubeVirt, 2 vCPU / 4 GiB: 220 + 4096 / 512 + 2 × 8 + 8 + 32 = 284 MiB.
    expect(w.get('[data-testid="platform-vm-m1.medium"]').text()).toContain('284 MiB');
    await w.get('[data-testid="param-input-deployment.container.platform"]').setValue('aks');
    await flushPromises();
    // AKS, 16 cores: 60 + 40 + 2 × 20 + 12 × 10 = 260 m.
    expect(w.get('[data-testid="platform-node-h"]').text()).toContain('0.26 cores');
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect(w.get('[data-testid="platform-sources"]').text()).toContain('这些数字从何而来');
    expect(w.get('[data-testid="platform-lead"]').text()).toContain('KubeVirt（KVM）');
    i18n.global.locale.value = 'en';
    w.unmount();
  });

  it('the results header names the platforms the shown result compared', async () => {
    const w = mountWith(ResultsPane, { shallow: true }); // the result sections (charts) are not under test here
    const input = minimalInput();
    input.deployment = { vm: { platform: 'vsphere-4' }, container: { platform: 'aks-pre-1.29', runtimeClass: 'gvisor' } };
    const plan = usePlanStore();
    const planner = fakePlanner({ compare: false, models: ['vm'] });
    plan.usePlanner(planner);
    plan.autoRun = false;
    useScenarioStore().replace(parsed(input));
    await flushPromises();
    if (planner.pending() === 0) void plan.run();
    // A loaded scenario may start its own run; release every run asked for until the store is done.
    for (let k = 0; k < 5 && plan.status !== 'done'; k++) {
      await planner.release();
      await flushPromises();
    }
    expect({ status: plan.status, error: plan.error }).toEqual({ status: 'done', error: '' });
    expect(w.get('[data-testid="results-platforms"]').text()).toBe('Platforms: VMs on VMware vSphere 4.x; pods on AKS before 1.29 with gVisor');
    w.unmount();
  });
});
