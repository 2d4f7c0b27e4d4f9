// A larger fleet: 240 services drawn from realistic shape families, a few thousand replicas, two datacenters
// with three host models. Generated from a fixed seed, so the file is the same on every machine.
import type { ScenarioInput } from '../scenario/schema';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario/schema';
import { cloudStyleFlavours, COMPACT_1S, GENERAL_2S, MEMORY_2S } from './hardware';
import { intBetween, mulberry32, pick } from './random';

type ServiceInput = ScenarioInput['services'][number];

// [family, cpu cores choices, GiB per core choices, disk GB, network Mbps]
const FAMILIES = [
  ['web', [0.25, 0.5, 1, 2], [1, 2], 5, 100],
  ['api', [0.5, 1, 2, 4], [2, 4], 5, 150],
  ['batch', [2, 4, 8], [1, 2], 50, 50],
  ['cache', [1, 2, 4], [8, 16], 5, 400],
  ['db', [2, 4, 8, 16], [4, 8], 500, 300],
  ['stream', [1, 2, 4], [2, 4], 100, 600],
] as const;

/** Seed of the bundled example; other seeds give fleets of the same families (benchmarks check plans on them). */
export const FLEET_SEED = 20260401;

/** `count` services (240 in the bundled example) on 8 racks a site per 240 of them. */
export function fleetScenario(seed = FLEET_SEED, count = 240): ScenarioInput {
  const rand = mulberry32(seed);
  const tenants = Array.from({ length: 12 }, (_, k) => ({ id: `t${String(k + 1).padStart(2, '0')}`, name: `Business unit ${k + 1}` }));
  const services: ServiceInput[] = [];
  for (let k = 0; k < count; k++) {
    const [family, cpus, gibPerCore, diskGB, networkMbps] = pick(rand, FAMILIES);
    const cpuCores = pick(rand, cpus);
    const replicas = family === 'db' ? intBetween(rand, 2, 5) : intBetween(rand, 2, 26);
    services.push({
      id: `${family}-${String(k + 1).padStart(3, '0')}`,
      name: `${family} service ${k + 1}`,
      tenant: pick(rand, tenants).id,
      replicas,
      demand: { cpuCores, memoryGiB: cpuCores * pick(rand, gibPerCore), diskGB, networkMbps },
      ...(family === 'db' ? { spread: { domain: 'host' as const, maxPerDomain: 1 } } : {}),
    });
  }
  const rack = (site: string, n: number, groups: [typeof GENERAL_2S, number][]) => ({
    id: `${site}-r${String(n).padStart(2, '0')}`,
    name: `Rack ${n}`,
    powerBudgetKW: 17,
    hosts: groups.map(([m, count]) => ({ id: `${site}-r${String(n).padStart(2, '0')}-${m.id}`, model: m.id, count })),
  });
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: 'Enterprise fleet',
    description: `${services.reduce((n, x) => n + x.replicas, 0)} replicas of ${count} services from 12 business units, on two datacenters with three server classes.`,
    hostModels: [GENERAL_2S, MEMORY_2S, COMPACT_1S],
    sites: ['dc-a', 'dc-b'].map((site, s) => ({
      id: site,
      name: s === 0 ? 'Datacenter A' : 'Datacenter B',
      kind: 'datacenter' as const,
      pue: s === 0 ? 1.35 : 1.55,
      energyUSDPerKWh: s === 0 ? 0.11 : 0.16,
      racks: Array.from({ length: 8 * Math.ceil(count / 240) }, (_, r) => rack(site, r + 1, [[GENERAL_2S, 16], [MEMORY_2S, 4], [COMPACT_1S, 8]])),
    })),
    tenants,
    services,
    deployment: { vm: { platform: 'vsphere', flavours: cloudStyleFlavours() }, container: { platform: 'gke' } },
    policy: { algorithm: 'best', sizeKey: 'l2', seed: 1 },
  };
}
