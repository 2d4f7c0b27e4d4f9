// A plan's best bound counts hosts whatever the policy's objective: with "cost" the LP relaxation minimises the price
// of the hosts, so its value is money and stays out of the host bound (the dual still reports it); the host bound's
// relaxation is solved with hosts minimised.
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { planModels } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { minimalInput, onFfd, parsed } from '../../support/scenarios';

let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

describe('best bound with HiGHS', () => {
  it('stays a host count at most the hosts used when the objective is cost', () => {
    const base = onFfd(exampleScenario(EXAMPLES.find((e) => e.id === 'multi-tenant')!));
    const s = { ...base, policy: { ...base.policy, objective: 'cost' as const } };
    const { answers } = planModels(s, new ReferencePacker(), ['vm', 'container'], undefined, { highs });
    for (const a of answers) {
      expect(a.plan.bestLowerBound.method, a.plan.id).not.toBe('lp');
      expect(a.plan.bestLowerBound.hosts!, a.plan.id).toBeLessThanOrEqual(a.plan.hostsUsed);
      expect(a.plan.gapToBest!, a.plan.id).toBeGreaterThanOrEqual(0);
    }
  }, 30_000);

  // CPU-rich and memory-rich hosts, and demand of both: each dimension alone fits on 2 hosts of the pool, but no 2
  // hosts hold both (the relaxation needs ≈ 2.6 of them), so only the LP bound says 3.
  const mixed = () => {
    const input = minimalInput();
    input.hostModels = [
      { id: 'cpu', name: 'CPU-rich', cores: 32, threadsPerCore: 2, memoryGiB: 32, diskGB: 1000, networkGbps: 10, priceUSD: 9000 },
      { id: 'mem', name: 'Memory-rich', cores: 4, threadsPerCore: 2, memoryGiB: 256, diskGB: 1000, networkGbps: 10, priceUSD: 7000 },
    ];
    input.sites[0].racks[0].hosts = [{ id: 'c', model: 'cpu', count: 8 }, { id: 'm', model: 'mem', count: 8 }];
    input.services = [
      { id: 'compute', name: 'Compute', tenant: 't', replicas: 22, demand: { cpuCores: 4, memoryGiB: 1 } },
      { id: 'cache', name: 'Cache', tenant: 't', replicas: 11, demand: { cpuCores: 0.5, memoryGiB: 32 } },
    ];
    input.deployment = {
      container: { reservationFormula: 'none', evictionHardMiB: 0, systemReserved: { cpuCores: 0, memoryGiB: 0 }, podOverhead: { runc: { cpuCores: 0, memoryMiB: 0 } } },
      vm: { flavours: [{ id: 'f', vcpus: 8, memoryGiB: 40, diskGB: 100 }] },
    };
    return input;
  };

  it.each(['hosts', 'cost'] as const)('takes in the LP relaxation in hosts with the %s objective', (objective) => {
    const input = mixed();
    const s = parsed({ ...input, policy: { objective } });
    const without = planModels(s, new ReferencePacker(), ['container']).answers[0].plan;
    const { plan } = planModels(s, new ReferencePacker(), ['container'], undefined, { highs }).answers[0];
    expect(without.bestLowerBound.hosts).toBe(2);
    expect(plan.bestLowerBound).toEqual({ hosts: 3, by: 'lp', method: 'lp' });
    expect(plan.placed).toBe(33);
    expect(plan.hostsUsed).toBeGreaterThanOrEqual(3);
    expect(plan.gapToBest).toBe(plan.hostsUsed - 3);
  }, 30_000);

  // The fleet's pods on bare metal use 69 hosts against a best bound of 68 with the example's 2 000 improvement
  // iterations. The bound is tight: the same algorithm with a longer search (seed 1 empties the 69th host at iteration
  // 3 349) finds a verified plan on 68, so no valid bound may ever say 69 there.
  it('is reached on the fleet\'s pods by a longer improvement phase: 68 hosts', () => {
    const base = exampleScenario(EXAMPLES.find((e) => e.id === 'fleet')!);
    const s = { ...base, policy: { ...base.policy, improveIterations: 16_000 } };
    const { plan } = planModels(s, createWasmPacker(), ['container'], undefined, { highs }).answers[0];
    expect(plan.verified).toBe(true);
    expect(plan.placed).toBe(2877);
    expect(plan.hostsUsed).toBe(68);
    expect(plan.bestLowerBound.hosts).toBe(68);
  }, 60_000);
});
