// Writes the public outputs from the best complete solution found so far (the live host state may be in the
// middle of an improvement round): itemHost, itemReason, hostResidual, hostItems, itemOrder and stats. The per-item
// and per-host outputs only where the best solution changed since they were last written: the host asks for an
// outcome after every chunk of improvement iterations (~10 ms, core/pack/solve.ts), and rewriting them all each time
// took a sixth of the second on 10^5 items.
import {
  STAT_HOSTS_USED, STAT_COST, STAT_CONSTRUCTIVE_HOSTS, STAT_START_RULE, STAT_CONSTRUCTIVE_COST, STAT_ITERATIONS, STAT_IMPROVEMENTS,
  STAT_DONE, STAT_UNPLACED, STAT_MOVE_CHECKS, STAT_REFILL_NODES,
} from '../abi';
import {
  hosts, items, dims, hostResidual, hostItems, itemHost, itemReason, itemOrder, unitOfItem, unitFirst, itemNext,
  unitSlots, unitReason, decided, best, stats, i32At, setI32, setF64, f64Row, setF64Row, capacityAt, demandOf,
} from '../arena';
import { bestCost, bestHosts, done, improvements, iterations, moveChecks, refillNodes, takeBestChanged } from './improve';

export let constructiveHosts = 0;
export let constructiveCost: f64 = 0;

let unplaced = 0;

export function writeOutcome(units: i32): void {
  if (takeBestChanged()) writeSolution(units);
  setF64(stats, STAT_HOSTS_USED, <f64>bestHosts);
  setF64(stats, STAT_COST, bestCost);
  setF64(stats, STAT_CONSTRUCTIVE_HOSTS, <f64>constructiveHosts);
  setF64(stats, STAT_CONSTRUCTIVE_COST, constructiveCost);
  setF64(stats, STAT_ITERATIONS, <f64>iterations);
  setF64(stats, STAT_IMPROVEMENTS, <f64>improvements);
  setF64(stats, STAT_MOVE_CHECKS, moveChecks);
  setF64(stats, STAT_REFILL_NODES, refillNodes);
  setF64(stats, STAT_DONE, done ? 1 : 0);
  setF64(stats, STAT_UNPLACED, <f64>unplaced);
}

function writeSolution(units: i32): void {
  unplaced = 0;
  for (let i = 0; i < items; i++) {
    const u = i32At(unitOfItem, i);
    const h = i32At(best, u);
    setI32(itemHost, i, h);
    setI32(itemReason, i, h >= 0 ? 0 : i32At(unitReason, u));
    if (h < 0) unplaced++;
  }
  for (let h = 0; h < hosts; h++) {
    for (let d = 0; d < dims; d++) setF64Row(hostResidual, h, d, capacityAt(h, d));
    setI32(hostItems, h, 0);
  }
  for (let u = 0; u < units; u++) {
    const h = i32At(best, u);
    if (h < 0) continue;
    for (let d = 0; d < dims; d++) setF64Row(hostResidual, h, d, f64Row(hostResidual, h, d) - demandOf(u, d));
    setI32(hostItems, h, i32At(hostItems, h) + i32At(unitSlots, u));
  }
  let k = 0;
  for (let j = 0; j < units; j++) {
    for (let i = i32At(unitFirst, i32At(decided, j)); i >= 0; i = i32At(itemNext, i)) setI32(itemOrder, k++, i);
  }
}

export function recordConstructive(hostsUsed: i32, cost: f64, rule: i32): void {
  constructiveHosts = hostsUsed;
  constructiveCost = cost;
  setF64(stats, STAT_START_RULE, <f64>rule);
}
