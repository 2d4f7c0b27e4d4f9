// Hand-worked comparisons: host counts, bounds and overhead totals computed here by arithmetic for a small
// scenario under all three models, then checked against the whole pipeline (expand → pack → metrics).
import { describe, expect, it } from 'vitest';
import { compareAnswers, compareScenario } from '../../../core/compare/compare';
import type { ModelResult } from '../../../core/compare/result';
import { EXAMPLES, exampleScenario } from '../../../core/examples/index';
import { BREAKDOWN_CATEGORIES } from '../../../core/metrics/breakdown';
import { planModels, planScenario } from '../../../core/plan/plan';
import { ReferencePacker } from '../../../core/reference/reference-packer';
import type { ScenarioInput } from '../../../core/scenario/schema';
import { createWasmPacker } from '../../../electron/cli/kernel';
import { onFfd, parsed } from '../../support/scenarios';

const packer = new ReferencePacker();

/** 10 hosts of 16 logical CPUs / 64 GiB; 20 replicas of 1 core / 2 GiB; every parameter that matters set. */
function handWorked(): ScenarioInput {
  return {
    format: 'hostfit-scenario', version: 2, name: 'Hand-worked',
    hostModels: [{ id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10 }],
    sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 10 }] }] }],
    tenants: [{ id: 't', name: 'Tenant' }],
    services: [{ id: 'web', name: 'Web', tenant: 't', replicas: 20, demand: { cpuCores: 1, memoryGiB: 2 } }],
    deployment: {
      vm: {
        hypervisorReserved: { cpuCores: 1, memoryGiB: 4 }, guestOs: { cpuCores: 0, memoryGiB: 1, diskGB: 0 }, perVmOverheadMiB: 256,
        cpuVirtualisationOverhead: 0.1, ioVirtualisationOverhead: 0,
        flavours: [{ id: 'small', vcpus: 1, memoryGiB: 4, diskGB: 0 }, { id: 'large', vcpus: 4, memoryGiB: 16, diskGB: 0 }],
      },
      container: {
        reservationFormula: 'none', systemReserved: { cpuCores: 0.5, memoryGiB: 1 }, evictionHardMiB: 100,
        runtimeClass: 'kata', sidecar: { enabled: true }, maxPodsPerNode: 8,
      },
      containerInVm: { nodeShape: { vcpus: 4, memoryGiB: 16, diskGB: 0 }, shapeSearch: { enabled: false } },
    },
  };
}

const byId = (models: readonly ModelResult[], id: string) => models.find((m) => m.id === id)!;
const sumsToCapacity = (m: ModelResult) => [0, 1, 2, 3].every((d) =>
  BREAKDOWN_CATEGORIES.reduce((s, c) => s + m.breakdown.categories[c][d], 0) === m.breakdown.capacity[d]);

describe('compare, worked by hand', () => {
  const result = compareScenario(parsed(handWorked()), packer);

  it('VM: 1 core + 0 guest CPU → small flavour (1 vCPU, 4 GiB); 13 VMs per host → 2 hosts', () => {
    const vm = byId(result.models, 'vm');
    // VM demand: CPU 1000 + 10 % of 1000 = 1100 m; memory 4096 + 256 = 4352 MiB.
    // Host: (16000 − 1000) m = 15000 m, 65536 − 4096 = 61440 MiB → min(⌊15000/1100⌋, ⌊61440/4352⌋) = min(13, 14) = 13.
    expect(vm.hostsUsed).toBe(Math.ceil(20 / Math.min(Math.floor(15000 / 1100), Math.floor(61440 / 4352))));
    expect(vm.lowerBound.hosts).toBe(Math.max(Math.ceil(20 * 1100 / 15000), Math.ceil(20 * 4352 / 61440)));
    expect(vm.gap).toBe(0);
    const c = vm.breakdown.categories;
    expect(vm.breakdown.capacity).toEqual([2 * 16000, 2 * 65536, 2 * 1_000_000, 2 * 10_000]);
    expect(c.workload.slice(0, 2)).toEqual([20 * 1000, 20 * 2048]);
    expect(c.guestOs.slice(0, 2)).toEqual([0, 20 * 1024]);
    expect(c.flavourRounding.slice(0, 2)).toEqual([0, 20 * (4096 - 2048 - 1024)]);
    expect(c.hypervisor.slice(0, 2)).toEqual([20 * 100, 20 * 256]);
    expect(c.reservations.slice(0, 2)).toEqual([2 * 1000, 2 * 4096]);
    expect(c.free.slice(0, 2)).toEqual([2 * 15000 - 20 * 1100, 2 * 61440 - 20 * 4352]);
    expect(sumsToCapacity(vm)).toBe(true);
    expect(vm.lifecycle.relocation?.kind).toBe('live-migration');
    // 4 GiB over half of 10 Gbps: 4096 × 8 × 1.048576 Mb / 5000 Mbps
    expect(vm.lifecycle.relocation?.maxSeconds).toBeCloseTo(4096 * 8 * 1.048576 / 5000, 9);
  });

  it('container: Kata + sidecar pods of 1350 m / 2296 MiB, 8 pods per node → 3 hosts, bound by the pod limit', () => {
    const c = byId(result.models, 'container');
    // Pod: 1000 + 250 + 100 m; 2048 + 120 + 128 MiB. Node: 16000 − 500 m; 65536 − 1024 − 100 MiB.
    const perNode = Math.min(Math.floor(15500 / 1350), Math.floor(64412 / 2296), 8);
    expect(perNode).toBe(8);
    expect(c.hostsUsed).toBe(Math.ceil(20 / perNode));
    expect(c.lowerBound).toEqual({ hosts: 3, by: 'items' });
    const k = c.breakdown.categories;
    expect(k.workload.slice(0, 2)).toEqual([20000, 20 * 2048]);
    expect(k.runtime.slice(0, 2)).toEqual([20 * 250, 20 * 120]);
    expect(k.sidecars.slice(0, 2)).toEqual([20 * 100, 20 * 128]);
    expect(k.reservations.slice(0, 2)).toEqual([3 * 500, 3 * (1024 + 100)]);
    expect(k.free.slice(0, 2)).toEqual([3 * 15500 - 20 * 1350, 3 * 64412 - 20 * 2296]);
    expect(sumsToCapacity(c)).toBe(true);
    // The two full nodes are closed by the pod limit; what they have left is stranded.
    expect(c.stranded.closedBy.items).toBe(2);
    expect(c.stranded.amount.cpu).toBe(2 * (15500 - 8 * 1350));
    expect(c.stranded.amount.memory).toBe(2 * (64412 - 8 * 2296));
    expect(c.lifecycle.relocation).toMatchObject({ kind: 'restart', meanSeconds: 30 + 10 + 3.5, downtimeSeconds: 30 + 10 + 3.5 });
  });

  it('container-in-VM: 2 pods per 4-vCPU node VM, 3 node VMs per host → 10 node VMs on 4 hosts', () => {
    const m = byId(result.models, 'container-in-vm');
    // Node allocatable: 4000 − 500 m, 16384 − 1124 MiB → min(⌊3500/1350⌋, ⌊15260/2296⌋, 8) = 2 pods.
    const podsPerNode = Math.min(Math.floor(3500 / 1350), Math.floor(15260 / 2296), 8);
    const nodes = Math.ceil(20 / podsPerNode);
    // Node VM on its host: 4000 m + 10 % of (2 × 1350 + 500) m used = 4320 m; 16384 + 256 MiB.
    const nodesPerHost = Math.min(Math.floor(15000 / 4320), Math.floor(61440 / 16640));
    expect(m.nodes?.nodesUsed).toBe(nodes);
    expect(m.hostsUsed).toBe(Math.ceil(nodes / nodesPerHost));
    // Bound: pods need ⌈27000/3500⌉ = 8 node VMs at least; 8 × (4000 m, 16640 MiB) needs ⌈32000/15000⌉ = 3 hosts.
    expect(m.lowerBound.hosts).toBe(3);
    expect(m.gap).toBe(1);
    const k = m.breakdown.categories;
    expect(k.workload[0]).toBe(20000);
    expect(k.runtime[0]).toBe(20 * 250);
    expect(k.sidecars[0]).toBe(20 * 100);
    expect(k.reservations[0]).toBe(nodes * 500 + 4 * 1000);
    expect(k.nodeFree[0]).toBe(nodes * (3500 - 2 * 1350));
    expect(k.hypervisor[0]).toBe(nodes * 320);
    expect(k.free[0]).toBe(4 * 15000 - nodes * 4320);
    expect(k.nodeFree[1]).toBe(nodes * (15260 - 2 * 2296));
    expect(k.hypervisor[1]).toBe(nodes * 256);
    expect(sumsToCapacity(m)).toBe(true);
    expect(m.lifecycle.newNodeStartupSeconds).toBe(20 + 40 + 30 + 10 + 3.5);
  });

  it('searches node shapes and reports the best next to the configured one', () => {
    const input = handWorked();
    input.deployment!.containerInVm = { nodeShape: { vcpus: 4, memoryGiB: 16, diskGB: 0 }, shapeSearch: { enabled: true, hostFractions: 2, includeFlavours: false } };
    const r = compareScenario(parsed(input), packer, { headroom: false, models: ['container-in-vm'] });
    expect(r.models.map((m) => m.id)).toEqual(['container-in-vm', 'container-in-vm-best']);
    const search = r.models[0].nodes!.search!;
    expect(search.candidates.map((c) => c.label)).toEqual(['configured', '1/1 of h', '1/2 of h']);
    // 1/1: 13 vCPU (⌊15000 / 1100⌋) and 59.75 GiB; 8 pods per node VM → 3 node VMs, one per host → 3 hosts.
    expect(search.candidates[1].shape).toEqual({ vcpus: 13, memoryGiB: 59.75, diskGB: 1000 });
    expect(search.candidates[1].hosts).toBe(3);
    // 1/2: 6 vCPU, 29.75 GiB; 4 pods per node VM → 5 node VMs, two per host → 3 hosts.
    expect(search.candidates[2].shape).toEqual({ vcpus: 6, memoryGiB: 29.75, diskGB: 500 });
    expect(search.candidates[2]).toMatchObject({ nodes: 5, hosts: 3 });
    expect(search.candidates[0].hosts).toBe(4);
    expect(r.models[1].hostsUsed).toBe(3);
    expect([1, 2]).toContain(search.best);
  });
});

describe('isolation as a hard placement rule', () => {
  type Boundary = 'dedicated-host' | 'vm' | 'sandbox' | 'shared-kernel';
  function twoTenants(ranking?: Boundary[]): ScenarioInput {
    return {
      format: 'hostfit-scenario', version: 2, name: 'Two tenants',
      hostModels: [{ id: 'h', name: 'Host', cores: 8, threadsPerCore: 2, memoryGiB: 64 }],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 4 }] }] }],
      tenants: [{ id: 'bank', name: 'Bank' }, { id: 'shop', name: 'Shop' }],
      services: [
        { id: 'ledger', name: 'Ledger', tenant: 'bank', replicas: 3, demand: { cpuCores: 1, memoryGiB: 2 }, isolation: 'vm' },
        { id: 'store', name: 'Store', tenant: 'shop', replicas: 3, demand: { cpuCores: 1, memoryGiB: 2 } },
      ],
      deployment: {
        vm: { hypervisorReserved: { cpuCores: 0, memoryGiB: 0 }, guestOs: { cpuCores: 0, memoryGiB: 0, diskGB: 0 }, perVmOverheadMiB: 0,
          cpuVirtualisationOverhead: 0, flavours: [{ id: 'f', vcpus: 1, memoryGiB: 2 }] },
        container: { reservationFormula: 'none', evictionHardMiB: 0 },
        containerInVm: { nodeShape: { vcpus: 8, memoryGiB: 32 }, shapeSearch: { enabled: false } },
        ...(ranking ? { isolation: { ranking } } : {}),
      },
    };
  }

  it('default ranking: a VM boundary is enough in the VM model; runc pods need hosts of their own; node VMs suffice in container-in-VM', () => {
    const r = compareScenario(parsed(twoTenants()), packer, { headroom: false });
    const [vm, container, cinvm] = ['vm', 'container', 'container-in-vm'].map((id) => byId(r.models, id));
    expect(r.isolationRanking).toBe('dedicated-host > vm > sandbox > shared-kernel');
    expect(vm.hostsUsed).toBe(1); // 6 VMs of 1 vCPU / 2 GiB share one host
    expect(vm.isolation.crossTenantPairs.vm).toBe(3 * 3);
    expect(container.hostsUsed).toBe(2); // bank's pods on a host of their own
    expect(container.isolation.rules['host-exclusive']).toBe(3);
    expect(container.isolation.crossTenantPairs['shared-kernel']).toBe(0);
    expect(cinvm.nodes?.nodesUsed).toBe(2); // bank's pods in a node VM of their own …
    expect(cinvm.hostsUsed).toBe(1); // … both 8-vCPU node VMs on one 16-CPU host
    expect(cinvm.isolation.crossTenantPairs).toEqual({ 'shared-kernel': 0, vm: 9 });
    for (const m of r.models) expect(m.isolation.violations).toBe(0);
  });

  it('an edited ranking (shared kernel above VM, as the seed brief has it) changes the rules and says so', () => {
    const r = compareScenario(parsed(twoTenants(['dedicated-host', 'sandbox', 'shared-kernel', 'vm'])), packer, { headroom: false });
    expect(r.isolationRanking).toBe('dedicated-host > sandbox > shared-kernel > vm');
    // Now the store (shared-kernel) ranks a VM boundary too weak: in the VM model each tenant gets its own hosts.
    expect(byId(r.models, 'vm').hostsUsed).toBe(2);
    // Pods on one kernel are fine for both.
    expect(byId(r.models, 'container').hostsUsed).toBe(1);
  });
});

describe('compare on the bundled examples', () => {
  // The reference packer scans hosts linearly: too slow for the fleet's shape search in a unit test, so the
  // fleet is checked for consistency with the WASM packer only.
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: WASM and reference packers agree; every total is consistent', { timeout: 30_000 }, (id, example) => {
    const scenario = exampleScenario(example);
    const wasm = compareScenario(scenario, createWasmPacker(), { headroom: id !== 'fleet' });
    expect(wasm.algorithm).toBe('best');
    if (id !== 'fleet') {
      const ffd = onFfd(scenario);
      expect({ ...compareScenario(ffd, createWasmPacker()), packer: 'reference' }).toEqual(compareScenario(ffd, packer));
    }
    for (const m of wasm.models) {
      expect(sumsToCapacity(m)).toBe(true);
      expect(m.placed + m.unplaced).toBe(m.instances);
      expect(m.isolation.violations).toBe(0);
      if (m.lowerBound.hosts !== null) expect(m.hostsUsed).toBeGreaterThanOrEqual(m.lowerBound.hosts);
    }
  });
});

describe('placement rules in the comparison', () => {
  /** Two services on 6 hosts: `web` spread at most one replica per host, `cache` pinned to hosts labelled ssd. */
  function ruled(): ScenarioInput {
    return {
      format: 'hostfit-scenario', version: 2, name: 'Ruled',
      hostModels: [
        { id: 'plain', name: 'Plain', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10 },
        { id: 'ssd', name: 'SSD', cores: 8, threadsPerCore: 2, memoryGiB: 64, diskGB: 1000, networkGbps: 10, labels: ['ssd'] },
      ],
      sites: [{ id: 's', name: 'Site', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'p', model: 'plain', count: 4 }, { id: 'q', model: 'ssd', count: 2 }] }] }],
      tenants: [{ id: 't', name: 'T' }],
      services: [
        { id: 'web', name: 'Web', tenant: 't', replicas: 4, demand: { cpuCores: 1, memoryGiB: 2 }, spread: { domain: 'host', maxPerDomain: 1 } },
        { id: 'cache', name: 'Cache', tenant: 't', replicas: 2, demand: { cpuCores: 1, memoryGiB: 2 }, requiredHostLabels: ['ssd'] },
      ],
      deployment: { containerInVm: { nodeShape: { vcpus: 8, memoryGiB: 32 }, shapeSearch: { enabled: false } } },
      policy: { algorithm: 'ffd' },
    };
  }

  it('VMs and pods on bare metal obey spread and host labels, with the same host counts as the plan', () => {
    const scenario = parsed(ruled());
    const r = compareScenario(scenario, packer, { headroom: false });
    const plan = planScenario(scenario, packer);
    const input = ruled();
    for (const s of input.services) { delete s.spread; delete s.requiredHostLabels; }
    const free = compareScenario(parsed(input), packer, { headroom: false });
    for (const id of ['vm', 'container'] as const) {
      const m = byId(r.models, id);
      // FFD in topology order: the four web replicas on the four plain hosts, one each; the cache needs an ssd host.
      expect(m.placed).toBe(6);
      expect(m.hostsUsed).toBe(5);
      expect(m.verified).toBe(true);
      expect(m.hostsUsed).toBe(plan.models.find((p) => p.model === id)!.hostsUsed);
      // Without the rules all six fit one host.
      expect(byId(free.models, id).hostsUsed).toBe(1);
    }
    // Pods in node VMs: the spread counts pods by the host of their node VM, and the cache's node VM needs an ssd
    // host. Four web pods at most one per host need four hosts; one ssd host also takes the cache's node VM.
    const cvm = byId(r.models, 'container-in-vm');
    expect(cvm.verified).toBe(true);
    expect(cvm.placed).toBe(6);
    expect(cvm.hostsUsed).toBe(plan.models.find((p) => p.model === 'container-in-vm')!.hostsUsed);
    expect(cvm.bestLowerBound).toEqual({ hosts: 4, by: 'spread:web', method: 'spread' });
    expect(cvm.hostsUsed).toBeGreaterThanOrEqual(4);
    const { answers } = planModels(scenario, packer, ['container-in-vm']);
    const two = answers[0].twoLevel!;
    const webHosts = [0, 1, 2, 3].map((p) => two.podHost[p]);
    expect(new Set(webHosts).size).toBe(4);
    const hostGroupOf = (h: number) => { let start = 0; for (const g of two.nodes.hosts) { if (h < start + g.count) return g; start += g.count; } return null; };
    for (const p of [4, 5]) expect(hostGroupOf(two.podHost[p])?.modelId).toBe('ssd');
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: every model\'s host count equals the plan\'s, verified under every rule', { timeout: 30_000 }, (_id, example) => {
    const scenario = exampleScenario(example);
    const kernel = createWasmPacker();
    const { result: plan, answers } = planModels(scenario, kernel);
    const r = compareAnswers(scenario, kernel, plan, answers, { headroom: false });
    expect(r.models.map((m) => [m.id, m.hostsUsed, m.placed, m.verified])).toEqual(plan.models.map((m) => [m.id, m.hostsUsed, m.placed, true]));
  });
});
