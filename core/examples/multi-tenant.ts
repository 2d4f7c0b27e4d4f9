// Four tenants with different isolation needs sharing a datacenter and an edge site: the case where VM and
// container answers diverge most.
import type { ScenarioInput } from '../scenario/schema';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario/schema';
import { cloudStyleFlavours, EDGE_1U, GENERAL_2S } from './hardware';

type ServiceInput = ScenarioInput['services'][number];

export function multiTenantScenario(): ScenarioInput {
  const svc = (tenant: string, id: string, name: string, replicas: number, cpuCores: number, memoryGiB: number,
    isolation: ServiceInput['isolation'], diskGB = 10, networkMbps = 50): ServiceInput =>
    ({ id, name, tenant, replicas, demand: { cpuCores, memoryGiB, diskGB, networkMbps }, isolation });
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: 'Multi-tenant platform',
    description: 'A bank, a retailer, a health provider and a SaaS start-up on shared hardware, each with its own isolation need.',
    hostModels: [GENERAL_2S, EDGE_1U],
    sites: [
      {
        id: 'dc-east', name: 'East datacenter', kind: 'datacenter', pue: 1.4, energyUSDPerKWh: 0.12,
        racks: [
          { id: 'east-r01', name: 'Rack 01', powerBudgetKW: 12, hosts: [{ id: 'east-r01-gp', model: GENERAL_2S.id, count: 10 }] },
          { id: 'east-r02', name: 'Rack 02', powerBudgetKW: 12, hosts: [{ id: 'east-r02-gp', model: GENERAL_2S.id, count: 10 }] },
        ],
      },
      {
        id: 'edge-north', name: 'North edge', kind: 'edge', pue: 1.8, energyUSDPerKWh: 0.2,
        racks: [{ id: 'north-r01', name: 'Edge cabinet', powerBudgetKW: 3, hosts: [{ id: 'north-r01-edge', model: EDGE_1U.id, count: 6 }] }],
      },
    ],
    tenants: [
      { id: 'bank', name: 'Regional bank' },
      { id: 'retail', name: 'Retail chain' },
      { id: 'health', name: 'Health records provider' },
      { id: 'saas', name: 'SaaS start-up' },
    ],
    services: [
      svc('bank', 'bank-core', 'Core banking', 6, 8, 64, 'vm', 200, 500),
      svc('bank', 'bank-api', 'Open-banking API', 12, 2, 4, 'vm'),
      svc('bank', 'bank-fraud', 'Fraud scoring', 8, 6, 24, 'vm', 20, 200),
      { ...svc('bank', 'bank-db', 'Ledger database', 3, 16, 128, 'dedicated-host', 1000, 1000), spread: { domain: 'rack', maxPerDomain: 2 } },
      svc('retail', 'retail-web', 'Storefront', 40, 1, 2, 'shared-kernel'),
      svc('retail', 'retail-cart', 'Cart service', 20, 0.5, 1, 'shared-kernel'),
      svc('retail', 'retail-search', 'Product search', 10, 4, 16, 'shared-kernel', 100, 300),
      svc('retail', 'retail-pos', 'Store point-of-sale sync', 12, 0.5, 1, 'shared-kernel', 5, 20),
      svc('health', 'health-portal', 'Patient portal', 10, 2, 4, 'dedicated-host'),
      svc('health', 'health-records', 'Records service', 6, 4, 32, 'dedicated-host', 500, 300),
      svc('saas', 'saas-app', 'Multi-tenant app', 30, 0.5, 1, 'sandbox'),
      svc('saas', 'saas-jobs', 'Tenant jobs', 24, 1, 2, 'sandbox'),
      svc('saas', 'saas-db', 'Tenant databases', 8, 2, 16, 'sandbox', 250, 100),
    ],
    deployment: { vm: { platform: 'kubevirt', flavours: cloudStyleFlavours() }, container: { platform: 'gke' } },
    policy: { algorithm: 'best', sizeKey: 'l2', seed: 1 },
  };
}
