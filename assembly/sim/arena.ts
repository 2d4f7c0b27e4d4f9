// The simulation arena: inputs and outputs the host reads and writes in place, from __heap_base.
//
//  base ─┬─ header            i32[HS_SLOTS]            sizes and byte offsets (abi.ts HS_*)
//        ├─ params            f64[PARAM_SLOTS]          in
//        ├─ modelPower        f64[models × 11]          in   W at 0, 10, …, 100 %
//        ├─ host f64 columns  peMips, memory, bw, migrationRate            in  f64[hosts] each
//        ├─ item f64 columns  mips, memory, bw, migrationMB, baseFrac, scaleFrac, startSeconds,
//        │                    arrive, depart                                in  f64[items] each
//        ├─ traces            f64[traceRows × traceCols] in  fractions
//        ├─ totals            f64[TOTAL_SLOTS]          out
//        ├─ series            f64[steps × SERIES_COLS]  out
//        ├─ iparams           i32[IPARAM_SLOTS]         in
//        ├─ host i32 columns  model, pes, class          in  i32[hosts] each
//        ├─ item i32 columns  pes, trace, kind, initialHost   in  i32[items] each
//        ├─ itemHost          i32[items]                out
//        ├─ itemService, itemMemoryTrace i32[items]; svcMin, svcMax, svcFirst i32[services]; svcBase f64[services] (after series)
//        └─ (end) the run lays its state out from here (engine.ts)
// f64 regions come first so they stay 8-byte aligned. The host re-creates its views after reserveSim.
import * as abi from './abi';
import { align8, ensureMemory } from './mem';

export let H: i32 = 0;
export let N: i32 = 0;
export let M: i32 = 0;
export let R: i32 = 0;
export let C: i32 = 0;
export let STEPS: i32 = 0;
export let S: i32 = 0;

export let params: usize = 0;
export let iparams: usize = 0;
export let modelPower: usize = 0;
export let hostModel: usize = 0;
export let hostPes: usize = 0;
export let hostPeMips: usize = 0;
export let hostMemory: usize = 0;
export let hostBw: usize = 0;
export let hostMigrationRate: usize = 0;
export let hostClass: usize = 0;
export let itemMips: usize = 0;
export let itemPes: usize = 0;
export let itemMemory: usize = 0;
export let itemBw: usize = 0;
export let itemMigrationMB: usize = 0;
export let itemBaseFrac: usize = 0;
export let itemScaleFrac: usize = 0;
export let itemTrace: usize = 0;
export let itemKind: usize = 0;
export let itemStartSeconds: usize = 0;
export let itemArrive: usize = 0;
export let itemDepart: usize = 0;
export let itemInitialHost: usize = 0;
export let traces: usize = 0;
export let totals: usize = 0;
export let series: usize = 0;
export let itemHostOut: usize = 0;
export let itemService: usize = 0;
export let itemMemoryTrace: usize = 0;
export let svcBase: usize = 0;
export let svcMin: usize = 0;
export let svcMax: usize = 0;
export let svcFirst: usize = 0;
export let arenaEnd: usize = 0;
let header: usize = 0;

function slot(k: i32, v: usize): void {
  store<i32>(header + (<usize>k << 2), <i32>v);
}

export function isReserved(): bool {
  return header != 0;
}

/** Lays out inputs and outputs for the given sizes, growing memory if needed; returns the header address. */
export function reserve(hosts: i32, items: i32, models: i32, traceRows: i32, traceCols: i32, steps: i32, services: i32): usize {
  assert(hosts >= 0 && items >= 0 && models >= 0 && traceRows >= 0 && traceCols >= 0 && steps >= 0 && services >= 0, 'reserveSim: bad sizes');
  H = hosts; N = items; M = models; R = traceRows; C = traceCols; STEPS = steps; S = services;
  const h = <usize>hosts, n = <usize>items;
  header = align8(__heap_base);
  let at = align8(header + <usize>abi.HS_SLOTS * 4);
  params = at; at += <usize>abi.PARAM_SLOTS * 8;
  modelPower = at; at += <usize>models * 11 * 8;
  hostPeMips = at; at += h * 8;
  hostMemory = at; at += h * 8;
  hostBw = at; at += h * 8;
  hostMigrationRate = at; at += h * 8;
  itemMips = at; at += n * 8;
  itemMemory = at; at += n * 8;
  itemBw = at; at += n * 8;
  itemMigrationMB = at; at += n * 8;
  itemBaseFrac = at; at += n * 8;
  itemScaleFrac = at; at += n * 8;
  itemStartSeconds = at; at += n * 8;
  itemArrive = at; at += n * 8;
  itemDepart = at; at += n * 8;
  traces = at; at += <usize>traceRows * <usize>traceCols * 8;
  totals = at; at += <usize>abi.TOTAL_SLOTS * 8;
  series = at; at += <usize>steps * <usize>abi.SERIES_COLS * 8;
  svcBase = at; at += <usize>services * 8;
  iparams = at; at += <usize>abi.IPARAM_SLOTS * 4;
  hostModel = at; at += h * 4;
  hostPes = at; at += h * 4;
  hostClass = at; at += h * 4;
  itemPes = at; at += n * 4;
  itemTrace = at; at += n * 4;
  itemKind = at; at += n * 4;
  itemInitialHost = at; at += n * 4;
  itemHostOut = at; at += n * 4;
  itemService = at; at += n * 4;
  itemMemoryTrace = at; at += n * 4;
  svcMin = at; at += <usize>services * 4;
  svcMax = at; at += <usize>services * 4;
  svcFirst = at; at += <usize>services * 4;
  arenaEnd = align8(at);
  ensureMemory(arenaEnd);
  // Parameter slots a host does not know about (added after it was written) read as 0, never as stale memory.
  memory.fill(params, 0, <usize>abi.PARAM_SLOTS * 8);
  memory.fill(iparams, 0, <usize>abi.IPARAM_SLOTS * 4);

  slot(abi.HS_HOSTS, h); slot(abi.HS_ITEMS, n); slot(abi.HS_MODELS, <usize>models);
  slot(abi.HS_TRACE_ROWS, <usize>traceRows); slot(abi.HS_TRACE_COLS, <usize>traceCols); slot(abi.HS_STEPS, <usize>steps);
  slot(abi.HS_PARAMS, params); slot(abi.HS_IPARAMS, iparams); slot(abi.HS_MODEL_POWER, modelPower);
  slot(abi.HS_HOST_MODEL, hostModel); slot(abi.HS_HOST_PES, hostPes); slot(abi.HS_HOST_PE_MIPS, hostPeMips);
  slot(abi.HS_HOST_MEMORY, hostMemory); slot(abi.HS_HOST_BW, hostBw); slot(abi.HS_HOST_MIGRATION_RATE, hostMigrationRate);
  slot(abi.HS_HOST_CLASS, hostClass); slot(abi.HS_ITEM_MIPS, itemMips); slot(abi.HS_ITEM_PES, itemPes);
  slot(abi.HS_ITEM_MEMORY, itemMemory); slot(abi.HS_ITEM_BW, itemBw); slot(abi.HS_ITEM_MIGRATION_MB, itemMigrationMB);
  slot(abi.HS_ITEM_BASE_FRAC, itemBaseFrac); slot(abi.HS_ITEM_SCALE_FRAC, itemScaleFrac); slot(abi.HS_ITEM_TRACE, itemTrace);
  slot(abi.HS_ITEM_KIND, itemKind); slot(abi.HS_ITEM_START_SECONDS, itemStartSeconds); slot(abi.HS_ITEM_ARRIVE, itemArrive);
  slot(abi.HS_ITEM_DEPART, itemDepart); slot(abi.HS_ITEM_INITIAL_HOST, itemInitialHost); slot(abi.HS_TRACES, traces);
  slot(abi.HS_TOTALS, totals); slot(abi.HS_SERIES, series); slot(abi.HS_ITEM_HOST, itemHostOut); slot(abi.HS_END, arenaEnd);
  slot(abi.HS_SERVICES, <usize>services); slot(abi.HS_ITEM_SERVICE, itemService); slot(abi.HS_SVC_BASE, svcBase);
  slot(abi.HS_SVC_MIN, svcMin); slot(abi.HS_SVC_MAX, svcMax); slot(abi.HS_SVC_FIRST, svcFirst);
  slot(abi.HS_ITEM_MEMORY_TRACE, itemMemoryTrace);
  return header;
}
