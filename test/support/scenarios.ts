// Small scenario builders for tests: a valid minimal scenario, overridable per test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudStyleFlavours, GENERAL_2S, MEMORY_2S } from '../../core/examples/hardware';
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

/**
 * A scenario on FFD. The bundled examples plan with "best"; checks that the WASM kernel equals the reference
 * packer pin FFD, which the reference runs in seconds ("best" on multi-tenant takes it minutes).
 */
export function onFfd(s: Scenario): Scenario {
  return { ...s, policy: { ...s.policy, algorithm: 'ffd' } };
}

/** A bundled example file as a temporary copy on FFD (see `onFfd`), for the command line. */
export function exampleFileOnFfd(id: string): string {
  const doc = JSON.parse(readFileSync(new URL(`../../examples/${id}.hostfit.json`, import.meta.url), 'utf8'));
  doc.policy = { ...doc.policy, algorithm: 'ffd' };
  const file = join(mkdtempSync(join(tmpdir(), 'hostfit-ffd-')), `${id}.hostfit.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/**
 * 99 pods of four shapes on 16 general-purpose and 8 memory-optimised 2-socket hosts (the bundled hardware, cloud-style
 * flavours, default deployment). The rules alone pack the pods on 8 hosts, held to the LP's split over the two host
 * models on 7 (its bound).
 */
export function twoClassPool(): ScenarioInput {
  const input = minimalInput();
  input.hostModels = [GENERAL_2S, { ...MEMORY_2S, labels: ['big-memory'] }];
  input.sites[0].racks[0].hosts = [{ id: 'gp', model: GENERAL_2S.id, count: 16 }, { id: 'mem', model: MEMORY_2S.id, count: 8 }];
  input.services = [
    { id: 'analytics', name: 'Analytics', tenant: 't', replicas: 25, demand: { cpuCores: 8, memoryGiB: 64 } },
    { id: 'api', name: 'API', tenant: 't', replicas: 12, demand: { cpuCores: 4, memoryGiB: 8 } },
    { id: 'web', name: 'Web', tenant: 't', replicas: 24, demand: { cpuCores: 4, memoryGiB: 8 } },
    { id: 'cache', name: 'Cache', tenant: 't', replicas: 38, demand: { cpuCores: 8, memoryGiB: 64 } },
  ];
  input.deployment = { vm: { flavours: cloudStyleFlavours() } };
  return input;
}
