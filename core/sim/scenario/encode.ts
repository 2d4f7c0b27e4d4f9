// Scenario → simulation arena for one deployment model. Hosts come from the model's host pool (allocatable
// capacity, power curve of the host model), items from its expansion (one per VM or pod, in group order,
// the order the placement engine uses too). A service's CPU demand follows its trace: demand = fixed
// overheads (guest OS, hypervisor, runtime, sidecars) + trace × workload; flavour rounding is reserved
// but never used. A memory trace scales what a live migration copies (the service memory in use); services
// arrive and depart at their arrivesAtSeconds / departsAtSeconds. Units: CPU in millicores, memory in MiB, network in Mbps.
import * as abi from '../../../assembly/sim/abi';
import type { Vector } from '../../model/dimensions';
import type { DeploymentModel, Expansion } from '../../model/expansion';
import { runtimeFamily } from '../../model/platforms/runtimes';
import type { Scenario } from '../../scenario/schema';
import { SIMULATION_DEFAULTS } from '../defaults';
import type { Policy } from '../policy';
import type { SimArena, SimSizes, Simulator } from '../spec';
import type { SimulationSettings, Trace } from './schema';

export interface ScenarioSimError {
  readonly where: string;
  readonly message: string;
}

/** Lifecycle and migration parameters of the models, read tolerantly (older scenario files lack them). */
interface ModelTiming {
  readonly bandwidthShare: number;
  readonly degradation: number;
  /** A pod moved elsewhere: pull + start. */
  readonly restartSeconds: number;
  /** A new replica before it serves: VM provision + boot, or pod pull + start. */
  readonly scaleOutSeconds: number;
}

export function modelTiming(scenario: Scenario, model: DeploymentModel): ModelTiming {
  const vm = scenario.deployment.vm as { liveMigration?: { bandwidthShare?: number; degradation?: number }; provisionSeconds?: number; bootSeconds?: number };
  const c = scenario.deployment.container as { imagePullSeconds?: number; startSeconds?: Record<string, number>; runtimeClass: Scenario['deployment']['container']['runtimeClass'] };
  const restart = (c.imagePullSeconds ?? 10) + (c.startSeconds?.[runtimeFamily(c.runtimeClass)] ?? 2);
  return {
    bandwidthShare: vm.liveMigration?.bandwidthShare ?? 0.5,
    degradation: vm.liveMigration?.degradation ?? 0.1,
    restartSeconds: model === 'container' ? restart : 0,
    scaleOutSeconds: model === 'container' ? restart : (vm.provisionSeconds ?? 20) + (vm.bootSeconds ?? 40),
  };
}

export interface EncodedScenario {
  readonly sizes: SimSizes;
  readonly fill: (a: SimArena) => void;
  readonly items: number;
  readonly hosts: number;
}

const sum = (v: Vector | undefined, d: number): number => (v ? v[d] : 0);

/**
 * Builds sizes and a filler for one model. `plan` (hybrid) gives the static placement's host per item.
 * Returns errors (with JSON paths) instead of throwing.
 */
export function encodeScenario(scenario: Scenario, e: Expansion, traces: readonly Trace[], settings: SimulationSettings,
  policy: Policy, quirks: number, plan?: Int32Array): EncodedScenario | ScenarioSimError[] {
  const errors: ScenarioSimError[] = [];
  const models = scenario.hostModels;
  models.forEach((m, k) => {
    if (!m.powerWatts) errors.push({ where: `$.hostModels[${k}].powerWatts`, message: `the simulation needs a power curve for host model "${m.id}"` });
  });
  const traceIndex = new Map(traces.map((t, k) => [t.id, k]));
  const interval = traces.length > 0 ? traces[0].intervalSeconds : settings.intervalSeconds;
  traces.forEach((t, k) => {
    if (t.intervalSeconds !== interval) errors.push({ where: `$.traces[${k}].intervalSeconds`, message: `every trace must use the same interval (${interval} s)` });
  });
  const svcTrace = new Map<string, number>();
  const memoryTrace = new Map<string, number>();
  scenario.services.forEach((s, k) => {
    if (s.memoryTrace !== undefined) {
      if (!traceIndex.has(s.memoryTrace)) errors.push({ where: `$.services[${k}].memoryTrace`, message: `unknown trace "${s.memoryTrace}"` });
      else memoryTrace.set(s.id, traceIndex.get(s.memoryTrace) as number);
    }
    const ref = (s as { trace?: unknown }).trace;
    if (ref === undefined) return;
    if (typeof ref !== 'string' || !traceIndex.has(ref)) errors.push({ where: `$.services[${k}].trace`, message: `unknown trace "${String(ref)}"` });
    else svcTrace.set(s.id, traceIndex.get(ref) as number);
  });
  if (errors.length > 0) return errors;

  const samples = Math.max(1, ...traces.map((t) => t.samples.length));
  const cols = samples + 1;
  const rows = traces.length + 1; // the last row is constant 1: services without a trace run at their full demand
  const duration = settings.durationSeconds ?? (traces.length > 0 ? samples * interval : 86400);
  const hostCount = e.hosts.reduce((n, g) => n + g.count, 0);
  // Autoscaled services (those with a trace) get replica slots up to maxReplicasFactor × their replicas.
  const scaling = settings.autoscaling.enabled;
  const slotsOf = (g: Expansion['items'][number]) => (scaling && svcTrace.has(g.serviceId)
    ? Math.max(g.count, Math.ceil(g.count * settings.autoscaling.maxReplicasFactor)) : g.count);
  const itemCount = e.items.reduce((n, g) => n + slotsOf(g), 0);
  const services = scaling ? e.items.filter((g) => svcTrace.has(g.serviceId)).length : 0;
  const sizes: SimSizes = { hosts: hostCount, items: itemCount, models: models.length, traceRows: rows, traceCols: cols,
    steps: Math.ceil(duration / settings.intervalSeconds) + 1, services };
  const timing = modelTiming(scenario, e.model);
  const lifetime = new Map(scenario.services.map((s) => [s.id, { arrive: s.arrivesAtSeconds ?? 0, depart: s.departsAtSeconds ?? Infinity }]));
  const modelIndex = new Map(models.map((m, k) => [m.id, k]));

  const fill = (a: SimArena): void => {
    models.forEach((m, k) => a.modelPower.set(m.powerWatts ?? new Array<number>(11).fill(0), k * 11));
    let h = 0;
    e.hosts.forEach((g, gi) => {
      const cores = Math.max(1, Math.round(g.physical[0] / 1000));
      const gbps = g.physical[3] > 0 ? g.physical[3] / 1000 : 1;
      for (let k = 0; k < g.count; k++, h++) {
        a.hostModel[h] = modelIndex.get(g.modelId) ?? 0;
        a.hostPes[h] = cores;
        a.hostPeMips[h] = g.allocatable[0] / cores;
        a.hostMemory[h] = g.allocatable[1];
        a.hostBw[h] = g.allocatable[3] > 0 ? g.allocatable[3] : Infinity;
        a.hostMigrationRate[h] = gbps * 1000 / 8 * timing.bandwidthShare; // MB/s
        a.hostClass[h] = gi;
      }
    });
    // Virtual cores per item sized against the smallest host core so a core never asks more than one gives.
    const minPe = Math.min(...e.hosts.map((g) => g.allocatable[0] / Math.max(1, Math.round(g.physical[0] / 1000))).filter((v) => v > 0), 1000);
    let i = 0, svc = 0, planned = 0; // planned: index in the packer's item order (no spare slots)
    for (const g of e.items) {
      const slots = slotsOf(g);
      const scaled = slots > g.count || (scaling && svcTrace.has(g.serviceId));
      if (scaled) {
        a.svcBase[svc] = g.count; a.svcMin[svc] = Math.min(g.count, settings.autoscaling.minReplicas);
        a.svcMax[svc] = slots; a.svcFirst[svc] = i;
      }
      const mips = Math.max(1, g.demand[0]);
      const parts = g.parts as Partial<Record<string, Vector>> | undefined;
      const fixed = parts ? sum(parts.guestOs, 0) + sum(parts.hypervisor, 0) + sum(parts.runtime, 0) + sum(parts.sidecars, 0) : 0;
      const row = svcTrace.get(g.serviceId) ?? traces.length;
      for (let k = 0; k < slots; k++, i++) {
        a.itemService[i] = scaled ? svc : -1;
        a.itemMips[i] = mips;
        a.itemPes[i] = Math.max(1, Math.ceil(mips / minPe));
        a.itemMemory[i] = g.demand[1];
        a.itemBw[i] = g.demand[3];
        a.itemMigrationMB[i] = g.demand[1];
        a.itemBaseFrac[i] = fixed / mips;
        a.itemScaleFrac[i] = g.workload[0] / mips;
        a.itemTrace[i] = row;
        a.itemMemoryTrace[i] = memoryTrace.get(g.serviceId) ?? -1;
        a.itemKind[i] = e.model === 'container' ? abi.KIND_CONTAINER : abi.KIND_VM;
        a.itemStartSeconds[i] = e.model === 'container' ? timing.restartSeconds : timing.scaleOutSeconds;
        const life = lifetime.get(g.serviceId);
        a.itemArrive[i] = k < g.count ? life?.arrive ?? 0 : Infinity; // spare replica slots wait for the autoscaler
        a.itemDepart[i] = life?.depart ?? Infinity;
        a.itemInitialHost[i] = k < g.count && plan ? plan[planned] : -1;
        if (k < g.count) planned++;
      }
      if (scaled) svc++;
    }
    traces.forEach((t, r) => {
      for (let c = 0; c < cols; c++) a.traces[r * cols + c] = t.samples[Math.min(c, t.samples.length - 1)];
    });
    for (let c = 0; c < cols; c++) a.traces[traces.length * cols + c] = 1;
    const p = a.params, ip = a.iparams;
    p[abi.P_INTERVAL] = settings.intervalSeconds;
    p[abi.P_TICK_OFFSET] = 0;
    p[abi.P_END] = duration;
    p[abi.P_TRACE_INTERVAL] = interval;
    p[abi.P_DETECTOR_PARAM] = policy.parameter;
    p[abi.P_FALLBACK_THRESHOLD] = SIMULATION_DEFAULTS.fallbackThreshold;
    p[abi.P_MIGRATION_SOURCE_SHARE] = 1 - timing.degradation;
    p[abi.P_MIGRATION_TARGET_SHARE] = timing.degradation;
    p[abi.P_BOOT_SECONDS] = settings.hostBootSeconds;
    p[abi.P_SHUTDOWN_SECONDS] = settings.hostShutdownSeconds;
    p[abi.P_REOPT_PERIOD] = settings.reoptimiseEverySeconds;
    p[abi.P_REOPT_BUDGET] = settings.migrationBudget;
    p[abi.P_SCALE_TARGET] = scaling ? settings.autoscaling.targetUtilisation : 0;
    p[abi.P_SCALE_WINDOW] = settings.autoscaling.stabilisationSeconds;
    p[abi.P_SCALE_TOLERANCE] = settings.autoscaling.tolerance;
    ip[abi.I_MODE] = policy.mode;
    ip[abi.I_DETECTOR] = policy.detector;
    ip[abi.I_SELECTOR] = policy.selector;
    ip[abi.I_PLACEMENT] = plan ? abi.PLACE_GIVEN : settings.initialPlacement === 'first-fit' ? abi.PLACE_FIRST_FIT : abi.PLACE_PABFD;
    ip[abi.I_QUIRKS] = quirks;
    ip[abi.I_SEED] = settings.seed;
    ip[abi.I_HISTORY] = SIMULATION_DEFAULTS.historyLength;
    ip[abi.I_LR_WINDOW] = SIMULATION_DEFAULTS.regressionWindow;
    ip[abi.I_MIN_HISTORY] = SIMULATION_DEFAULTS.minHistory;
    ip[abi.I_STEPS] = a.steps;
  };
  return { sizes, fill, items: itemCount, hosts: hostCount };
}

/** Reserves the arena on `sim` and fills it. */
export function loadScenario(sim: Simulator, enc: EncodedScenario): void {
  enc.fill(sim.reserve(enc.sizes));
}
