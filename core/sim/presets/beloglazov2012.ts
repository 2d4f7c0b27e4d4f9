// The experiment of Beloglazov & Buyya (CCPE 2012) as CloudSim 4.0 runs it on a day of PlanetLab traces
// (../shared/reference/cloudsim-planetlab.md): 800 hosts alternating HP ProLiant ML110 G4 / G5, one VM
// per trace file in byte order with the four EC2-like VM types, 5-minute steps over one day. Every
// CloudSim quirk that changes the numbers is on by default; `quirks` switches them off one by one.
import * as abi from '../../../assembly/sim/abi';
import type { Policy } from '../policy';
import type { SimArena, SimSizes } from '../spec';

export const BELOGLAZOV_HOSTS = 800;
/** SPECpower_ssj2008 results used by CloudSim: HP ProLiant ML110 G4 (Xeon 3040) and G5 (Xeon 3075), W. */
export const HP_ML110_G4 = [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117];
export const HP_ML110_G5 = [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135];
const HOST_MIPS = [1860, 2660];
const HOST_PES = 2;
const HOST_RAM_MB = 4096;
const HOST_BW = 1_000_000; // kbit/s (1 Gbit/s)
/** Half the bandwidth carries migrations: MB/s = bw / (2 · 8000), as PowerDatacenter computes it. */
const MIGRATION_RATE = HOST_BW / (2 * 8000);
const VM_MIPS = [2500, 2000, 1000, 500];
const VM_RAM_MB = [870, 1740, 1740, 613];
const VM_BW = 100_000;

export const ALL_QUIRKS = abi.QUIRK_VANISH_AT_ZERO | abi.QUIRK_IDLE_DRAWS_NOTHING | abi.QUIRK_LR_UNWEIGHTED
  | abi.QUIRK_MEMORY_AT_CREATION_ONLY | abi.QUIRK_STICKY_MIGRATING_OUT | abi.QUIRK_UNDERLOAD_KEEPS_TARGETS;

export interface PresetOptions {
  readonly hosts?: number;
  /** QUIRK_* mask (abi); defaults to every quirk on, as CloudSim 4.0 behaves. */
  readonly quirks?: number;
  readonly seed?: number;
  /** Host boot delay for the corrected model, s (CloudSim: 0). */
  readonly bootSeconds?: number;
}

/** Sizes of the experiment for `vms` traces of `samples` points each. */
export function beloglazovSizes(vms: number, samples: number, options: PresetOptions = {}): SimSizes {
  const interval = 300, end = samples * interval;
  return {
    hosts: options.hosts ?? BELOGLAZOV_HOSTS, items: vms, models: 2, traceRows: vms, traceCols: samples + 1,
    steps: Math.ceil(end / interval) + 1, services: 0,
  };
}

/** Fills an arena reserved with beloglazovSizes: hosts, VMs, the traces (fractions) and the policy. */
export function fillBeloglazov(a: SimArena, traces: readonly Float64Array[], policy: Policy, options: PresetOptions = {}): void {
  const samples = a.traceCols - 1;
  a.modelPower.set(HP_ML110_G4, 0);
  a.modelPower.set(HP_ML110_G5, 11);
  for (let h = 0; h < a.hosts; h++) {
    const type = h % 2;
    a.hostModel[h] = type;
    a.hostPes[h] = HOST_PES;
    a.hostPeMips[h] = HOST_MIPS[type];
    a.hostMemory[h] = HOST_RAM_MB;
    a.hostBw[h] = HOST_BW;
    a.hostMigrationRate[h] = MIGRATION_RATE;
    a.hostClass[h] = type;
  }
  const n = a.items;
  const block = Math.ceil(n / VM_MIPS.length);
  for (let i = 0; i < n; i++) {
    const type = Math.floor(i / block);
    a.itemMips[i] = VM_MIPS[type];
    a.itemPes[i] = 1;
    a.itemMemory[i] = VM_RAM_MB[type];
    a.itemBw[i] = VM_BW;
    a.itemMigrationMB[i] = VM_RAM_MB[type];
    a.itemBaseFrac[i] = 0;
    a.itemScaleFrac[i] = 1;
    a.itemTrace[i] = i;
    a.itemKind[i] = abi.KIND_VM;
    a.itemStartSeconds[i] = 0;
    a.itemArrive[i] = 0;
    a.itemDepart[i] = Infinity;
    a.itemInitialHost[i] = -1;
    const row = traces[i];
    a.traces.set(row.subarray(0, samples), i * a.traceCols);
    a.traces[i * a.traceCols + samples] = row[samples - 1]; // CloudSim repeats the last sample once
  }
  const p = a.params, ip = a.iparams;
  p[abi.P_INTERVAL] = 300;
  p[abi.P_TICK_OFFSET] = 0.1;
  p[abi.P_END] = samples * 300;
  p[abi.P_TRACE_INTERVAL] = 300;
  p[abi.P_DETECTOR_PARAM] = policy.parameter;
  p[abi.P_FALLBACK_THRESHOLD] = 0.7;
  p[abi.P_MIGRATION_SOURCE_SHARE] = 0.9;
  p[abi.P_MIGRATION_TARGET_SHARE] = 0.1;
  p[abi.P_BOOT_SECONDS] = options.bootSeconds ?? 0;
  ip[abi.I_MODE] = policy.mode;
  ip[abi.I_DETECTOR] = policy.detector;
  ip[abi.I_SELECTOR] = policy.selector;
  ip[abi.I_PLACEMENT] = policy.mode === abi.MODE_DYNAMIC ? abi.PLACE_PABFD : abi.PLACE_FIRST_FIT;
  ip[abi.I_QUIRKS] = options.quirks ?? ALL_QUIRKS;
  ip[abi.I_SEED] = options.seed ?? 1;
  ip[abi.I_HISTORY] = 30;
  ip[abi.I_LR_WINDOW] = 10;
  ip[abi.I_MIN_HISTORY] = 12;
  ip[abi.I_STEPS] = a.steps;
}
