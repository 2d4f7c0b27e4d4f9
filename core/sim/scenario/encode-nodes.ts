// Scenario → arena of the two-level simulator (core/sim/cis): pods in node VMs of one shape, node VMs on the
// scenario's hosts, as the static container-in-VM model sees them (core/model/container-in-vm.ts):
//   - hosts: the VM model's host pool (capacity after the hypervisor reservation, with vCPU overcommit), in the
//     order the packer fills them, with their power curves;
//   - one node VM type: the node shape, offering its pods the Kubernetes allocatable of a node of that shape (kube
//     and system reservation and eviction threshold held back); on a host it takes the shape's vCPUs plus the CPU
//     virtualisation overhead and its memory plus the per-VM overhead (the kernel's VM-overcommit parameter and
//     the host memory are scaled so that exactly as many node VMs fit a host as in the static plan);
//   - one pod per planned replica: its request (workload + Pod Overhead + sidecar) decides fit; its CPU use is the
//     fixed overheads plus the service's trace × its workload, as in the VM and bare-metal columns;
//   - with simulation.autoscaling on, a traced service's replica count follows the HPA (./replicas.ts, worked out
//     from the trace before the run): each alive interval of a replica is a pod arriving and leaving, and the
//     service's demand is shared by its replicas (a trace row of trace × planned ÷ alive per service).
// Units: CPU in millicores, memory in MiB, network in Mbps.
import * as abi from '../../../assembly/cis/abi';
import { podGroups } from '../../model/container';
import { nodePool } from '../../model/container-in-vm';
import type { Vector } from '../../model/dimensions';
import type { HostGroup } from '../../model/expansion';
import { vmOverheadMiB } from '../../model/platforms/hypervisors';
import { nodeHostPool } from '../../plan/two-level';
import type { NodeShape, Scenario } from '../../scenario/schema';
import { percentile } from '../cis/percentile';
import { parseCisQuirkNames } from '../cis/quirks';
import type { CisArena, CisSizes } from '../cis/spec';
import type { ScenarioSimError } from './encode';
import { modelTiming } from './encode';
import { hpaSchedule } from './replicas';
import type { SimulationSettings, Trace } from './schema';
import { servicesById } from '../../scenario/services-by-id';

export interface EncodedNodeVms {
  readonly sizes: CisSizes;
  readonly fill: (a: CisArena) => void;
  readonly pods: number;
  readonly hosts: number;
  /** Node VMs the hosts hold at most (CPU and memory), over the whole pool. */
  readonly capacityNodes: number;
  /** Replica scale events of the HPA (null when autoscaling is off). */
  readonly scaleEvents: number | null;
}


const sum = (v: Vector | undefined, d: number): number => (v ? v[d] : 0);
/** Rescaled capacities carry rounding: a host holding exactly k node VMs must still take the k-th. */
const EXACT_FIT = 1 + 1e-9;

/** Node VM footprint on a host (CPU millicores, memory MiB): the shape plus the VM model's overheads (per-VM memory by deployment.vm.platform). */
export function nodeFootprint(scenario: Scenario, shape: NodeShape): { cpu: number; memory: number } {
  const vm = scenario.deployment.vm;
  const cpu = shape.vcpus * 1000;
  return { cpu: cpu + Math.round(cpu * vm.cpuVirtualisationOverhead), memory: Math.round(shape.memoryGiB * 1024) + vmOverheadMiB(vm, shape.vcpus, shape.memoryGiB) };
}

/**
 * Builds sizes and a filler for the container-in-VM column. `initialNodes` (ContainerCloudSim semantics) is the
 * number of node VMs created at t = 0 before the containers are placed; under Kubernetes semantics the autoscaler
 * creates the first nodes for the pending pods at t = 0 instead. Returns errors (with JSON paths) instead of throwing.
 */
export function encodeNodeVms(scenario: Scenario, traces: readonly Trace[], settings: SimulationSettings, shape: NodeShape,
  initialNodes: number): EncodedNodeVms | ScenarioSimError[] {
  const cfg = settings.containerInVm;
  const errors: ScenarioSimError[] = [];
  const kubernetes = cfg.semantics === 'kubernetes';
  let quirks = 0;
  if (!kubernetes) {
    const q = parseCisQuirkNames(cfg.containercloudsim.quirks.join(','));
    if (typeof q === 'string') errors.push({ where: '$.simulation.containerInVm.containercloudsim.quirks', message: q });
    else quirks = q;
  }
  const models = scenario.hostModels;
  models.forEach((m, k) => {
    if (!m.powerWatts) errors.push({ where: `$.hostModels[${k}].powerWatts`, message: `the simulation needs a power curve for host model "${m.id}"` });
  });
  const node = nodePool(scenario, shape, 1);
  const nodeCpu = node.allocatable[0], nodeMemory = node.allocatable[1];
  if (nodeCpu <= 0 || nodeMemory <= 0) {
    errors.push({ where: '$.simulation.containerInVm.nodeShape', message: `a node VM of ${shape.vcpus} vCPU / ${shape.memoryGiB} GiB leaves pods no allocatable CPU or memory` });
  }
  if (!kubernetes && cfg.containercloudsim.underloadThreshold > cfg.containercloudsim.overloadThreshold) {
    errors.push({ where: '$.simulation.containerInVm.containercloudsim.underloadThreshold', message: 'must not exceed overloadThreshold' });
  }
  const traceIndex = new Map(traces.map((t, k) => [t.id, k]));
  const interval = traces.length > 0 ? traces[0].intervalSeconds : settings.intervalSeconds;
  const pods = podGroups(scenario);
  const hostGroups: HostGroup[] = nodeHostPool(scenario);
  const hostCount = hostGroups.reduce((n, g) => n + g.count, 0);
  const foot = nodeFootprint(scenario, shape);
  const capacityNodes = hostGroups.reduce((n, g) => n + g.count * Math.max(0, Math.min(Math.floor(g.allocatable[0] / foot.cpu), Math.floor(g.allocatable[1] / foot.memory))), 0);
  if (hostCount > 0 && capacityNodes === 0) {
    errors.push({ where: '$.simulation.containerInVm.nodeShape', message: `no host holds a node VM of ${shape.vcpus} vCPU / ${shape.memoryGiB} GiB (with the VM model's overheads)` });
  }
  if (cfg.maxNodes > 0 && cfg.minNodes > cfg.maxNodes) errors.push({ where: '$.simulation.containerInVm.minNodes', message: `must not exceed maxNodes (${cfg.maxNodes})` });
  if (errors.length > 0) return errors;

  const samples = Math.max(1, ...traces.map((t) => t.samples.length));
  const cols = samples + 1;
  const duration = settings.durationSeconds ?? (traces.length > 0 ? samples * interval : 86400);
  const services = servicesById(scenario);
  // One padded row per trace (the last sample repeated), then a constant 1 for services without a trace, then one
  // row per autoscaled service: its trace × planned ÷ alive replicas (the service's demand shared by its replicas).
  const padded = traces.map((t) => Float64Array.from({ length: cols }, (_, x) => t.samples[Math.min(x, t.samples.length - 1)]));
  const at = (row: Float64Array, t: number): number => {
    const q = Math.floor(t / interval);
    if (q * interval === t) return row[Math.min(cols - 1, q)];
    const t1 = q | 0, t2 = Math.ceil(t / interval) | 0;
    if (t2 > cols - 1) return row[cols - 1];
    return row[t1] + ((row[t2] - row[t1]) / ((t2 - t1) * interval)) * (t - t1 * interval);
  };
  const ticks: number[] = [];
  for (let t = settings.intervalSeconds; t < duration; t += settings.intervalSeconds) ticks.push(t);
  const hpa = settings.autoscaling;
  const groups = pods.map((g) => {
    const svc = services.get(g.serviceId);
    const ref = svc?.trace;
    const row = ref !== undefined && traceIndex.has(ref) ? traceIndex.get(ref) as number : traces.length;
    const arrive = svc?.arrivesAtSeconds ?? 0, depart = svc?.departsAtSeconds ?? Infinity;
    if (!hpa.enabled || row === traces.length) {
      return { g, row, slots: g.count, runs: Array.from({ length: g.count }, (_, k) => ({ replica: k, from: arrive, to: depart })), shared: null, events: 0 };
    }
    const max = Math.max(g.count, Math.ceil(g.count * hpa.maxReplicasFactor));
    const plan = hpaSchedule({ base: g.count, min: Math.min(g.count, hpa.minReplicas), max, target: hpa.targetUtilisation, tolerance: hpa.tolerance,
      windowSeconds: hpa.stabilisationSeconds, arrive, depart, ticks, utilisation: (t) => at(padded[row], t) });
    const shared = Float64Array.from({ length: cols }, (_, x) => padded[row][x] * g.count / Math.max(1, plan.aliveBefore(x * interval)));
    return { g, row, slots: max, runs: plan.runs, shared, events: plan.events };
  });
  let extra = traces.length + 1;
  const rowOf = groups.map((x) => (x.shared ? extra++ : x.row));
  const podSlots = groups.reduce((n, x) => n + x.runs.length, 0);
  const initial = kubernetes ? 0 : Math.min(initialNodes, capacityNodes);
  const sizes: CisSizes = {
    hosts: hostCount, models: models.length, types: 1, initialVms: initial,
    // every node VM alive at once, plus the VMs a ContainerCloudSim pass may open and drop on each host
    vms: initial + podSlots + 12 * hostCount + 64 + cfg.minNodes,
    containers: podSlots, traceRows: extra, traceCols: cols, steps: Math.ceil(duration / settings.intervalSeconds) + 1,
  };
  const modelIndex = new Map(models.map((m, k) => [m.id, k]));
  const timing = modelTiming(scenario, 'container');
  const vm = scenario.deployment.vm as { provisionSeconds?: number; bootSeconds?: number };
  const join = (scenario.deployment.containerInVm as { nodeJoinSeconds?: number }).nodeJoinSeconds ?? 30;
  const provision = cfg.nodeProvisionSeconds ?? (vm.provisionSeconds ?? 20) + (vm.bootSeconds ?? 40) + join;

  const fill = (a: CisArena): void => {
    models.forEach((m, k) => a.modelPower.set(m.powerWatts ?? new Array<number>(11).fill(0), k * 11));
    let h = 0;
    for (const g of hostGroups) {
      for (let k = 0; k < g.count; k++, h++) {
        a.hostModel[h] = modelIndex.get(g.modelId) ?? 0;
        // One processing element of the host's whole CPU (and one per node VM): ContainerCloudSim's per-PE limits
        // (a container within one VM PE, a VM PE within one host PE) are its hardware's, not a pod's.
        a.hostPes[h] = 1;
        a.hostPeMips[h] = g.allocatable[0];
        // host memory in node-allocatable units, so that node VMs of the full footprint fit as in the plan
        a.hostRam[h] = g.allocatable[1] * nodeMemory / foot.memory * EXACT_FIT;
        a.hostBw[h] = g.allocatable[3] > 0 ? g.allocatable[3] : 1e12;
      }
    }
    a.typePes[0] = 1;
    a.typePeMips[0] = nodeCpu;
    a.typeRam[0] = nodeMemory;
    a.typeBw[0] = node.allocatable[3] > 0 ? node.allocatable[3] : 1e12;
    for (let v = 0; v < initial; v++) a.vmType[v] = 0;
    let c = 0;
    groups.forEach(({ g, row: r, runs }, gi) => {
      const mips = Math.max(1, g.demand[0]);
      const parts = g.parts as Partial<Record<string, Vector>> | undefined;
      const fixed = parts ? sum(parts.runtime, 0) + sum(parts.sidecars, 0) : 0;
      const base = fixed / mips, scale = (parts?.workload ? parts.workload[0] : g.demand[0] - fixed) / mips;
      let work = mips; // Kubernetes: the request decides fit
      if (!kubernetes && cfg.containercloudsim.overbookingPercentile > 0 && r < traces.length) {
        work = (base + percentile(padded[r], cfg.containercloudsim.overbookingPercentile) * scale) * mips;
      }
      for (const run of runs) {
        a.cMips[c] = mips;
        a.cWorkload[c] = work;
        a.cRam[c] = g.demand[1];
        a.cBw[c] = g.demand[3];
        a.cBase[c] = base;
        a.cScale[c] = scale;
        a.cTrace[c] = rowOf[gi];
        a.cStart[c] = timing.restartSeconds;
        a.cArrive[c] = run.from;
        a.cDepart[c] = run.to;
        c++;
      }
    });
    padded.forEach((row, k) => a.traces.set(row, k * cols));
    a.traces.fill(1, traces.length * cols, (traces.length + 1) * cols);
    groups.forEach((x, gi) => { if (x.shared) a.traces.set(x.shared, rowOf[gi] * cols); });
    const p = a.params, ip = a.iparams;
    p[abi.CP_INTERVAL] = settings.intervalSeconds;
    p[abi.CP_TICK_OFFSET] = 0;
    p[abi.CP_END] = duration;
    p[abi.CP_TRACE_INTERVAL] = interval;
    p[abi.CP_OVERLOAD] = kubernetes ? 1 : cfg.containercloudsim.overloadThreshold;
    p[abi.CP_UNDERLOAD] = kubernetes ? 0 : cfg.containercloudsim.underloadThreshold;
    p[abi.CP_VM_STARTUP] = provision;
    p[abi.CP_CONTAINER_STARTUP] = timing.restartSeconds;
    p[abi.CP_SCALE_DOWN_UTILISATION] = cfg.autoscaler.scaleDownUtilisation;
    p[abi.CP_SCALE_DOWN_SECONDS] = kubernetes ? cfg.autoscaler.scaleDownUnneededSeconds : settings.intervalSeconds;
    // node VMs of the full footprint (vCPUs + virtualisation overhead) on the hosts' vCPU capacity
    p[abi.CP_VM_OVERCOMMIT] = nodeCpu / foot.cpu * EXACT_FIT;
    p[abi.CP_PERCENTILE] = kubernetes ? 0 : cfg.containercloudsim.overbookingPercentile;
    ip[abi.CI_MODE] = kubernetes ? abi.MODE_KUBERNETES : abi.MODE_CLOUDSIM;
    ip[abi.CI_QUIRKS] = quirks;
    ip[abi.CI_SEED] = settings.seed;
    ip[abi.CI_STEPS] = a.steps;
    ip[abi.CI_MAX_VMS] = cfg.maxNodes;
    ip[abi.CI_MIN_VMS] = cfg.minNodes;
    ip[abi.CI_SCORE] = cfg.autoscaler.scoring === 'most-allocated' ? abi.SCORE_MOST_ALLOCATED : abi.SCORE_LEAST_ALLOCATED;
    ip[abi.CI_NEW_VM_TYPE] = 0;
  };
  return { sizes, fill, pods: groups.reduce((n, x) => n + x.slots, 0), hosts: hostCount, capacityNodes,
    scaleEvents: hpa.enabled ? groups.reduce((n, x) => n + x.events, 0) : null };
}
