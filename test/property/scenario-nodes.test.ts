// The container-in-VM column of scenario simulations on random scenarios: random hosts, services, traces and
// lifetimes, node shapes, pool limits, autoscaler settings, HPA on or off, in both semantics. The WASM kernel equals
// the TypeScript reference exactly (totals, series, node pool); Kubernetes node VMs never exceed what the hosts hold
// (their full footprint) nor the pool limit; pods
// running never exceed the replica slots; Kubernetes pods are restarted, never migrated; the same seed repeats the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPACT_1S, EDGE_1U } from '../../core/examples/hardware';
import { parseScenarioValue } from '../../core/scenario/parse';
import { WasmSimulator } from '../../core/sim/kernel/wasm-simulator';
import { ReferenceSimulator } from '../../core/sim/reference/reference-simulator';
import { simulateScenario } from '../../core/sim/scenario/run';
import { createWasmPacker, loadKernelBytes } from '../../electron/cli/kernel';

const wasm = WasmSimulator.fromBytes(loadKernelBytes('release'));
const reference = new ReferenceSimulator();
const packer = createWasmPacker();

const scenarioArb = fc.integer({ min: 6, max: 24 }).chain((samples) => fc.record({
  hosts: fc.array(fc.record({ model: fc.constantFrom(COMPACT_1S, EDGE_1U), count: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
  services: fc.array(fc.record({
    replicas: fc.integer({ min: 1, max: 6 }), cpuCores: fc.constantFrom(0.25, 0.5, 1, 2, 3), memoryGiB: fc.constantFrom(0.5, 1, 2, 6),
    trace: fc.option(fc.array(fc.integer({ min: 0, max: 100 }).map((v) => v / 100), { minLength: samples, maxLength: samples }), { nil: undefined }),
    arrive: fc.constantFrom(undefined, undefined, 900, 2400), depart: fc.constantFrom(undefined, undefined, 3600, 5400),
  }), { minLength: 1, maxLength: 4 }),
  hpa: fc.boolean(),
  nodes: fc.record({
    semantics: fc.constantFrom('kubernetes', 'kubernetes', 'containercloudsim'),
    nodeShape: fc.record({ vcpus: fc.integer({ min: 2, max: 12 }), memoryGiB: fc.constantFrom(4, 8, 16, 32) }),
    maxNodes: fc.constantFrom(0, 0, 2, 4), minNodes: fc.constantFrom(0, 1),
    autoscaler: fc.record({ scaleDownUtilisation: fc.constantFrom(0.3, 0.5, 0.8), scaleDownUnneededSeconds: fc.constantFrom(0, 300, 900),
      scoring: fc.constantFrom('most-allocated', 'least-allocated') }),
    containercloudsim: fc.record({ quirks: fc.subarray(['idle_host_free', 'empty_vms_destroyed', 'stale_vm_free_mips', 'future_percentile_overbooking', 'random_new_vm_host']) }),
  }),
  seed: fc.nat({ max: 1000 }),
  samples: fc.constant(samples),
}));

type Drawn = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(d: Drawn) {
  const models = [...new Map(d.hosts.map((h) => [h.model.id, h.model])).values()];
  const traces = d.services.flatMap((s, k) => (s.trace ? [{ id: `t${k}`, intervalSeconds: 300, samples: s.trace }] : []));
  const parsed = parseScenarioValue({
    format: 'hostfit-scenario', version: 2, name: 'Random', hostModels: models,
    sites: [{ id: 's', name: 'S', kind: 'datacenter', racks: [{ id: 'r', hosts: d.hosts.map((h, k) => ({ id: `g${k}`, model: h.model.id, count: h.count })) }] }],
    tenants: [{ id: 't', name: 'T' }],
    services: d.services.map((s, k) => ({
      id: `s${k}`, name: `S${k}`, tenant: 't', replicas: s.replicas, demand: { cpuCores: s.cpuCores, memoryGiB: s.memoryGiB },
      ...(s.trace ? { trace: `t${k}` } : {}),
      ...(s.arrive !== undefined ? { arrivesAtSeconds: s.arrive } : {}),
      ...(s.depart !== undefined && (s.arrive ?? 0) < s.depart ? { departsAtSeconds: s.depart } : {}),
    })),
    traces,
    simulation: { autoscaling: { enabled: d.hpa }, seed: d.seed, durationSeconds: d.samples * 300, containerInVm: d.nodes },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('container-in-VM column of a scenario simulation', () => {
  it('WASM equals the reference; node VMs within what hosts hold, pods within their slots; restarts in Kubernetes', () => {
    fc.assert(fc.property(scenarioArb, (d) => {
      const s = scenarioOf(d);
      const got = simulateScenario(s, wasm, { packer, models: ['container-in-vm'] });
      const ref = simulateScenario(s, reference, { packer, models: ['container-in-vm'] });
      expect(got.ok).toBe(ref.ok);
      if (!got.ok || !ref.ok) {
        // the only refusal: a node shape no host holds, or one leaving pods nothing
        expect(got.ok ? [] : got.errors.map((e) => e.where)).toEqual(['$.simulation.containerInVm.nodeShape']);
        return;
      }
      const m = got.result.models[0];
      expect(m).toEqual(ref.result.models[0]);
      const n = m.nodeVms!;
      if (d.nodes.semantics === 'kubernetes') {
        if (d.nodes.maxNodes > 0) expect(n.peakNodes).toBeLessThanOrEqual(d.nodes.maxNodes);
        expect(n.peakNodes).toBeLessThanOrEqual(n.nodeCapacity);
        expect(m.totals.restarts).toBe(m.totals.migrations);
      }
      for (const x of m.series.items) expect(x).toBeLessThanOrEqual(m.items);
      expect(m.totals.energyKWh).toBeGreaterThanOrEqual(0);
      expect(m.totals.overallSlaViolation).toBeGreaterThanOrEqual(0);
      const again = simulateScenario(s, wasm, { packer, models: ['container-in-vm'] });
      expect(again.ok && again.result.models[0]).toEqual(m);
    }), { numRuns: 60 });
  });
});
