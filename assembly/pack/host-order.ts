// The order in which placement rules open hosts and break ties between them (core/reference/host-order.ts is
// the reference). A pool's file order says nothing about which hosts serve the objective: in a mixed pool,
// First Fit in file order fills a small model where a large one would carry more. So hosts are ranked by how
// much of this workload one host carries per unit of cost:
//   carry(h) = min over dimensions d with total demand T_d > 0 of capacity(h, d) / T_d
//   (the share of the whole workload the host could hold in its tightest dimension, a fluid estimate)
//   rank by carry(h) / cost(h), descending; ties (identical hosts) by index.
// With every host cost 1 (objective "hosts") the largest hosts for this workload come first; with prices
// (objective "cost") the cheapest capacity does. A pool of identical hosts keeps its index order.
import { BY_F64_DESC, sortIndices, useSortKeys } from '../order';
import { hosts, items, dims, hostCapacity, hostCost, itemDemand, fills, hostOrder, hostRank, i32At, setI32, f64At, setF64, f64Row } from '../arena';

/** Hosts taken in arena order, unranked (runFirstFitInOrder sets it for one pack: its caller's order is the policy). */
let givenHostOrder = false;
export function setGivenHostOrder(given: bool): void { givenHostOrder = given; }

/** Fills hostOrder (rank → host) and hostRank (host → rank). Uses `fills` as scratch for the keys. */
export function rankHosts(): void {
  let same = true;
  for (let h = 1; h < hosts && same; h++) {
    if (f64At(hostCost, h) != f64At(hostCost, 0)) same = false;
    for (let d = 0; d < dims && same; d++) if (f64Row(hostCapacity, h, d) != f64Row(hostCapacity, 0, d)) same = false;
  }
  for (let h = 0; h < hosts; h++) setI32(hostOrder, h, h);
  if (!same && !givenHostOrder) {
    // fills[h] = carry(h): +Infinity until a dimension with demand is seen (1 when no dimension has any).
    let anyDemand = false;
    for (let h = 0; h < hosts; h++) setF64(fills, h, Infinity);
    for (let d = 0; d < dims; d++) {
      let total: f64 = 0;
      for (let i = 0; i < items; i++) total += max<f64>(0, f64Row(itemDemand, i, d));
      if (total <= 0) continue;
      anyDemand = true;
      for (let h = 0; h < hosts; h++) setF64(fills, h, min<f64>(f64At(fills, h), max<f64>(0, f64Row(hostCapacity, h, d)) / total));
    }
    for (let h = 0; h < hosts; h++) {
      const carry: f64 = anyDemand ? f64At(fills, h) : 1;
      const cost = f64At(hostCost, h);
      setF64(fills, h, cost > 0 ? carry / cost : carry > 0 ? Infinity : 0);
    }
    useSortKeys(fills);
    sortIndices(hostOrder, hosts, BY_F64_DESC);
  }
  for (let k = 0; k < hosts; k++) setI32(hostRank, i32At(hostOrder, k), k);
}

@inline export function hostAt(rank: i32): i32 {
  return i32At(hostOrder, rank);
}

@inline export function rankOf(h: i32): i32 {
  return i32At(hostRank, h);
}
