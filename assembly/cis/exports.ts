// Two-level simulator exports (containers in node VMs on hosts). The host (core/sim/cis/wasm-simulator.ts) calls
// `reserveCis`, writes inputs into the regions named by the returned header (abi.ts CH_*), calls `runCis` and
// reads totals, series and final placements. Seeded, no clock.
import { CIS_ERR_NOT_RESERVED } from './abi';
import { isReserved, reserve } from './arena';
import { run } from './engine';

export function reserveCis(hosts: i32, models: i32, types: i32, vms: i32, initialVms: i32, containers: i32,
  traceRows: i32, traceCols: i32, steps: i32): usize {
  return reserve(hosts, models, types, vms, initialVms, containers, traceRows, traceCols, steps);
}

export function runCis(): i32 {
  if (!isReserved()) return CIS_ERR_NOT_RESERVED;
  return run();
}
