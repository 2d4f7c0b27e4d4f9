// WASM exports of the simulation kernel. The host (core/sim/kernel/wasm-simulator.ts) calls reserveSim,
// writes the inputs into the regions named by the returned header (abi.ts HS_*), calls runSim and reads
// totals, series and final placement back. No strings or objects cross this boundary; no clock is read.
import { SIM_ERR_NOT_RESERVED } from './abi';
import { isReserved, reserve } from './arena';
import { simulate } from './engine';

/** Lays out a simulation arena; returns the header address. Invalidates every earlier view (and the pack arena). */
export function reserveSim(hosts: i32, items: i32, models: i32, traceRows: i32, traceCols: i32, steps: i32, services: i32): usize {
  return reserve(hosts, items, models, traceRows, traceCols, steps, services);
}

/** Runs the simulation written into the arena. Returns SIM_OK (0) or a negative SIM_ERR_* code. */
export function runSim(): i32 {
  if (!isReserved()) return SIM_ERR_NOT_RESERVED;
  return simulate();
}
