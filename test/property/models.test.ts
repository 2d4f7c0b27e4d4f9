// Properties of the one-run comparison on random scenarios: the overhead breakdown sums to the used hosts'
// physical capacity exactly (integer kernel units), isolation rules are never broken, every instance is
// counted once, bounds and headroom are consistent, and the WASM kernel gives the same comparison as the
// TypeScript reference. Bad parameters are reported at their own JSON path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareScenario } from '../../core/compare/compare';
import { cloudStyleFlavours } from '../../core/examples/hardware';
import { BREAKDOWN_CATEGORIES } from '../../core/metrics/breakdown';
import { ReferencePacker } from '../../core/reference/reference-packer';
import { parseScenarioValue } from '../../core/scenario/parse';
import { HYPERVISOR_PLATFORMS, KUBERNETES_PLATFORMS } from '../../core/scenario/platform-ids';
import { formatPath, ISOLATION_BOUNDARIES, RUNTIME_CLASSES, type ScenarioInput } from '../../core/scenario/schema';
import { createWasmPacker } from '../../electron/cli/kernel';

const reference = new ReferencePacker();
const wasm = createWasmPacker();

const step = (min: number, max: number, by: number) => fc.integer({ min: Math.round(min / by), max: Math.round(max / by) }).map((k) => k * by);
const curve = fc.tuple(fc.integer({ min: 20, max: 200 }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 10, maxLength: 10 }))
  .map(([idle, steps]) => steps.reduce((c, s) => [...c, c[c.length - 1] + s], [idle]));

const hostModel = (id: string) => fc.record({
  id: fc.constant(id), name: fc.constant(id), cores: fc.integer({ min: 2, max: 32 }), threadsPerCore: fc.integer({ min: 1, max: 2 }),
  memoryGiB: step(8, 512, 8), diskGB: step(0, 2000, 100), networkGbps: fc.constantFrom(0, 1, 10, 25),
  powerWatts: fc.option(curve, { nil: undefined }), priceUSD: fc.option(fc.integer({ min: 1000, max: 30000 }), { nil: undefined }),
});

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  models: fc.tuple(hostModel('h1'), hostModel('h2')),
  layout: fc.array(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 2 }),
    { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
  tenants: fc.integer({ min: 1, max: 3 }),
  services: fc.array(fc.record({
    replicas: fc.integer({ min: 0, max: 10 }), tenant: fc.nat(), cpuCores: step(0, 4, 0.05), memoryGiB: step(0, 16, 0.25),
    diskGB: step(0, 100, 10), networkMbps: step(0, 500, 50), isolation: fc.constantFrom(...ISOLATION_BOUNDARIES),
  }), { minLength: 1, maxLength: 6 }),
  vm: fc.record({
    platform: fc.constantFrom(...HYPERVISOR_PLATFORMS),
    cpuOvercommit: step(1, 4, 0.5), memoryOvercommit: step(1, 1.5, 0.25), perVmOverheadMiB: fc.integer({ min: 0, max: 300 }),
    cpuVirtualisationOverhead: step(0, 0.2, 0.01), ioVirtualisationOverhead: step(0, 0.3, 0.05),
    hypervisorReserved: fc.record({ cpuCores: step(0, 2, 0.5), memoryGiB: step(0, 4, 0.5) }),
    guestOs: fc.record({ cpuCores: step(0, 0.5, 0.1), memoryGiB: step(0, 1, 0.25), diskGB: step(0, 20, 5) }),
  }),
  container: fc.record({
    platform: fc.constantFrom(...KUBERNETES_PLATFORMS),
    reservationFormula: fc.constantFrom('gke' as const, 'none' as const), runtimeClass: fc.constantFrom(...RUNTIME_CLASSES),
    maxPodsPerNode: fc.integer({ min: 1, max: 110 }), sidecar: fc.record({ enabled: fc.boolean() }),
  }),
  shapeSearch: fc.record({ enabled: fc.boolean(), hostFractions: fc.integer({ min: 0, max: 3 }), includeFlavours: fc.boolean(),
    objective: fc.constantFrom('hosts' as const, 'cost' as const) }),
  nodeShape: fc.option(fc.record({ vcpus: fc.integer({ min: 2, max: 32 }), memoryGiB: step(8, 128, 8), diskGB: step(100, 1000, 100) }), { nil: undefined }),
  ranking: fc.shuffledSubarray(['vm', 'sandbox', 'shared-kernel'] as const, { minLength: 3, maxLength: 3 }),
}).map((r) => ({
  format: 'hostfit-scenario' as const, version: 2 as const, name: 'Random',
  hostModels: r.models,
  sites: r.layout.map((racks, s) => ({
    id: `s${s}`, name: `Site ${s}`, kind: 'datacenter' as const,
    racks: racks.map((groups, k) => ({ id: `s${s}r${k}`, powerBudgetKW: 5, hosts: groups.map(([m, count], g) => ({ id: `s${s}r${k}g${g}`, model: r.models[m].id, count })) })),
  })),
  tenants: Array.from({ length: r.tenants }, (_, k) => ({ id: `t${k}`, name: `Tenant ${k}` })),
  services: r.services.map((s, k) => ({
    id: `svc${k}`, name: `Service ${k}`, tenant: `t${s.tenant % r.tenants}`, replicas: s.replicas,
    demand: { cpuCores: s.cpuCores, memoryGiB: s.memoryGiB, diskGB: s.diskGB, networkMbps: s.networkMbps }, isolation: s.isolation,
  })),
  deployment: {
    vm: { ...r.vm, flavours: cloudStyleFlavours().map((f) => ({ ...f, diskGB: f.diskGB + 200 })) },
    container: r.container,
    containerInVm: { nodeShape: r.nodeShape, shapeSearch: r.shapeSearch },
    isolation: { ranking: ['dedicated-host' as const, ...r.ranking] },
  },
}));

describe('compare on random scenarios', { timeout: 60_000 }, () => {
  it('breakdown sums to capacity exactly; rules hold; totals and bounds are consistent; WASM = reference', () => {
    fc.assert(fc.property(scenarioArb, (input) => {
      const parsed = parseScenarioValue(input);
      fc.pre(parsed.ok); // e.g. a random node shape too small for a random pod
      if (!parsed.ok) return;
      const result = compareScenario(parsed.scenario, reference);
      expect(compareScenario(parsed.scenario, wasm)).toEqual({ ...result, packer: 'wasm' });
      for (const m of result.models) {
        for (let d = 0; d < 4; d++) {
          expect(BREAKDOWN_CATEGORIES.reduce((s, c) => s + m.breakdown.categories[c][d], 0)).toBe(m.breakdown.capacity[d]);
          for (const c of BREAKDOWN_CATEGORIES) {
            const v = m.breakdown.categories[c][d];
            expect(Number.isInteger(v)).toBe(true);
            if (c === 'overcommit') expect(v).toBeLessThanOrEqual(0);
            else expect(v).toBeGreaterThanOrEqual(0);
          }
        }
        expect(m.isolation.violations).toBe(0);
        expect(m.placed + m.unplaced).toBe(m.instances);
        expect(m.hostsUsed).toBeLessThanOrEqual(m.hostsInPool);
        if (m.lowerBound.hosts !== null) expect(m.hostsUsed).toBeGreaterThanOrEqual(m.lowerBound.hosts);
        for (const d of ['cpu', 'memory', 'disk', 'network'] as const) {
          const k = ['cpu', 'memory', 'disk', 'network'].indexOf(d);
          expect(m.stranded.amount[d]).toBeLessThanOrEqual(m.breakdown.categories.free[k]);
        }
        expect(m.cost.totalUSD).toBeCloseTo(m.cost.capexUSD + m.cost.energyUSD, 6);
        for (const h of m.headroom ?? []) expect(h.hostsNeeded).toBeGreaterThanOrEqual(m.hostsUsed);
      }
    }), { numRuns: 60 });
  });
});

describe('bad deployment parameters', () => {
  const base = (): ScenarioInput => ({
    format: 'hostfit-scenario', version: 2, name: 'x',
    hostModels: [{ id: 'h', name: 'h', cores: 8, memoryGiB: 64 }],
    sites: [{ id: 's', name: 's', kind: 'datacenter', racks: [{ id: 'r', hosts: [{ id: 'g', model: 'h', count: 2 }] }] }],
    tenants: [{ id: 't', name: 't' }],
    services: [{ id: 'a', name: 'a', tenant: 't', replicas: 1, demand: { cpuCores: 1, memoryGiB: 1 } }],
  });
  const PARAMS: readonly (readonly (string | number)[])[] = [
    ['deployment', 'vm', 'perVmOverheadMiB'], ['deployment', 'vm', 'guestOs', 'memoryGiB'], ['deployment', 'vm', 'bootSeconds'],
    ['deployment', 'vm', 'cpuVirtualisationOverhead'], ['deployment', 'vm', 'liveMigration', 'degradation'],
    ['deployment', 'container', 'podOverhead', 'gvisor', 'cpuCores'], ['deployment', 'container', 'sidecar', 'memoryMiB'],
    ['deployment', 'container', 'evictionHardMiB'], ['deployment', 'container', 'startSeconds', 'kata'],
    ['deployment', 'containerInVm', 'nodeJoinSeconds'], ['economics', 'hoursPerMonth'], ['sites', 0, 'pue'],
  ];
  const set = (doc: Record<string, unknown>, path: readonly (string | number)[], value: number) => {
    let node = doc as Record<string | number, unknown>;
    path.slice(0, -1).forEach((k) => { node[k] ??= {}; node = node[k] as Record<string | number, unknown>; });
    node[path[path.length - 1]] = value;
  };

  it('a negative overhead, duration or ratio is an error at its own JSON path', () => {
    fc.assert(fc.property(fc.constantFrom(...PARAMS), fc.double({ min: -1e6, max: -1e-6, noNaN: true }), (path, value) => {
      const doc = base() as unknown as Record<string, unknown>;
      set(doc, path, value);
      const r = parseScenarioValue(doc);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.where)).toContain(formatPath(path));
    }), { numRuns: 100 });
  });

  it('an overcommit ratio below 1 is an error naming the ratio', () => {
    fc.assert(fc.property(fc.constantFrom('cpuOvercommit', 'memoryOvercommit'), fc.double({ min: 0, max: 0.999, noNaN: true }), (field, value) => {
      const doc = base() as unknown as Record<string, unknown>;
      set(doc, ['deployment', 'vm', field], value);
      const r = parseScenarioValue(doc);
      expect(!r.ok && r.errors.some((e) => e.where === `$.deployment.vm.${field}`)).toBe(true);
    }), { numRuns: 50 });
  });
});
