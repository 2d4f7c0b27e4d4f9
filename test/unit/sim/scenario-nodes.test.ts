// The container-in-VM column of a scenario simulation (core/sim/scenario/encode-nodes.ts, run.ts): pods in node VMs
// on the scenario's hosts, under Kubernetes semantics (node pool scaled by a cluster autoscaler, pods restarted) and
// ContainerCloudSim semantics (containers migrate between node VMs); WASM equals the reference; settings are
// validated with their JSON paths; the CLI prints three columns.
import { describe, expect, it } from 'vitest';
import { diurnalScenario } from '../../../core/examples/diurnal';
import { parseScenarioValue } from '../../../core/scenario/parse';
import type { Scenario } from '../../../core/scenario/schema';
import { WasmSimulator } from '../../../core/sim/kernel/wasm-simulator';
import { ReferenceSimulator } from '../../../core/sim/reference/reference-simulator';
import { simulationJson } from '../../../core/sim/scenario/json';
import { simulateScenario, type ModelSimulation, type ScenarioSimOptions } from '../../../core/sim/scenario/run';
import { createWasmPacker, loadKernelBytes } from '../../../electron/cli/kernel';
import { simulateScenarioCommand } from '../../../electron/cli/commands/simulate-scenario';

const wasm = WasmSimulator.fromBytes(loadKernelBytes('release'));
const packer = createWasmPacker();

type Input = ReturnType<typeof diurnalScenario> & { simulation: Record<string, unknown> };

/** The diurnal example with these node settings; `hpa` false keeps the planned replica counts. */
function scenario(nodes: Record<string, unknown> = {}, edit: (s: Input) => void = () => {}, hpa = false): Scenario {
  const input = diurnalScenario() as Input;
  input.simulation = { ...input.simulation, containerInVm: nodes, ...(hpa ? {} : { autoscaling: { enabled: false } }) };
  edit(input);
  const parsed = parseScenarioValue(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** The container-in-VM column, checked WASM against the reference (totals, series, node pool). */
function nodeColumn(s: Scenario, options: ScenarioSimOptions = {}): ModelSimulation {
  const got = simulateScenario(s, wasm, { packer, models: ['container-in-vm'], ...options });
  const ref = simulateScenario(s, new ReferenceSimulator(), { packer, models: ['container-in-vm'], ...options });
  if (!got.ok || !ref.ok) throw new Error(JSON.stringify(got.ok ? ref : got));
  expect(got.result.models[0]).toEqual(ref.result.models[0]);
  return got.result.models[0];
}

describe('pods in node VMs (scenario simulation)', () => {
  it('is the third column by default, with the node shape of the static comparison\'s search', () => {
    const out = simulateScenario(scenario(), wasm, { packer });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.result.models.map((m) => m.model)).toEqual(['vm', 'container', 'container-in-vm']);
    const m = out.result.models[2];
    const pods = diurnalScenario().services.reduce((n, s) => n + s.replicas, 0);
    expect(m.items).toBe(pods);
    expect(m.nodeVms?.semantics).toBe('kubernetes');
    expect(m.nodeVms?.shapeSource).toMatch(/^search: /);
    expect(m.totals.energyKWh).toBeGreaterThan(0);
    expect(m.totals.failedPlacements).toBe(0);
    // every pod runs in a node VM; the node VMs fit the hosts they are on
    expect(Math.min(...m.series.items)).toBe(pods);
    expect(Math.min(...(m.series.nodeVms ?? []))).toBeGreaterThan(0);
    expect(Math.max(...(m.series.nodeVms ?? []))).toBeLessThanOrEqual(m.nodeVms?.nodeCapacity ?? 0);
    expect(Math.max(...m.series.activeHosts)).toBeLessThanOrEqual(m.hosts);
    expect(m.totals.scaleEvents).toBeNull(); // no HPA in this run
    // switched off: two columns
    const two = simulateScenario(scenario({ enabled: false }), wasm, { packer });
    expect(two.ok && two.result.models.map((x) => x.model)).toEqual(['vm', 'container']);
  });

  it('Kubernetes: the autoscaler removes node VMs left underused after a service departs, not before the unneeded time', () => {
    const leave = (s: Input) => { s.services[3] = { ...s.services[3], departsAtSeconds: 4 * 3600 }; };
    const shape = { vcpus: 8, memoryGiB: 32 };
    const quick = nodeColumn(scenario({ nodeShape: shape, autoscaler: { scaleDownUnneededSeconds: 600 } }, leave));
    const slow = nodeColumn(scenario({ nodeShape: shape, autoscaler: { scaleDownUnneededSeconds: 86400 } }, leave));
    const stay = nodeColumn(scenario({ nodeShape: shape, autoscaler: { scaleDownUnneededSeconds: 600 } }));
    expect(quick.nodeVms?.shapeSource).toBe('simulation.containerInVm.nodeShape');
    expect(quick.nodeVms?.nodesRemoved).toBeGreaterThan(0);
    expect(slow.nodeVms?.nodesRemoved).toBe(0);
    expect(stay.nodeVms?.nodesRemoved).toBe(0); // requests never fall without a departure: the pool stays
    const nodesAt = (m: ModelSimulation, hour: number) => (m.series.nodeVms ?? [])[m.series.time.findIndex((t) => t >= hour * 3600)];
    expect(nodesAt(quick, 3)).toBe(nodesAt(slow, 3));
    expect(nodesAt(quick, 6)).toBeLessThan(nodesAt(slow, 6));
    expect(quick.totals.energyKWh).toBeLessThan(slow.totals.energyKWh);
    // drained pods are restarted, never migrated
    expect(quick.totals.restarts).toBe(quick.totals.migrations);
  });

  it('Kubernetes with the HPA: replicas follow the day as in the bare-metal column, and the node pool grows and shrinks with them', () => {
    const s = scenario({}, () => {}, true);
    const out = simulateScenario(s, wasm, { packer });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const [vm, pods, nodes] = out.result.models;
    expect(nodes).toEqual(nodeColumn(s));
    expect(nodes.items).toBe(vm.items); // the same replica slots (planned × maxReplicasFactor)
    // the same HPA decisions: with room for every pod on bare metal, both columns scale at the same ticks
    expect(pods.totals.failedPlacements).toBe(0);
    expect(nodes.totals.scaleEvents).toBe(pods.totals.scaleEvents);
    expect(nodes.totals.scaleEvents).toBeGreaterThan(0);
    const n = nodes.series.nodeVms ?? [];
    expect(nodes.nodeVms?.nodesRemoved).toBeGreaterThan(0);
    expect(Math.max(...n)).toBeGreaterThan(Math.min(...n));
    expect(Math.max(...nodes.series.items)).toBeGreaterThan(Math.min(...nodes.series.items));
    // pods scaled out while their node boots wait pending: service lost, counted
    expect(nodes.totals.unavailableReplicaSeconds).toBeGreaterThan(0);
    const fixed = nodeColumn(scenario());
    expect(nodes.totals.energyKWh).toBeLessThan(fixed.totals.energyKWh);
  });

  it('Kubernetes: a pool limit leaves pods pending, counted as service lost', () => {
    const free = nodeColumn(scenario({ nodeShape: { vcpus: 8, memoryGiB: 32 } }));
    const capped = nodeColumn(scenario({ nodeShape: { vcpus: 8, memoryGiB: 32 }, maxNodes: 3 }));
    expect(free.nodeVms?.peakNodes).toBeGreaterThan(3);
    expect(capped.nodeVms?.peakNodes).toBe(3);
    expect(free.nodeVms?.pendingPodTicks).toBe(0);
    expect(capped.nodeVms?.pendingPodTicks).toBeGreaterThan(0);
    expect(capped.totals.unavailableReplicaSeconds).toBeGreaterThan(free.totals.unavailableReplicaSeconds);
    expect(Math.min(...capped.series.items)).toBeLessThan(free.items);
  });

  it('ContainerCloudSim: containers migrate between node VMs that start from the static plan', () => {
    const m = nodeColumn(scenario({ semantics: 'containercloudsim' }));
    expect(m.nodeVms?.semantics).toBe('containercloudsim');
    expect(m.nodeVms?.initialNodes).toBeGreaterThan(0);
    expect(m.totals.failedPlacements).toBe(0);
    expect(m.totals.migrations).toBeGreaterThan(0);
    expect(m.totals.restarts).toBe(0);
    const kept = nodeColumn(scenario({ semantics: 'containercloudsim', containercloudsim: { quirks: ['idle_host_free'] } }));
    expect(kept.totals.energyKWh).toBeLessThan(m.totals.energyKWh); // idle hosts holding VMs draw nothing
  });

  it('names the JSON path of a bad setting', () => {
    const bad = (nodes: Record<string, unknown>, options: ScenarioSimOptions = { packer }) => {
      const input = diurnalScenario() as Input;
      input.simulation = { ...input.simulation, containerInVm: nodes };
      const parsed = parseScenarioValue(input);
      if (!parsed.ok) return parsed.errors.map((e) => e.where);
      const out = simulateScenario(parsed.scenario, wasm, { models: ['container-in-vm'], ...options });
      return out.ok ? [] : out.errors.map((e) => e.where);
    };
    expect(bad({ autoscaler: { scoring: 'random' } })).toContain('$.simulation.containerInVm.autoscaler.scoring');
    expect(bad({ semantics: 'swarm' })).toContain('$.simulation.containerInVm.semantics');
    expect(bad({ nodeShape: { vcpus: 0, memoryGiB: 4 } })).toContain('$.simulation.containerInVm.nodeShape.vcpus');
    expect(bad({ semantics: 'containercloudsim', containercloudsim: { quirks: ['nope'] } })).toEqual(['$.simulation.containerInVm.containercloudsim.quirks']);
    expect(bad({ minNodes: 4, maxNodes: 2 })).toEqual(['$.simulation.containerInVm.minNodes']);
    expect(bad({ nodeShape: { vcpus: 4096, memoryGiB: 8 } })).toEqual(['$.simulation.containerInVm.nodeShape']);
    expect(bad({}, {})).toEqual(['$.simulation.containerInVm.nodeShape']); // no shape and no engine to search one
  });

  it('prints three columns and adds the node pool to the JSON, flat beside the totals', () => {
    const s = scenario();
    const text = simulateScenarioCommand(s, null, wasm, false, false);
    expect(text).toMatch(/VMs\s+pods on bare metal\s+pods in node VMs/);
    expect(text).toMatch(/pods in node VMs: kubernetes, node VM \d+ vCPU/);
    expect(text).toMatch(/node VMs created \/ removed\s+-\s+-\s+\d+ \/ \d+/);
    const json = JSON.parse(simulateScenarioCommand(s, null, wasm, true, true)) as { models: Record<string, unknown>[] };
    const third = json.models[2] as { model: string; pdm: null; shape: { vcpus: number }; nodesCreated: number; series: { nodeVms: number[]; time: number[] } };
    expect(third.model).toBe('container-in-vm');
    expect(third.pdm).toBeNull();
    expect(third.shape.vcpus).toBeGreaterThan(0);
    expect(third.nodesCreated).toBeGreaterThan(0);
    expect(third.series.nodeVms.length).toBe(third.series.time.length);
    const out = simulateScenario(s, wasm, { packer });
    if (!out.ok) throw new Error('simulation failed');
    expect(simulationJson(out.result, false)).toEqual(JSON.parse(JSON.stringify(simulationJson(out.result, false))));
  });
});

describe('node VMs on hosts', () => {
  it('fits exactly as many node VMs on a host as their footprint allows, an exact fit included', () => {
    // cp-1s-16c: 32 threads, 128 GiB; a node of 8 vCPU / 30 GiB with no VM overheads takes a quarter of a host's CPU.
    // Its pods get 8000 − 3908 = 4092 millicores: the kernel sees hosts in those units (× 4092 / 8000), where four
    // node VMs would miss the host by a rounding error.
    const s = scenario({ nodeShape: { vcpus: 8, memoryGiB: 30 }, minNodes: 0 }, (x) => {
      const d = x as unknown as { deployment?: Record<string, unknown>; services: { replicas: number }[] };
      d.deployment = {
        vm: { cpuVirtualisationOverhead: 0, perVmOverheadMiB: 0, hypervisorReserved: { cpuCores: 0, memoryGiB: 0 } },
        container: { reservationFormula: 'none', systemReserved: { cpuCores: 3.908, memoryGiB: 0 } },
      };
    });
    const m = nodeColumn(s);
    expect(m.nodeVms?.nodeCapacity).toBe(20 * 4);
    // 40 pods of up to 4 cores each need many node VMs: four share each host before the next one opens
    const hostsAt0 = m.series.activeHosts[0], nodesAt0 = (m.series.nodeVms ?? [])[0];
    expect(hostsAt0).toBe(Math.ceil(nodesAt0 / 4));
  });
});
