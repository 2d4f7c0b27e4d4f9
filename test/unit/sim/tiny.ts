// Builds small simulations from plain descriptions (tests only): a few hosts, a few items, short traces.
import * as abi from '../../../assembly/sim/abi';
import { parsePolicy, type Policy } from '../../../core/sim/policy';
import type { SimArena, SimRaw, Simulator } from '../../../core/sim/spec';

export const G4 = [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117];
export const G5 = [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135];

export interface TinyHost { pes: number; peMips: number; memory?: number; model?: number; hostClass?: number }
export interface TinyItem { mips: number; memory?: number; trace: number[]; kind?: number; start?: number; host?: number; depart?: number;
  /** Demand = (base + trace × scale) × mips; 0 and 1 where absent. */
  base?: number; scale?: number;
  /** Cores (1 where absent): the request is spread over them, each capped at a host core's MIPS. */
  pes?: number;
  /** Memory in use as a share of the item's memory (what a live migration copies), one value per interval. */
  memoryTrace?: number[] }
export interface Tiny {
  hosts: TinyHost[];
  items: TinyItem[];
  policy: string;
  quirks?: number;
  interval?: number;
  offset?: number;
  placement?: number;
  seed?: number;
  reoptPeriod?: number;
  reoptBudget?: number;
  bootSeconds?: number;
  shutdownSeconds?: number;
  /** Autoscaled services: replica slots [first, first + max), demand defined for `base` replicas. */
  services?: { first: number; max: number; min: number; base: number }[];
  scaleTarget?: number;
  scaleWindow?: number;
  /** Power models, W at 0, 10, …, 100 % (11 values each); [G4, G5] where absent. A host's model defaults to its index modulo their count. */
  powerModels?: number[][];
}

/** A seeded trace of `samples` integer percentages: `spread` − 101 values in `spread` come out as 0 (idle intervals). */
export function seededTrace(seed: number, samples: number, spread: number): number[] {
  return Array.from({ length: samples }, (_, k) => {
    const v = (Math.imul(seed + 1, 2654435761 + k * 40503) >>> 0) % spread;
    return v > 100 ? 0 : v / 100;
  });
}

export function fillTiny(sim: Simulator, t: Tiny): SimArena {
  const policy = parsePolicy(t.policy) as Policy;
  if (typeof policy === 'string') throw new Error(policy);
  const samples = Math.max(...t.items.map((i) => i.trace.length));
  const interval = t.interval ?? 300;
  const memoryRows = t.items.filter((it) => it.memoryTrace).length;
  const models = t.powerModels ?? [G4, G5];
  const a = sim.reserve({ hosts: t.hosts.length, items: t.items.length, models: models.length, traceRows: t.items.length + memoryRows,
    traceCols: samples + 1, steps: samples + 2, services: t.services?.length ?? 0 });
  models.forEach((m, k) => a.modelPower.set(m, k * 11));
  t.hosts.forEach((h, k) => {
    a.hostModel[k] = h.model ?? k % models.length; a.hostPes[k] = h.pes; a.hostPeMips[k] = h.peMips;
    a.hostMemory[k] = h.memory ?? 4096; a.hostBw[k] = 1e6; a.hostMigrationRate[k] = 62.5; a.hostClass[k] = h.hostClass ?? -1;
  });
  t.items.forEach((it, k) => {
    a.itemMips[k] = it.mips; a.itemPes[k] = it.pes ?? 1; a.itemMemory[k] = it.memory ?? 512; a.itemBw[k] = 0;
    a.itemMigrationMB[k] = it.memory ?? 512; a.itemBaseFrac[k] = it.base ?? 0; a.itemScaleFrac[k] = it.scale ?? 1; a.itemTrace[k] = k;
    a.itemKind[k] = it.kind ?? abi.KIND_VM; a.itemStartSeconds[k] = it.start ?? 0; a.itemArrive[k] = 0;
    a.itemDepart[k] = it.depart ?? Infinity; a.itemInitialHost[k] = it.host ?? -1; a.itemService[k] = -1;
    for (let c = 0; c <= samples; c++) a.traces[k * (samples + 1) + c] = it.trace[Math.min(c, it.trace.length - 1)];
  });
  let row = t.items.length;
  t.items.forEach((it, k) => {
    if (!it.memoryTrace) return;
    a.itemMemoryTrace[k] = row;
    for (let c = 0; c <= samples; c++) a.traces[row * (samples + 1) + c] = it.memoryTrace[Math.min(c, it.memoryTrace.length - 1)];
    row++;
  });
  (t.services ?? []).forEach((sv, s) => {
    a.svcFirst[s] = sv.first; a.svcMax[s] = sv.max; a.svcMin[s] = sv.min; a.svcBase[s] = sv.base;
    for (let k = 0; k < sv.max; k++) { a.itemService[sv.first + k] = s; if (k >= sv.base) a.itemArrive[sv.first + k] = Infinity; }
  });
  const p = a.params, ip = a.iparams;
  p[abi.P_INTERVAL] = interval; p[abi.P_TICK_OFFSET] = t.offset ?? 0.1; p[abi.P_END] = samples * interval;
  p[abi.P_TRACE_INTERVAL] = interval; p[abi.P_DETECTOR_PARAM] = policy.parameter; p[abi.P_FALLBACK_THRESHOLD] = 0.7;
  p[abi.P_MIGRATION_SOURCE_SHARE] = 0.9; p[abi.P_MIGRATION_TARGET_SHARE] = 0.1;
  p[abi.P_BOOT_SECONDS] = t.bootSeconds ?? 0; p[abi.P_SHUTDOWN_SECONDS] = t.shutdownSeconds ?? 0; p[abi.P_REOPT_PERIOD] = t.reoptPeriod ?? 0; p[abi.P_REOPT_BUDGET] = t.reoptBudget ?? 0;
  p[abi.P_SCALE_TARGET] = t.scaleTarget ?? 0; p[abi.P_SCALE_WINDOW] = t.scaleWindow ?? 300; p[abi.P_SCALE_TOLERANCE] = 0.1;
  ip[abi.I_MODE] = policy.mode; ip[abi.I_DETECTOR] = policy.detector; ip[abi.I_SELECTOR] = policy.selector;
  ip[abi.I_PLACEMENT] = t.placement ?? abi.PLACE_PABFD; ip[abi.I_QUIRKS] = t.quirks ?? 0; ip[abi.I_SEED] = t.seed ?? 1;
  ip[abi.I_HISTORY] = 30; ip[abi.I_LR_WINDOW] = 10; ip[abi.I_MIN_HISTORY] = 12; ip[abi.I_STEPS] = a.steps;
  return a;
}

/** Runs and copies the outputs out of kernel memory. */
export function runTiny(sim: Simulator, t: Tiny): SimRaw {
  fillTiny(sim, t);
  const r = sim.run();
  return { status: r.status, totals: r.totals.slice(), series: r.series.slice(), itemHost: r.itemHost.slice() };
}

export const totals = (r: SimRaw) => ({
  energyKWh: r.totals[abi.T_ENERGY_WS] / 3.6e6,
  migrations: r.totals[abi.T_MIGRATIONS],
  steps: r.totals[abi.T_STEPS],
});

/** Moves started at each tick. */
export const migrationsPerStep = (r: SimRaw): number[] =>
  Array.from({ length: r.totals[abi.T_STEPS] }, (_, k) => r.series[k * abi.SERIES_COLS + abi.S_MIGRATIONS]);
