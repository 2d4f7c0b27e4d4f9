// Random scenarios with every kind of rule (spread over hosts and racks, affinity groups, required host labels,
// tenants with isolation needs, pod limits), planned as VMs, pods on bare metal and pods in node VMs: every
// placement passes the independent verifier under every rule, every bound is at most the hosts used, and on these
// small instances an exact HiGHS MIP proves bound ≤ optimum ≤ hosts used.
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactOneLevel, exactTwoLevel } from '../../core/plan/exact';
import { planModels } from '../../core/plan/plan';
import { parseScenarioValue } from '../../core/scenario/parse';
import { ISOLATION_BOUNDARIES, type ScenarioInput } from '../../core/scenario/schema';
import { createWasmPacker } from '../../electron/cli/kernel';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });
const wasm = createWasmPacker();

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((k) => k / 10);

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  racks: fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 2 }),
  cores: fc.integer({ min: 2, max: 4 }),
  labelled: fc.boolean(),
  maxPods: fc.integer({ min: 2, max: 6 }),
  tenants: fc.integer({ min: 1, max: 2 }),
  algorithm: fc.constantFrom('ffd' as const, 'best' as const, 'bfd+cns' as const),
  virt: fc.constantFrom(0, 0.1),
  services: fc.array(fc.record({
    replicas: fc.integer({ min: 1, max: 3 }), tenant: fc.nat(), cpu: tenths(0.2, 2), memoryGiB: fc.integer({ min: 1, max: 6 }),
    isolation: fc.constantFrom(...ISOLATION_BOUNDARIES), spread: fc.option(fc.record({ domain: fc.constantFrom('host' as const, 'rack' as const), max: fc.integer({ min: 1, max: 2 }) }), { nil: undefined }),
    affinity: fc.boolean(), label: fc.boolean(),
  }), { minLength: 1, maxLength: 3 }),
}).map((r) => {
  // Services in one affinity group need equal replica counts: the group takes the first one's.
  const groupReplicas = r.services.find((s) => s.affinity)?.replicas;
  return {
    format: 'hostfit-scenario' as const, version: 2 as const, name: 'Random rules',
    hostModels: [
      { id: 'plain', name: 'Plain', cores: r.cores, threadsPerCore: 2, memoryGiB: 16, diskGB: 100, networkGbps: 1 },
      { id: 'ssd', name: 'SSD', cores: r.cores, threadsPerCore: 2, memoryGiB: 16, diskGB: 100, networkGbps: 1, labels: r.labelled ? ['ssd'] : [] },
    ],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter' as const, racks: r.racks.map(([plain, ssd], k) => ({
      id: `r${k}`, hosts: [{ id: `r${k}p`, model: 'plain', count: plain }, ...(ssd > 0 ? [{ id: `r${k}s`, model: 'ssd', count: ssd }] : [])],
    })) }],
    tenants: Array.from({ length: r.tenants }, (_, k) => ({ id: `t${k}`, name: `Tenant ${k}` })),
    services: r.services.map((s, k) => ({
      id: `svc${k}`, name: `Service ${k}`, tenant: `t${s.tenant % r.tenants}`, replicas: s.affinity ? groupReplicas! : s.replicas,
      demand: { cpuCores: s.cpu, memoryGiB: s.memoryGiB }, isolation: s.isolation,
      ...(s.spread ? { spread: { domain: s.spread.domain, maxPerDomain: s.spread.max } } : {}),
      ...(s.affinity ? { affinityGroup: 'together' } : {}),
      ...(s.label && r.labelled ? { requiredHostLabels: ['ssd'] } : {}),
    })),
    deployment: {
      vm: { hypervisorReserved: { cpuCores: 0, memoryGiB: 0 }, guestOs: { cpuCores: 0, memoryGiB: 0, diskGB: 0 }, perVmOverheadMiB: 0,
        cpuVirtualisationOverhead: r.virt, ioVirtualisationOverhead: 0, flavours: [{ id: 'f1', vcpus: 1, memoryGiB: 2 }, { id: 'f2', vcpus: 2, memoryGiB: 8 }] },
      container: { reservationFormula: 'none' as const, systemReserved: { cpuCores: 0.2, memoryGiB: 0 }, evictionHardMiB: 0, maxPodsPerNode: r.maxPods,
        podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
      containerInVm: { nodeShape: { vcpus: 2, memoryGiB: 8, diskGB: 0 }, shapeSearch: { enabled: false } },
    },
    policy: { algorithm: r.algorithm, improveIterations: 300 },
  };
});

describe('every model under every rule, on random scenarios', { timeout: 120_000 }, () => {
  it('verified; bound <= hosts used; bound <= exact optimum (HiGHS MIP) <= hosts used', () => {
    fc.assert(fc.property(scenarioArb, (input) => {
      const parsed = parseScenarioValue(input);
      fc.pre(parsed.ok);
      if (!parsed.ok) return;
      const s = parsed.scenario;
      const { answers } = planModels(s, wasm, ['vm', 'container', 'container-in-vm'], undefined, { highs });
      expect(answers.map((a) => a.plan.model)).toEqual(['vm', 'container', 'container-in-vm']);
      for (const a of answers) {
        const p = a.plan;
        expect(p.verified, `${p.id} verified`).toBe(true);
        expect(p.placed + p.unplaced).toBe(p.instances);
        if (p.placed === 0) continue;
        expect(p.bestLowerBound.hosts).not.toBeNull();
        expect(p.bestLowerBound.hosts!).toBeLessThanOrEqual(p.hostsUsed);
        expect(p.lowerBound.hosts!).toBeLessThanOrEqual(p.bestLowerBound.hosts!);
        const exact = a.twoLevel
          ? exactTwoLevel(highs, s, a.twoLevel.pods, a.twoLevel.nodes.hosts, a.twoLevel.podHost)
          : exactOneLevel(highs, s, p.model as 'vm' | 'container', a.hosts.expansion, a.hosts.itemHost);
        expect(exact.status, `${p.id}: the plan's placed items have a feasible exact plan`).toBe('optimal');
        expect(p.bestLowerBound.hosts!, `${p.id}: bound ${JSON.stringify(p.bestLowerBound)} <= optimum`).toBeLessThanOrEqual(exact.optimum!);
        expect(exact.optimum!).toBeLessThanOrEqual(p.hostsUsed);
      }
    }), { numRuns: 40, seed: 20261202 });
  });
});
