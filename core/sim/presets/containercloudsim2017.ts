// ContainerCloudSim's container-consolidation experiment (CloudSim 4.0 examples.container.ContainerInitialPlacementTest,
// arguments "1 2"; Piraghaj et al.) as ../shared/reference/containercloudsim.md describes it: 20 hosts of three
// classes, 25 initial VMs of four types, one container per PlanetLab trace file (the first 50 in byte order of
// their names), 5-minute ticks, MSThreshold-Under 0.80/0.70, MaxUsage container selection, FirstFit placement,
// overbooking percentile 80. Every ContainerCloudSim quirk is on by default; `quirks` switches them off. The
// switched-off host a new VM wakes is drawn from the seed (CloudSim draws it unseeded). `hosts` and `containers`
// scale the experiment (the benchmark runs 800 hosts and one container per trace of a day).
import * as abi from '../../../assembly/cis/abi';
import { percentile } from '../cis/percentile';
import type { CisArena, CisSizes } from '../cis/spec';
import { HP_ML110_G4, HP_ML110_G5 } from './beloglazov2012';

/** SPECpower_ssj2008 of the IBM x3550 (Xeon X5670), W at 0, 10, …, 100 % (CloudSim PowerModelSpecPowerIbmX3550XeonX5670). */
export const IBM_X3550_X5670 = [66, 107, 120, 131, 143, 156, 173, 191, 211, 229, 247];

export const CCS_HOSTS = 20;
export const CCS_VMS = 25;
export const CCS_CONTAINERS = 50;
const HOST_PE_MIPS = 37274;
const HOST_PES = [4, 8, 16];
const HOST_RAM = [65536, 131072, 262144];
const HOST_BW = 1_000_000;
const VM_PE_MIPS = Math.floor(37274 / 2);
const VM_PES = [2, 4, 1, 8];
const VM_RAM = [1024, 2048, 4096, 8192];
const VM_BW = 100_000;
const CONTAINER_MIPS = [4658, 9320, 18636];
const CONTAINER_RAM = [128, 256, 512];
const CONTAINER_BW = 2500;
/** ContainerDatacenterBroker's overbooking factor: the fit test reserves this percentile of the container's day. */
export const OVERBOOKING_PERCENTILE = 80;

export interface CcsOptions {
  /** Hosts (default 20), in three classes in contiguous blocks as HelperEx creates them. */
  readonly hosts?: number;
  /** Initial VMs (default 25, or half the containers when scaled). */
  readonly vms?: number;
  /** CQ_* mask; default every quirk on, as ContainerCloudSim behaves. */
  readonly quirks?: number;
  readonly seed?: number;
}

/** CloudSim's "type in contiguous blocks": floor(i / ceil(N / T)). */
export const blockType = (i: number, n: number, types: number): number => Math.floor(i / Math.ceil(n / types));

export function ccsSizes(containers: number, samples: number, options: CcsOptions = {}): CisSizes {
  const hosts = options.hosts ?? CCS_HOSTS;
  const initialVms = options.vms ?? (containers === CCS_CONTAINERS ? CCS_VMS : Math.ceil(containers / 2));
  const end = samples * 300;
  return {
    hosts, models: 3, types: VM_PES.length, initialVms,
    // every VM alive at once, plus the VMs a pass may open and drop on each host
    vms: initialVms + containers + 12 * hosts + 64,
    containers, traceRows: containers, traceCols: samples + 1, steps: Math.ceil(end / 300) + 1,
  };
}

/** Fills an arena reserved with ccsSizes: `traces` are the trace files' fractions, one container each. */
export function fillCcs(a: CisArena, traces: readonly Float64Array[], options: CcsOptions = {}): void {
  const samples = a.traceCols - 1;
  a.modelPower.set(HP_ML110_G4, 0);
  a.modelPower.set(HP_ML110_G5, 11);
  a.modelPower.set(IBM_X3550_X5670, 22);
  for (let h = 0; h < a.hosts; h++) {
    const t = blockType(h, a.hosts, 3);
    a.hostModel[h] = t; a.hostPes[h] = HOST_PES[t]; a.hostPeMips[h] = HOST_PE_MIPS; a.hostRam[h] = HOST_RAM[t]; a.hostBw[h] = HOST_BW;
  }
  for (let t = 0; t < VM_PES.length; t++) {
    a.typePes[t] = VM_PES[t]; a.typePeMips[t] = VM_PE_MIPS; a.typeRam[t] = VM_RAM[t]; a.typeBw[t] = VM_BW;
  }
  for (let v = 0; v < a.initialVms; v++) a.vmType[v] = blockType(v, a.initialVms, VM_PES.length);
  const row = new Float64Array(samples + 1);
  for (let c = 0; c < a.containers; c++) {
    const t = blockType(c, a.containers, 3);
    row.set(traces[c].subarray(0, samples));
    row[samples] = traces[c][samples - 1]; // UtilizationModelPlanetLabInMemoryExtended repeats the last sample
    a.traces.set(row, c * a.traceCols);
    a.cMips[c] = CONTAINER_MIPS[t];
    a.cWorkload[c] = percentile(row, OVERBOOKING_PERCENTILE) * CONTAINER_MIPS[t];
    a.cRam[c] = CONTAINER_RAM[t];
    a.cBw[c] = CONTAINER_BW;
    a.cBase[c] = 0; a.cScale[c] = 1; a.cTrace[c] = c; a.cStart[c] = 0; a.cArrive[c] = 0; a.cDepart[c] = Infinity;
  }
  const p = a.params, ip = a.iparams;
  p[abi.CP_INTERVAL] = 300;
  p[abi.CP_TICK_OFFSET] = 0.2;
  p[abi.CP_END] = samples * 300;
  p[abi.CP_TRACE_INTERVAL] = 300;
  p[abi.CP_OVERLOAD] = 0.8;
  p[abi.CP_UNDERLOAD] = 0.7;
  p[abi.CP_VM_STARTUP] = 100;
  p[abi.CP_CONTAINER_STARTUP] = 0.4;
  p[abi.CP_SCALE_DOWN_UTILISATION] = 0;
  p[abi.CP_SCALE_DOWN_SECONDS] = 300; // corrected model only: an empty VM is removed after one more tick
  p[abi.CP_PERCENTILE] = OVERBOOKING_PERCENTILE;
  ip[abi.CI_MODE] = abi.MODE_CLOUDSIM;
  const quirks = options.quirks ?? abi.CQ_ALL;
  ip[abi.CI_QUIRKS] = quirks;
  ip[abi.CI_SEED] = options.seed ?? 1;
  ip[abi.CI_STEPS] = a.steps;
  ip[abi.CI_MAX_VMS] = 0;
}
