// Small scenario builders for tests: a valid minimal scenario, overridable per test.
import { parseScenarioValue } from '../../core/scenario/parse';
import type { Scenario, ScenarioInput } from '../../core/scenario/schema';

export function minimalInput(): ScenarioInput {
  return {
    format: 'hostfit-scenario',
    version: 2,
    name: 'Minimal',
    hostModels: [{ id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10 }],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 4 }] }] }],
    tenants: [{ id: 't', name: 'Tenant' }],
    services: [{ id: 'svc', name: 'Service', tenant: 't', replicas: 3, demand: { cpuCores: 1, memoryGiB: 2 } }],
  };
}

export function parsed(input: unknown): Scenario {
  const r = parseScenarioValue(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
  return r.scenario;
}
