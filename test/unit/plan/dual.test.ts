// The dual of a plan, solved by hand: a resource that does not bind has price 0, the binding one is priced at
// what one more unit of it saves, and a rule's cost is the difference between the plan with it and without it.
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { answersDual, planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { onFfd, parsed } from '../../support/scenarios';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

/** 4 hosts of 16 logical CPUs / 64 GiB, no reservations; pods of 4 cores / 2 GiB: CPU binds, memory does not. */
function cpuBound(replicas = 6, spread?: number): ScenarioInput {
  return {
    format: 'hostfit-scenario', version: 2, name: 'CPU bound',
    hostModels: [{ id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64 }],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 4 }] }] }],
    tenants: [{ id: 't', name: 'T' }],
    services: [{ id: 'app', name: 'App', tenant: 't', replicas, demand: { cpuCores: 4, memoryGiB: 2 },
      ...(spread ? { spread: { domain: 'host' as const, maxPerDomain: spread } } : {}) }],
    deployment: {
      container: { reservationFormula: 'none', evictionHardMiB: 0, systemReserved: { cpuCores: 0, memoryGiB: 0 }, podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
      vm: { hypervisorReserved: { cpuCores: 0, memoryGiB: 0 }, guestOs: { cpuCores: 0, memoryGiB: 0, diskGB: 0 }, perVmOverheadMiB: 0,
        cpuVirtualisationOverhead: 0, flavours: [{ id: 'f', vcpus: 4, memoryGiB: 2 }] },
      containerInVm: { nodeShape: { vcpus: 8, memoryGiB: 32 }, shapeSearch: { enabled: false } },
    },
  };
}

describe('the dual, hand-solved', () => {
  it('prices the binding resource and gives 0 to a resource that does not bind', () => {
    const s = parsed(cpuBound());
    const packer = new ReferencePacker();
    const { answers } = planModels(s, packer, ['container']);
    const [d] = answersDual(highs, s, packer, answers);
    // 6 × 4000 m on 16000 m hosts: LP 1.5 hosts, bound 2. Memory: 6 × 2 GiB of 64 GiB, far from binding.
    expect(d.value).toBeCloseTo(1.5, 6);
    expect(d.bound).toBe(2);
    const price = (r: string) => d.prices.find((p) => p.hostModel === 'h' && p.resource === r)!.price;
    expect(price('memory')).toBe(0);
    expect(price('disk')).toBe(0);
    // The LP needs y = 24 cores / C hosts of C = 16 cores: one core more per host saves −dy/dC = 24/C² = 1.5/16 hosts.
    expect(price('cpu')).toBeCloseTo(1.5 / 16, 6);
    expect(d.hostModels).toEqual([{ hostModel: 'h', hostsInLp: 1.5, reducedCost: 0 }]);
  });

  it('a spread rule costs the difference of the plans with and without it', () => {
    const packer = new ReferencePacker();
    const withRule = parsed(cpuBound(4, 1));
    const { answers } = planModels(withRule, packer, ['vm', 'container', 'container-in-vm']);
    const duals = answersDual(highs, withRule, packer, answers);
    const free = planModels(parsed(cpuBound(4)), packer, ['vm', 'container', 'container-in-vm']).result;
    answers.forEach((a, k) => {
      const cost = duals[k].ruleCosts['spread:app'];
      // At most one replica per host: four hosts; without the rule the four fit on fewer.
      expect(a.plan.hostsUsed).toBe(4);
      expect(cost.hosts).toBe(a.plan.hostsUsed - free.models[k].hostsUsed);
      expect(cost.hosts).toBeGreaterThan(0);
      expect(cost.lp).toBeGreaterThan(0);
      expect(duals[k].bound).toBe(4);
    });
    // Pods on bare metal: 4 × 4 cores on 16-core hosts without the rule is 1 host, so the rule costs 3.
    expect(duals[1].ruleCosts['spread:app']).toEqual({ lp: 3, hosts: 3 });
  });

  it('a rule never makes the relaxation cheaper: two tenants with hosts of their own (multi-tenant example)', () => {
    // On FFD: each rule's cost re-plans without the rule, in seconds with the reference packer.
    const scenario = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'multi-tenant')!));
    const packer = new ReferencePacker();
    const { answers } = planModels(scenario, packer, ['vm', 'container']);
    for (const [k, d] of answersDual(highs, scenario, packer, answers).entries()) {
      const costs = Object.entries(d.ruleCosts);
      expect(costs.some(([rule]) => rule.startsWith('isolation:')), answers[k].plan.id).toBe(true);
      for (const [rule, c] of costs) expect(c.lp, `${answers[k].plan.id} ${rule}`).toBeGreaterThanOrEqual(-1e-6);
    }
  }, 30_000);
});
