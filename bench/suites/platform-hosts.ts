// Per bundled example: how many hosts each platform profile changes (issue 17). Every hypervisor profile
// (deployment.vm.platform), Kubernetes profile (deployment.container.platform) and runtime class is set on its
// own, the rest of the scenario as bundled, and the models it touches are planned: hypervisors → VMs and pods in
// node VMs; Kubernetes profiles and runtime classes → pods on bare metal and pods in node VMs.
import { EXAMPLES, exampleScenario } from '../../core/examples/index';
import type { Packer } from '../../core/kernel/packer';
import type { ComparedModel } from '../../core/model/isolation';
import { HYPERVISOR_PLATFORMS, KUBERNETES_PLATFORMS, RUNTIME_PROFILES } from '../../core/scenario/platform-ids';
import { planScenario } from '../../core/plan/plan';
import { parseScenarioValue } from '../../core/scenario/parse';
import type { Scenario } from '../../core/scenario/schema';
import { markdownTable } from '../table';

type Field = 'platform' | 'runtimeClass';

function withField(s: Scenario, block: 'vm' | 'container', field: Field, value: string): Scenario | null {
  const doc = JSON.parse(JSON.stringify(s));
  doc.deployment[block][field] = value;
  const r = parseScenarioValue(doc);
  return r.ok ? r.scenario : null;
}

const hostsOf = (s: Scenario, packer: Packer, models: readonly ComparedModel[]) =>
  Object.fromEntries(planScenario(s, packer, models).models.map((m) => [m.model, m.hostsUsed] as const));

/** The markdown table: example, profile, hosts per touched model with the change against the example as bundled. */
export function platformHostsTable(packer: Packer, examples = EXAMPLES): string {
  const rows: (string | number)[][] = [];
  const families: { label: string; block: 'vm' | 'container'; field: Field; ids: readonly string[]; models: readonly ComparedModel[] }[] = [
    { label: 'hypervisor', block: 'vm', field: 'platform', ids: HYPERVISOR_PLATFORMS, models: ['vm', 'container-in-vm'] },
    { label: 'kubernetes', block: 'container', field: 'platform', ids: KUBERNETES_PLATFORMS, models: ['container', 'container-in-vm'] },
    { label: 'runtime', block: 'container', field: 'runtimeClass', ids: RUNTIME_PROFILES, models: ['container', 'container-in-vm'] },
  ];
  for (const e of examples) {
    const scenario = exampleScenario(e);
    const base = hostsOf(scenario, packer, ['vm', 'container', 'container-in-vm']);
    for (const f of families) {
      const bundled = scenario.deployment[f.block][f.field];
      for (const id of f.ids) {
        const variant = id === bundled ? scenario : withField(scenario, f.block, f.field, id);
        const hosts = variant ? hostsOf(variant, packer, f.models) : null;
        const cell = (m: ComparedModel) => {
          if (!f.models.includes(m)) return '';
          if (!hosts) return 'invalid';
          const d = hosts[m] - base[m];
          return `${hosts[m]}${d === 0 ? '' : ` (${d > 0 ? '+' : ''}${d})`}`;
        };
        rows.push([e.id, `${f.label} ${id}${id === bundled ? ' (bundled)' : ''}`, cell('vm'), cell('container'), cell('container-in-vm')]);
      }
    }
  }
  return markdownTable(['example', 'profile', 'VM hosts', 'pod hosts', 'pods-in-VMs hosts'], rows);
}
