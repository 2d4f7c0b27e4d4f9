// Simulates a scenario's services over their traces under the VM model (live migration), the container
// model (pods on bare metal, restarted elsewhere) and the container-in-VM model (pods in node VMs on hosts,
// core/sim/cis: Kubernetes or ContainerCloudSim semantics), side by side, with the settings of its
// `simulation` section. One function for the CLI, the renderer's worker, batches, tests and benchmarks.
import { CIS_OK } from '../../../assembly/cis/abi';
import { SIM_OK } from '../../../assembly/sim/abi';
import type { Packer } from '../../kernel/packer';
import { expandContainer } from '../../model/container';
import type { DeploymentModel, Expansion } from '../../model/expansion';
import { expandVm } from '../../model/vm';
import { describeShape } from '../../model/container-in-vm';
import { planContainerInVm } from '../../plan/container-in-vm';
import { encodeExpansion } from '../../plan/encode';
import { planTwoLevel } from '../../plan/two-level';
import { formatPath, type NodeShape, type Scenario } from '../../scenario/schema';
import { cisSeries, cisTotals } from '../cis/metrics';
import { simSeries, simTotals, type SimSeries, type SimTotals } from '../metrics';
import { parsePolicy, type Policy } from '../policy';
import { parseQuirkNames } from '../quirks';
import type { Simulator } from '../spec';
import { encodeScenario, loadScenario, type ScenarioSimError } from './encode';
import { encodeNodeVms } from './encode-nodes';
import { simulationSchema, tracesSchema, type SimulationSettings, type Trace } from './schema';

/** The three columns: VMs, pods on bare metal, pods in node VMs. */
export type SimulatedModel = DeploymentModel | 'container-in-vm';
export const SIMULATED_MODELS: readonly SimulatedModel[] = ['vm', 'container', 'container-in-vm'];

/** Totals of one column. PDM, SLAV and ESV need the CPU lost while moving, which the two-level simulator does not
 * measure (null there); replica scale events are null when no HPA runs in that column. */
export type ModelTotals = Omit<SimTotals, 'pdm' | 'slav' | 'esv' | 'scaleEvents'> & {
  readonly pdm: number | null;
  readonly slav: number | null;
  readonly esv: number | null;
  readonly scaleEvents: number | null;
};

/** The series of one column; `nodeVms` (node VMs running) in the container-in-VM column only. */
export type ModelSeries = SimSeries & { readonly nodeVms?: number[] };

/** What the container-in-VM column adds: its semantics, node shape and node pool. */
export interface NodeVmSimulation {
  readonly semantics: 'kubernetes' | 'containercloudsim';
  readonly shape: NodeShape;
  /** Where the shape came from: the simulation section, the deployment's configured shape or the search's pick. */
  readonly shapeSource: string;
  readonly initialNodes: number;
  readonly nodesCreated: number;
  readonly nodesRemoved: number;
  readonly meanNodes: number;
  readonly peakNodes: number;
  /** Node VMs the hosts hold at most. */
  readonly nodeCapacity: number;
  readonly pendingPodTicks: number;
}

export interface ModelSimulation {
  readonly model: SimulatedModel;
  /** VMs or pods simulated, and hosts in the pool. */
  readonly items: number;
  readonly hosts: number;
  readonly totals: ModelTotals;
  readonly series: ModelSeries;
  readonly nodeVms?: NodeVmSimulation;
}

export interface ScenarioSimulation {
  readonly scenario: string;
  readonly policy: string;
  readonly simulator: Simulator['name'];
  readonly intervalSeconds: number;
  readonly models: readonly ModelSimulation[];
}

export type ScenarioSimOutcome =
  | { readonly ok: true; readonly result: ScenarioSimulation }
  | { readonly ok: false; readonly errors: readonly ScenarioSimError[] };

const EXPANDERS: Record<DeploymentModel, (s: Scenario) => Expansion> = { vm: expandVm, container: expandContainer };

/** Reads and validates the scenario's `traces` and `simulation` sections (JSON-path errors). */
export function simulationInputs(scenario: Scenario): { traces: Trace[]; settings: SimulationSettings } | ScenarioSimError[] {
  const doc = scenario as unknown as { traces?: unknown; simulation?: unknown };
  const errors: ScenarioSimError[] = [];
  const t = tracesSchema.safeParse(doc.traces ?? []);
  if (!t.success) t.error.issues.forEach((i) => errors.push({ where: formatPath(['traces', ...i.path]), message: i.message }));
  const s = simulationSchema.safeParse(doc.simulation ?? {});
  if (!s.success) s.error.issues.forEach((i) => errors.push({ where: formatPath(['simulation', ...i.path]), message: i.message }));
  if (!t.success || !s.success) return errors;
  const ids = new Set<string>();
  t.data.forEach((tr, k) => {
    if (ids.has(tr.id)) errors.push({ where: `$.traces[${k}].id`, message: `duplicate trace id "${tr.id}"` });
    ids.add(tr.id);
  });
  return errors.length > 0 ? errors : { traces: t.data, settings: s.data };
}

export interface ScenarioSimOptions {
  /** Overrides the scenario's simulation.policy. */
  readonly policy?: Policy;
  /** Default: VMs and pods on bare metal, and pods in node VMs unless simulation.containerInVm.enabled is false. */
  readonly models?: readonly SimulatedModel[];
  /** The placement engine's packer: needed for initialPlacement "static-plan" (hybrid, FFD is used) and for the
   * node-shape search of the container-in-VM column when no shape is given. */
  readonly packer?: Packer;
}

/** The node shape of the container-in-VM column and how many node VMs the static plan of that shape uses. */
function nodeShapeOf(scenario: Scenario, settings: SimulationSettings, packer: Packer | undefined, needCount: boolean):
  { shape: NodeShape; source: string; nodes: number | null } | ScenarioSimError {
  const given = settings.containerInVm.nodeShape;
  const configured = scenario.deployment.containerInVm.nodeShape;
  const explicit = given ? { shape: { ...given, diskGB: given.diskGB ?? 0 }, source: 'simulation.containerInVm.nodeShape' }
    : configured ? { shape: configured, source: 'deployment.containerInVm.nodeShape' } : null;
  if (explicit) {
    if (!needCount) return { ...explicit, nodes: null };
    if (!packer) return { where: '$.simulation.containerInVm', message: 'ContainerCloudSim semantics start from the static plan\'s node VMs: no placement engine given' };
    return { ...explicit, nodes: planTwoLevel(scenario, explicit.shape, packer, { screen: true }).nodes.items.length };
  }
  if (!packer) return { where: '$.simulation.containerInVm.nodeShape', message: 'no node shape given and no placement engine to search one' };
  const answer = planContainerInVm(scenario, packer).find((a) => a.plan.id === 'container-in-vm');
  const nodes = answer?.plan.nodes;
  if (!nodes) return { where: '$.simulation.containerInVm.nodeShape', message: 'the node-shape search found no shape for these hosts' };
  return { shape: nodes.shape, source: `search: ${nodes.shapeLabel}`, nodes: nodes.nodesUsed };
}

const mean = (xs: readonly number[]): number => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The container-in-VM column: the two-level simulator on the scenario's pods, node shape and hosts. */
function simulateNodeVms(scenario: Scenario, sim: Simulator, traces: readonly Trace[], settings: SimulationSettings,
  packer: Packer | undefined): ModelSimulation | ScenarioSimError[] {
  const cis = sim.twoLevel?.();
  if (!cis) return [{ where: '$.simulation.containerInVm', message: `the ${sim.name} simulator has no two-level simulator` }];
  const cfg = settings.containerInVm;
  const shape = nodeShapeOf(scenario, settings, packer, cfg.semantics === 'containercloudsim');
  if ('where' in shape) return [shape];
  const enc = encodeNodeVms(scenario, traces, settings, shape.shape, shape.nodes ?? 0);
  if (Array.isArray(enc)) return enc;
  enc.fill(cis.reserve(enc.sizes));
  const raw = cis.run();
  if (raw.status !== CIS_OK) return [{ where: '$', message: `the two-level simulator stopped with status ${raw.status}` }];
  const t = cisTotals(raw), c = cisSeries(raw);
  const kubernetes = cfg.semantics === 'kubernetes';
  const totals: ModelTotals = {
    energyKWh: t.energyKWh, slatah: t.slaTimePerActiveHost, pdm: null, slav: null, esv: null,
    overallSlaViolation: t.slaOverall, averageSlaViolation: t.slaAverage,
    migrations: t.containerMigrations, restarts: kubernetes ? t.containerMigrations : 0,
    hostShutdowns: t.hostShutdowns, meanActivePeriodSeconds: t.meanTimeBeforeHostShutdown, meanMigrationSeconds: null,
    itemsRemoved: 0, failedPlacements: t.failedPlacements, unavailableReplicaSeconds: t.unavailableContainerSeconds,
    scaleEvents: enc.scaleEvents, simulatedSeconds: t.simulatedSeconds,
  };
  const series: ModelSeries = {
    time: c.time, activeHosts: c.activeHosts, powerW: c.powerW, energyKWh: c.energyKWh, migrations: c.moves,
    overloadedHosts: c.overloadedHosts, requested: c.requested, allocated: c.allocated, items: c.containers,
    hostShutdowns: c.hostShutdowns, nodeVms: c.activeVms,
  };
  return {
    model: 'container-in-vm', items: enc.pods, hosts: enc.hosts, totals, series,
    nodeVms: {
      semantics: cfg.semantics, shape: shape.shape, shapeSource: shape.source, initialNodes: enc.sizes.initialVms,
      nodesCreated: t.vmsCreated, nodesRemoved: t.vmsRemoved, meanNodes: mean(c.activeVms), peakNodes: Math.max(0, ...c.activeVms),
      nodeCapacity: enc.capacityNodes, pendingPodTicks: t.pendingPodTicks,
    },
  };
}

/** A one-line description of the node VM column (CLI and app). */
export function describeNodeVms(n: NodeVmSimulation): string {
  return `${n.semantics}, node VM ${describeShape(n.shape)} (${n.shapeSource})`;
}

export function simulateScenario(scenario: Scenario, sim: Simulator, options: ScenarioSimOptions = {}): ScenarioSimOutcome {
  const inputs = simulationInputs(scenario);
  if (Array.isArray(inputs)) return { ok: false, errors: inputs };
  const { traces, settings } = inputs;
  const policy = options.policy ?? parsePolicy(settings.policy);
  if (typeof policy === 'string') return { ok: false, errors: [{ where: '$.simulation.policy', message: policy }] };
  const quirks = parseQuirkNames(settings.quirks.join(','));
  if (typeof quirks === 'string') return { ok: false, errors: [{ where: '$.simulation.quirks', message: quirks }] };
  if (settings.initialPlacement === 'static-plan' && !options.packer) {
    return { ok: false, errors: [{ where: '$.simulation.initialPlacement', message: 'static-plan needs the placement engine (no packer given)' }] };
  }
  const models: ModelSimulation[] = [];
  const wanted = options.models ?? (settings.containerInVm.enabled && sim.twoLevel ? SIMULATED_MODELS : ['vm', 'container'] as const);
  for (const model of wanted) {
    if (model === 'container-in-vm') {
      const out = simulateNodeVms(scenario, sim, traces, settings, options.packer);
      if (Array.isArray(out)) return { ok: false, errors: out };
      models.push(out);
      continue;
    }
    const e = EXPANDERS[model](scenario);
    let plan: Int32Array | undefined;
    if (settings.initialPlacement === 'static-plan' && options.packer) {
      encodeExpansion(e, options.packer);
      plan = options.packer.firstFitDecreasing(scenario.policy.sizeKey).itemHost.slice();
    }
    const enc = encodeScenario(scenario, e, traces, settings, policy, quirks, plan);
    if (Array.isArray(enc)) return { ok: false, errors: enc };
    loadScenario(sim, enc);
    const raw = sim.run();
    if (raw.status !== SIM_OK) return { ok: false, errors: [{ where: '$', message: `the simulator stopped with status ${raw.status}` }] };
    models.push({ model, items: enc.items, hosts: enc.hosts, totals: simTotals(raw), series: simSeries(raw) });
  }
  return { ok: true, result: { scenario: scenario.name, policy: policy.name, simulator: sim.name, intervalSeconds: settings.intervalSeconds, models } };
}
