// The isolation partitions in whole hosts (core/plan/partition-bound.ts) must stay a lower bound: on random small
// scenarios with tenants that need hosts of their own beside shareable items of the same tenant, two host sizes in
// three racks on two sites (two models of one size whose labels join alike), spread over hosts, racks and sites,
// required labels and pod limits, the bound is at most the hosts of a verified packing and at most the optimum an
// exact HiGHS MIP proves, and it is there wherever a tenant needs hosts of its own.
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { placementRule } from '../../core/model/isolation';
import { exactOneLevel } from '../../core/plan/exact';
import { partitionLowerBound } from '../../core/plan/partition-bound';
import { planModels } from '../../core/plan/plan';
import { parseScenarioValue } from '../../core/scenario/parse';
import type { ScenarioInput } from '../../core/scenario/schema';
import { createWasmPacker } from '../../electron/cli/kernel';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });
const wasm = createWasmPacker();

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((k) => k / 10);

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  small: fc.integer({ min: 1, max: 3 }),
  large: fc.integer({ min: 1, max: 3 }),
  twin: fc.integer({ min: 1, max: 2 }),
  labelled: fc.boolean(),
  maxPods: fc.integer({ min: 2, max: 8 }),
  services: fc.array(fc.record({
    replicas: fc.integer({ min: 1, max: 3 }), tenant: fc.integer({ min: 0, max: 2 }), cpu: tenths(0.5, 6), memoryGiB: fc.integer({ min: 1, max: 20 }),
    isolation: fc.constantFrom('dedicated-host' as const, 'dedicated-host' as const, 'vm' as const, 'shared-kernel' as const),
    spread: fc.option(fc.record({ domain: fc.constantFrom('host' as const, 'rack' as const, 'site' as const), max: fc.integer({ min: 1, max: 2 }) }), { nil: undefined }),
    label: fc.option(fc.constantFrom('ssd', 'gpu', 'ssd+gpu'), { nil: undefined }),
  }), { minLength: 2, maxLength: 4 }),
}).map((r) => ({
  format: 'hostfit-scenario' as const, version: 2 as const, name: 'Random partitions',
  hostModels: [
    { id: 'small', name: 'Small', cores: 2, threadsPerCore: 2, memoryGiB: 16, labels: r.labelled ? ['ssd'] : [] },
    // Two models of one size whose free-text labels join alike: they hold different services.
    { id: 'large', name: 'Large', cores: 4, threadsPerCore: 2, memoryGiB: 32, labels: r.labelled ? ['ssd+gpu'] : [] },
    { id: 'twin', name: 'Twin', cores: 4, threadsPerCore: 2, memoryGiB: 32, labels: r.labelled ? ['ssd', 'gpu'] : [] },
  ],
  sites: [
    { id: 's', name: 'Site', kind: 'datacenter' as const, racks: [
      { id: 'r0', hosts: [{ id: 'r0s', model: 'small', count: r.small }, { id: 'r0l', model: 'large', count: 1 }] },
      { id: 'r1', hosts: [{ id: 'r1l', model: 'large', count: r.large }] },
    ] },
    { id: 'z', name: 'Second site', kind: 'datacenter' as const, racks: [{ id: 'r2', hosts: [{ id: 'r2t', model: 'twin', count: r.twin }] }] },
  ],
  tenants: [{ id: 't0', name: 'T0' }, { id: 't1', name: 'T1' }, { id: 't2', name: 'T2' }],
  services: r.services.map((s, k) => ({
    id: `svc${k}`, name: `Service ${k}`, tenant: `t${s.tenant}`, replicas: s.replicas,
    demand: { cpuCores: s.cpu, memoryGiB: s.memoryGiB }, isolation: s.isolation,
    ...(s.spread ? { spread: { domain: s.spread.domain, maxPerDomain: s.spread.max } } : {}),
    ...(s.label && r.labelled ? { requiredHostLabels: [s.label] } : {}),
  })),
  deployment: {
    vm: { hypervisorReserved: { cpuCores: 0, memoryGiB: 0 }, guestOs: { cpuCores: 0, memoryGiB: 0, diskGB: 0 }, perVmOverheadMiB: 0,
      cpuVirtualisationOverhead: 0, ioVirtualisationOverhead: 0,
      flavours: [{ id: 'f1', vcpus: 1, memoryGiB: 4 }, { id: 'f2', vcpus: 2, memoryGiB: 8 }, { id: 'f4', vcpus: 4, memoryGiB: 16 }, { id: 'f8', vcpus: 8, memoryGiB: 32 }] },
    container: { reservationFormula: 'none' as const, systemReserved: { cpuCores: 0, memoryGiB: 0 }, evictionHardMiB: 0, maxPodsPerNode: r.maxPods,
      podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
  },
  policy: { algorithm: 'bfd+cns' as const, improveIterations: 200 },
}));

describe('isolation partitions in whole hosts, on random scenarios', { timeout: 120_000 }, () => {
  it('bound <= hosts of a verified packing; bound <= exact optimum (HiGHS MIP)', () => {
    let bounded = 0;
    fc.assert(fc.property(scenarioArb, (input) => {
      const parsed = parseScenarioValue(input);
      fc.pre(parsed.ok);
      if (!parsed.ok) return;
      const s = parsed.scenario;
      const { answers } = planModels(s, wasm, ['vm', 'container']);
      for (const a of answers) {
        const p = a.plan, model = p.model as 'vm' | 'container';
        if (p.placed === 0) continue;
        expect(p.verified, `${p.id} verified`).toBe(true);
        const b = partitionLowerBound(highs, s, model, a.hosts.expansion, a.hosts);
        if (b === null) {
          // Null only where no placed item needs a host of its own (or the MIP is too large: never on these).
          const own = s.services.some((x) => placementRule(model, x.isolation, s) === 'host-exclusive');
          if (p.unplaced === 0) expect(own, `${p.id}: a bound wherever a tenant needs hosts of its own`).toBe(false);
          continue;
        }
        bounded++;
        expect(b.hosts!, `${p.id}: partitions <= hosts used`).toBeLessThanOrEqual(p.hostsUsed);
        const exact = exactOneLevel(highs, s, model, a.hosts.expansion, a.hosts.itemHost);
        expect(exact.status, `${p.id}: the plan's placed items have a feasible exact plan`).toBe('optimal');
        expect(b.hosts!, `${p.id}: partitions ${b.hosts} <= optimum`).toBeLessThanOrEqual(exact.optimum!);
      }
    }), { numRuns: 60, seed: 20261203 });
    expect(bounded).toBeGreaterThan(30);
  });
});
