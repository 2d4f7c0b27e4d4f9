// The two-level simulator's arena: inputs and outputs the host reads and writes in place, from __heap_base.
//
//  base ─┬─ header            i32[CH_SLOTS]              sizes and byte offsets (abi.ts CH_*)
//        ├─ params            f64[CPARAM_SLOTS]          in
//        ├─ modelPower        f64[models × 11]           in   W at 0, 10, …, 100 %
//        ├─ host f64 columns  peMips, ram, bw                              in  f64[hosts] each
//        ├─ type f64 columns  peMips, ram, bw                              in  f64[types] each
//        ├─ container f64     mips, workload, ram, bw, base, scale, start, arrive, depart   in  f64[containers] each
//        ├─ traces            f64[traceRows × traceCols] in  fractions
//        ├─ totals            f64[CTOTAL_SLOTS]          out
//        ├─ series            f64[steps × CSERIES_COLS]  out
//        ├─ iparams           i32[CIPARAM_SLOTS]         in
//        ├─ host i32 columns  model, pes                                   in  i32[hosts] each
//        ├─ typePes           i32[types]                 in
//        ├─ vmType            i32[initial VMs]           in
//        ├─ cTrace            i32[containers]            in
//        ├─ cVmOut            i32[containers]            out
//        ├─ vmHostOut, vmTypeOut  i32[VM slots] each     out
//        └─ (end) the run lays its state out from here (engine.ts)
// f64 regions come first so they stay 8-byte aligned. The host re-creates its views after reserveCis.
import * as abi from './abi';
import { align8, ensureMemory } from '../sim/mem';

export let H: i32 = 0;
export let M: i32 = 0;
export let T: i32 = 0;
export let V: i32 = 0;
export let V0: i32 = 0;
export let N: i32 = 0;
export let R: i32 = 0;
export let C: i32 = 0;
export let STEPS: i32 = 0;

export let params: usize = 0;
export let iparams: usize = 0;
export let modelPower: usize = 0;
export let hostModel: usize = 0;
export let hostPes: usize = 0;
export let hostPeMips: usize = 0;
export let hostRam: usize = 0;
export let hostBw: usize = 0;
export let typePes: usize = 0;
export let typePeMips: usize = 0;
export let typeRam: usize = 0;
export let typeBw: usize = 0;
export let vmType: usize = 0;
export let cMips: usize = 0;
export let cWorkload: usize = 0;
export let cRam: usize = 0;
export let cBw: usize = 0;
export let cBase: usize = 0;
export let cScale: usize = 0;
export let cTrace: usize = 0;
export let cStart: usize = 0;
export let cArrive: usize = 0;
export let cDepart: usize = 0;
export let traces: usize = 0;
export let totals: usize = 0;
export let series: usize = 0;
export let cVmOut: usize = 0;
export let vmHostOut: usize = 0;
export let vmTypeOut: usize = 0;
export let arenaEnd: usize = 0;
let header: usize = 0;

function slot(k: i32, v: usize): void {
  store<i32>(header + (<usize>k << 2), <i32>v);
}

export function isReserved(): bool {
  return header != 0;
}

/** Lays out inputs and outputs for the given sizes, growing memory if needed; returns the header address. */
export function reserve(hosts: i32, models: i32, types: i32, vms: i32, initialVms: i32, containers: i32,
  traceRows: i32, traceCols: i32, steps: i32): usize {
  assert(hosts >= 0 && models >= 0 && types >= 0 && vms >= initialVms && initialVms >= 0 && containers >= 0
    && traceRows >= 0 && traceCols >= 0 && steps >= 0, 'reserveCis: bad sizes');
  H = hosts; M = models; T = types; V = vms; V0 = initialVms; N = containers; R = traceRows; C = traceCols; STEPS = steps;
  const h = <usize>hosts, t = <usize>types, n = <usize>containers, v = <usize>vms;
  header = align8(__heap_base);
  let at = align8(header + <usize>abi.CH_SLOTS * 4);
  params = at; at += <usize>abi.CPARAM_SLOTS * 8;
  modelPower = at; at += <usize>models * 11 * 8;
  hostPeMips = at; at += h * 8;
  hostRam = at; at += h * 8;
  hostBw = at; at += h * 8;
  typePeMips = at; at += t * 8;
  typeRam = at; at += t * 8;
  typeBw = at; at += t * 8;
  cMips = at; at += n * 8;
  cWorkload = at; at += n * 8;
  cRam = at; at += n * 8;
  cBw = at; at += n * 8;
  cBase = at; at += n * 8;
  cScale = at; at += n * 8;
  cStart = at; at += n * 8;
  cArrive = at; at += n * 8;
  cDepart = at; at += n * 8;
  traces = at; at += <usize>traceRows * <usize>traceCols * 8;
  totals = at; at += <usize>abi.CTOTAL_SLOTS * 8;
  series = at; at += <usize>steps * <usize>abi.CSERIES_COLS * 8;
  iparams = at; at += <usize>abi.CIPARAM_SLOTS * 4;
  hostModel = at; at += h * 4;
  hostPes = at; at += h * 4;
  typePes = at; at += t * 4;
  vmType = at; at += <usize>initialVms * 4;
  cTrace = at; at += n * 4;
  cVmOut = at; at += n * 4;
  vmHostOut = at; at += v * 4;
  vmTypeOut = at; at += v * 4;
  arenaEnd = align8(at);
  ensureMemory(arenaEnd);
  // Parameter slots a host does not know about read as 0, never as stale memory.
  memory.fill(params, 0, <usize>abi.CPARAM_SLOTS * 8);
  memory.fill(iparams, 0, <usize>abi.CIPARAM_SLOTS * 4);

  slot(abi.CH_HOSTS, h); slot(abi.CH_MODELS, <usize>models); slot(abi.CH_TYPES, t); slot(abi.CH_VMS, v);
  slot(abi.CH_INITIAL_VMS, <usize>initialVms); slot(abi.CH_CONTAINERS, n); slot(abi.CH_TRACE_ROWS, <usize>traceRows);
  slot(abi.CH_TRACE_COLS, <usize>traceCols); slot(abi.CH_STEPS, <usize>steps);
  slot(abi.CH_PARAMS, params); slot(abi.CH_IPARAMS, iparams); slot(abi.CH_MODEL_POWER, modelPower);
  slot(abi.CH_HOST_MODEL, hostModel); slot(abi.CH_HOST_PES, hostPes); slot(abi.CH_HOST_PE_MIPS, hostPeMips);
  slot(abi.CH_HOST_RAM, hostRam); slot(abi.CH_HOST_BW, hostBw);
  slot(abi.CH_TYPE_PES, typePes); slot(abi.CH_TYPE_PE_MIPS, typePeMips); slot(abi.CH_TYPE_RAM, typeRam); slot(abi.CH_TYPE_BW, typeBw);
  slot(abi.CH_VM_TYPE, vmType);
  slot(abi.CH_C_MIPS, cMips); slot(abi.CH_C_WORKLOAD, cWorkload); slot(abi.CH_C_RAM, cRam); slot(abi.CH_C_BW, cBw);
  slot(abi.CH_C_BASE, cBase); slot(abi.CH_C_SCALE, cScale); slot(abi.CH_C_TRACE, cTrace); slot(abi.CH_C_START, cStart);
  slot(abi.CH_C_ARRIVE, cArrive); slot(abi.CH_C_DEPART, cDepart); slot(abi.CH_TRACES, traces);
  slot(abi.CH_TOTALS, totals); slot(abi.CH_SERIES, series); slot(abi.CH_C_VM_OUT, cVmOut);
  slot(abi.CH_VM_HOST_OUT, vmHostOut); slot(abi.CH_VM_TYPE_OUT, vmTypeOut);
  return header;
}
