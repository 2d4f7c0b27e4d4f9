// The isolation partitions in whole hosts (core/plan/partition-bound.ts), solved by hand: where a tenant's own hosts
// fill up in one resource and the shared hosts in another, the partitions' integer host counts prove what neither the
// volume and isolation bounds nor the LP relaxation see — on a small scenario and on the bundled multi-tenant example.
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { expandContainer } from '../../../core/model/container';
import { expandVm } from '../../../core/model/vm';
import { exactOneLevel } from '../../../core/plan/exact';
import { PARTITION_MAX_COLUMNS, partitionLowerBound } from '../../../core/plan/partition-bound';
import { planModels } from '../../../core/plan/plan';
import { rulesLowerBound } from '../../../core/plan/bounds';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { onFfd, parsed } from '../../support/scenarios';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

/**
 * Pods on 6 hosts of 8 logical CPUs / 16 GiB, no reservations. Tenant a: 2 databases (1 CPU, 9 GiB) needing hosts of
 * their own — one per host, over half its memory — and 3 cores (1 CPU, 6 GiB) that may share: beside a database only
 * one core fits (9 + 2 × 6 > 16). Tenant b: 5 pods of 1.5 CPU / 1 GiB. So a's 2 hosts hold 2 cores, the third core
 * goes to b's side or a third host of a's: b's 7.5 CPUs + 1 > 8, hence 4 hosts. By volume, a's hosts have room for
 * all 3 cores (14 GiB free of 18 needed, spill 4 GiB, and CPU to spare), so the volume and isolation bounds say 3.
 */
function tenantsApart(): ScenarioInput {
  return {
    format: 'hostfit-scenario', version: 2, name: 'Tenants apart',
    hostModels: [{ id: 'h', name: 'Host', cores: 4, threadsPerCore: 2, memoryGiB: 16 }],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 6 }] }] }],
    tenants: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
    services: [
      { id: 'db', name: 'Database', tenant: 'a', replicas: 2, demand: { cpuCores: 1, memoryGiB: 9 }, isolation: 'dedicated-host' },
      { id: 'core', name: 'Core', tenant: 'a', replicas: 3, demand: { cpuCores: 1, memoryGiB: 6 }, isolation: 'shared-kernel' },
      { id: 'web', name: 'Web', tenant: 'b', replicas: 5, demand: { cpuCores: 1.5, memoryGiB: 1 }, isolation: 'shared-kernel' },
    ],
    deployment: {
      container: { reservationFormula: 'none', evictionHardMiB: 0, systemReserved: { cpuCores: 0, memoryGiB: 0 }, podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
    },
  };
}

describe('isolation partitions in whole hosts', () => {
  it('proves the optimum of a tenant whose own hosts fill up in memory while the shared ones fill up in CPU', () => {
    const s = parsed(tenantsApart());
    const e = expandContainer(s);
    expect(rulesLowerBound(s, 'container', e, null).hosts).toBe(3);
    expect(partitionLowerBound(highs, s, 'container', e, null)).toEqual({ hosts: 4, by: 'partitions', method: 'partitions' });
    expect(exactOneLevel(highs, s, 'container', e, null)).toEqual({ status: 'optimal', optimum: 4 });
    const { answers } = planModels(s, new ReferencePacker(), ['container'], undefined, { highs });
    expect(answers[0].plan.hostsUsed).toBe(4);
    expect(answers[0].plan.bestLowerBound).toEqual({ hosts: 4, by: 'partitions', method: 'partitions' });
    expect(answers[0].plan.gapToBest).toBe(0);
  });

  it('gives no bound where no tenant needs hosts of its own', () => {
    const input = tenantsApart();
    const s = parsed({ ...input, services: input.services.map((x) => ({ ...x, isolation: 'shared-kernel' as const })) });
    expect(partitionLowerBound(highs, s, 'container', expandContainer(s), null)).toBeNull();
  });

  it('proves 9 hosts for VMs on the multi-tenant example, where every other bound says 8', () => {
    // Health's records and portal need 137 of 128 CPUs a host offers: 2 hosts. Three ledger databases of 257 GiB, one
    // per host (two exceed its 511.5 GiB, an edge host holds none): 3 bank hosts, each with room beside its database
    // for one 128.6 GiB core-banking VM at most. The retailer, the SaaS start-up and the 3 other core-banking VMs then
    // need 387.7 CPUs, more than the 384 of 3 hosts.
    const s = onFfd(exampleScenario(EXAMPLES.find((x) => x.id === 'multi-tenant')!));
    const e = expandVm(s);
    expect(rulesLowerBound(s, 'vm', e, null).hosts).toBe(8);
    expect(partitionLowerBound(highs, s, 'vm', e, null)?.hosts).toBe(9);
    const { answers } = planModels(s, new ReferencePacker(), ['vm'], undefined, { highs });
    expect(answers[0].plan.hostsUsed).toBe(9);
    expect(answers[0].plan.bestLowerBound).toEqual({ hosts: 9, by: 'partitions', method: 'partitions' });
  }, 30_000);

  it('takes services alike in shape, partitions and labels as one group: an estate of many small services stays solvable', () => {
    // 50 tenants, each with a database on a host of its own (1 CPU, 9 GiB) and 200 small services (0.1 CPU, 0.1 GiB)
    // that may share. One column per service, partition and host group would be 20 101 columns, over the MIP's size:
    // no bound. Alike services are one group per tenant: 201 columns. Each tenant's 21 CPUs fill 2 hosts of its own
    // and leave 5 CPUs to the shared hosts (or fill 3 of its own), so 50 × 2 + ⌈250 / 8⌉ = 132 hosts, the volume.
    const tenants = Array.from({ length: 50 }, (_, t) => ({ id: `t${t}`, name: `T${t}` }));
    const s = parsed({
      format: 'hostfit-scenario', version: 2, name: 'Many small services',
      hostModels: [{ id: 'h', name: 'Host', cores: 4, threadsPerCore: 2, memoryGiB: 16 }],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 200 }] }] }],
      tenants,
      services: tenants.flatMap((t) => [
        { id: `${t.id}-db`, name: 'Database', tenant: t.id, replicas: 1, demand: { cpuCores: 1, memoryGiB: 9 }, isolation: 'dedicated-host' as const },
        ...Array.from({ length: 200 }, (_, k) => ({ id: `${t.id}-s${k}`, name: `Service ${k}`, tenant: t.id, replicas: 1, demand: { cpuCores: 0.1, memoryGiB: 0.1 } })),
      ]),
      deployment: {
        container: { reservationFormula: 'none', evictionHardMiB: 0, systemReserved: { cpuCores: 0, memoryGiB: 0 }, podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
      },
    });
    expect(50 * 2 * 200 + 50 + 51).toBeGreaterThan(PARTITION_MAX_COLUMNS);
    expect(partitionLowerBound(highs, s, 'container', expandContainer(s), null)).toEqual({ hosts: 132, by: 'partitions', method: 'partitions' });
  }, 30_000);

  it('keeps host models apart whose labels differ, even where their texts join alike ("gpu+ssd" and "gpu", "ssd")', () => {
    // The labels are free text: two models of one size labelled ["gpu+ssd"] and ["gpu", "ssd"] hold different
    // services. Taken as one group, the "gpu" pods would lose the second model's host and need a third host.
    const s = parsed({
      format: 'hostfit-scenario', version: 2, name: 'Labels',
      hostModels: [
        { id: 'a', name: 'A', cores: 4, threadsPerCore: 2, memoryGiB: 16, labels: ['gpu+ssd'] },
        { id: 'b', name: 'B', cores: 4, threadsPerCore: 2, memoryGiB: 16, labels: ['gpu', 'ssd'] },
        { id: 'c', name: 'C', cores: 2, threadsPerCore: 2, memoryGiB: 8, labels: ['gpu', 'gpu+ssd'] },
      ],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [
        { id: 'ga', model: 'a', count: 1 }, { id: 'gb', model: 'b', count: 1 }, { id: 'gc', model: 'c', count: 6 }] }] }],
      tenants: [{ id: 't', name: 'T' }, { id: 'u', name: 'U' }],
      services: [
        { id: 'gpu', name: 'GPU', tenant: 't', replicas: 2, demand: { cpuCores: 3, memoryGiB: 6 }, requiredHostLabels: ['gpu'] },
        { id: 'both', name: 'Both', tenant: 't', replicas: 2, demand: { cpuCores: 3, memoryGiB: 6 }, requiredHostLabels: ['gpu+ssd'] },
        { id: 'own', name: 'Own', tenant: 'u', replicas: 1, demand: { cpuCores: 1, memoryGiB: 1 }, isolation: 'dedicated-host' },
      ],
      deployment: {
        container: { reservationFormula: 'none', evictionHardMiB: 0, systemReserved: { cpuCores: 0, memoryGiB: 0 }, podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
      },
    });
    const e = expandContainer(s);
    const exact = exactOneLevel(highs, s, 'container', e, null);
    expect(exact).toEqual({ status: 'optimal', optimum: 3 });
    expect(partitionLowerBound(highs, s, 'container', e, null)?.hosts).toBe(3);
  });
});
