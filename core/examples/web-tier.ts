// A small three-tier web shop on one rack of compact servers: the first example a planner opens.
import type { ScenarioInput } from '../scenario/schema';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario/schema';
import { cloudStyleFlavours, COMPACT_1S } from './hardware';

export function webTierScenario(): ScenarioInput {
  const service = (id: string, name: string, replicas: number, cpuCores: number, memoryGiB: number, diskGB: number, networkMbps: number) =>
    ({ id, name, tenant: 'shop', replicas, demand: { cpuCores, memoryGiB, diskGB, networkMbps } });
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: 'Small web tier',
    description: 'A web shop (frontend, API, cache, database, queue, workers) on one rack of 16-core servers.',
    hostModels: [COMPACT_1S],
    sites: [{
      id: 'dc-1', name: 'Main datacenter', kind: 'datacenter', pue: 1.5, energyUSDPerKWh: 0.14,
      racks: [{ id: 'dc-1-r01', name: 'Rack 01', powerBudgetKW: 8, hosts: [{ id: 'dc-1-r01-compact', model: COMPACT_1S.id, count: 12 }] }],
    }],
    tenants: [{ id: 'shop', name: 'Web shop' }],
    services: [
      service('frontend', 'Frontend (nginx + SSR)', 12, 0.5, 1, 2, 200),
      { ...service('api', 'API gateway and services', 16, 1, 2, 5, 150), spread: { domain: 'host', maxPerDomain: 4 } },
      service('cache', 'Redis cache', 4, 1, 12, 1, 400),
      { ...service('db', 'PostgreSQL', 3, 4, 24, 400, 300), spread: { domain: 'host', maxPerDomain: 1 } },
      service('queue', 'Message queue', 3, 1, 4, 50, 100),
      service('worker', 'Background workers', 10, 1.5, 3, 5, 20),
      service('search', 'Search index', 2, 2, 10, 120, 100),
    ],
    deployment: { vm: { platform: 'vsphere', flavours: cloudStyleFlavours() }, container: { platform: 'gke' } },
    policy: { algorithm: 'best', sizeKey: 'l2', seed: 1 },
  };
}
