// Scenario rules reach the kernel and hold in the plan: isolation, spread, affinity groups, required labels,
// the cost objective, the policy's algorithm, the sizing answer and the explanation of what is unplaced.
import { describe, expect, it } from 'vitest';
import { EXCLUSIVE_HOST } from '../../../assembly/abi';
import type { Packer, PackOutcome } from '../../../core/kernel/packer';
import { expandContainer } from '../../../core/model/container';
import { expandVm } from '../../../core/model/vm';
import { verifyPacking } from '../../../core/pack/verify';
import { encodeConstraints, planConstraints } from '../../../core/plan/constraints';
import { encodeExpansion } from '../../../core/plan/encode';
import { planScenario } from '../../../core/plan/plan';
import { policyOptions } from '../../../core/plan/pack-model';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import { parseScenarioValue } from '../../../core/scenario/parse';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { minimalInput, parsed } from '../../support/scenarios';

type ServiceInput = ScenarioInput['services'][number];

/** 2 racks × 3 hosts of 8 cores / 64 GiB (one rack of "gpu" hosts), two tenants. */
function base(services: ServiceInput[], policy: ScenarioInput['policy'] = {}): ScenarioInput {
  const input = minimalInput();
  return {
    ...input,
    hostModels: [
      { id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10, priceUSD: 1000 },
      { id: 'g', name: 'GPU host', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10, priceUSD: 5000, labels: ['gpu'] },
    ],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [
      { id: 'r1', hosts: [{ id: 'g1', model: 'h', count: 3 }] },
      { id: 'r2', hosts: [{ id: 'g2', model: 'g', count: 3 }] },
    ] }],
    tenants: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
    services,
    policy: { ...policy, sizing: { runs: 0 } },
  };
}
const svc = (id: string, tenant: string, replicas: number, cpuCores: number, more: Partial<ServiceInput> = {}): ServiceInput =>
  ({ id, name: id, tenant, replicas, demand: { cpuCores, memoryGiB: 1 }, ...more });

/** Packs one model of a scenario the way the plan does and returns the outcome with the rule inputs. */
function packModel(input: ScenarioInput, model: 'vm' | 'container', packer: Packer = createWasmPacker()) {
  const scenario = parsed(input);
  const e = (model === 'vm' ? expandVm : expandContainer)(scenario);
  const c = planConstraints(scenario, e);
  const arena = encodeExpansion(e, packer, c.shape);
  encodeConstraints(scenario, model, e, c, arena);
  const { options } = policyOptions(scenario, arena.items);
  const out: PackOutcome = packer.pack(options);
  return { arena, out, verdict: verifyPacking(arena, out.itemHost) };
}

describe('scenario rules in the plan', () => {
  it('isolation: dedicated-host tenants never share; container pods needing a VM boundary get hosts of their own', () => {
    const input = base([svc('web', 'a', 6, 1), svc('vault', 'b', 2, 1, { isolation: 'dedicated-host' }), svc('api', 'b', 2, 1, { isolation: 'vm' })]);
    for (const model of ['vm', 'container'] as const) {
      const { arena, out, verdict } = packModel(input, model);
      expect(verdict.feasible).toBe(true);
      const hostOf = (i: number) => out.itemHost[i];
      // items: web 0–5, vault 6–7, api 8–9
      for (const v of [6, 7]) for (const w of [0, 1, 2, 3, 4, 5]) expect(hostOf(v)).not.toBe(hostOf(w));
      expect(arena.itemExclusive[6]).toBe(EXCLUSIVE_HOST);
      // api asks for a VM boundary: the VM model gives it; pods share a kernel, so in containers it is exclusive
      expect(arena.itemExclusive[8]).toBe(model === 'vm' ? 0 : EXCLUSIVE_HOST);
    }
  });

  it('spread over racks, and the reason when there are too few racks', () => {
    const input = base([svc('db', 'a', 3, 1, { spread: { domain: 'rack', maxPerDomain: 1 } })]);
    const { arena, out } = packModel(input, 'vm');
    const racks = [0, 1, 2].map((i) => out.itemHost[i]).filter((h) => h >= 0).map((h) => arena.hostRack[h]);
    expect(new Set(racks).size).toBe(2);
    const plan = planScenario(parsed(input), createWasmPacker(), ['vm']).models[0];
    expect(plan.unplacedBy.spread).toBe(1);
    expect(plan.unplacedServices).toEqual([{ serviceId: 'db', count: 1, reason: 'spread', hostsRuledOut: expect.objectContaining({ spread: 6 }) }]);
  });

  it('affinity groups: replica k of each service shares a host', () => {
    const input = base([svc('app', 'a', 3, 2, { affinityGroup: 'pair' }), svc('cache', 'a', 3, 1, { affinityGroup: 'pair' })]);
    const { out, verdict } = packModel(input, 'container');
    expect(verdict.feasible).toBe(true);
    for (let k = 0; k < 3; k++) expect(out.itemHost[k]).toBe(out.itemHost[3 + k]);
    const bad = parseScenarioValue({ ...input, services: [svc('app', 'a', 3, 2, { affinityGroup: 'pair' }), svc('cache', 'a', 2, 1, { affinityGroup: 'pair' })] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ where: '$.services[1].replicas' });
  });

  it('required labels: only labelled hosts, and "labels" when none carries them', () => {
    const input = base([svc('train', 'a', 2, 1, { requiredHostLabels: ['gpu'] })]);
    const { arena, out } = packModel(input, 'vm');
    for (const i of [0, 1]) expect(arena.hostRack[out.itemHost[i]]).toBe(1); // the gpu rack
    const none = planScenario(parsed(base([svc('q', 'a', 1, 1, { requiredHostLabels: ['quantum'] })])), createWasmPacker(), ['vm']).models[0];
    expect(none.unplacedServices[0]).toMatchObject({ serviceId: 'q', reason: 'labels', hostsRuledOut: { labels: 6 } });
  });

  it('cost objective: the plan reports the price of the hosts used, and every host model needs a price', () => {
    // Five VMs of 8 vCPUs plus virtualisation overhead: one per host, three cheap hosts then two dear ones.
    const plan = planScenario(parsed(base([svc('w', 'a', 5, 6)], { objective: 'cost' })), createWasmPacker(), ['vm']).models[0];
    expect(plan.cost).toBe(3 * 1000 + 2 * 5000);
    const noPrice = parseScenarioValue({ ...base([]), policy: { objective: 'cost' }, hostModels: [{ id: 'h', name: 'Host', cores: 8, memoryGiB: 64 }, { id: 'g', name: 'G', cores: 8, memoryGiB: 64 }] });
    expect(noPrice.ok).toBe(false);
  });

  it('"best" uses no more hosts than FFD, verified, the same on the WASM kernel and the reference', () => {
    const services = [4, 3, 3, 2, 2, 2, 1, 1].map((c, k) => svc(`s${k}`, 'a', 3, c * 1.5));
    const ffd = planScenario(parsed(base(services)), createWasmPacker(), ['container']).models[0];
    const best = planScenario(parsed(base(services, { algorithm: 'best' })), createWasmPacker(), ['container']).models[0];
    const ref = planScenario(parsed(base(services, { algorithm: 'best' })), new ReferencePacker(), ['container']).models[0];
    expect(best.hostsUsed).toBeLessThanOrEqual(ffd.hostsUsed);
    expect(best.algorithm).toBe('best (mbs-or-balanced+cns)');
    expect(best.verified && ffd.verified).toBe(true);
    expect(ref).toEqual(best);
    expect(best.gapToBest).toBe(best.hostsUsed - best.bestLowerBound.hosts!);
  });

  it('sizes the pool Borg-style when asked, without a second recorded packing', () => {
    const input = { ...base([svc('w', 'a', 10, 3)]), policy: { sizing: { runs: 5, percentile: 80 } } };
    let packs = 0;
    const inner = createWasmPacker();
    const counting = new Proxy(inner, { get(t, p, r) { const v = Reflect.get(t, p, r); return p === 'pack' ? (...a: Parameters<Packer['pack']>) => { packs++; return inner.pack(...a); } : typeof v === 'function' ? v.bind(t) : v; } });
    const plan = planScenario(parsed(input), counting, ['vm']).models[0];
    expect(packs).toBe(1);
    expect(plan.sizing).toMatchObject({ runs: 5, percentile: 80 });
    expect(plan.sizing!.samples).toHaveLength(5);
    expect(plan.sizing!.hosts).toBeGreaterThanOrEqual(plan.lowerBound.hosts!);
  });
});
