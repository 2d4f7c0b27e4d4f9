// Reference for assembly/pack/host-order.ts: the order in which placement rules open hosts and break ties.
// Hosts are ranked by how much of this workload one host carries per unit of cost:
//   carry(h) = min over dimensions d with total demand T_d > 0 of max(0, capacity(h, d)) / T_d  (1 if no demand)
//   key(h)   = carry(h) / cost(h) (cost <= 0: +Infinity when carry > 0, else 0), descending; ties by index.
// A pool of identical hosts keeps its index order.
import type { PackArena } from '../kernel/packer';

export interface HostOrder {
  /** Hosts, first to open first. */
  readonly order: Int32Array;
  /** Position of each host in `order`. */
  readonly rank: Int32Array;
}

export function rankHosts(a: PackArena): HostOrder {
  const { hosts, items, dims } = a;
  const carry = new Float64Array(hosts).fill(Infinity);
  let anyDemand = false;
  for (let d = 0; d < dims; d++) {
    let total = 0;
    for (let i = 0; i < items; i++) total += Math.max(0, a.itemDemand[i * dims + d]);
    if (total <= 0) continue;
    anyDemand = true;
    for (let h = 0; h < hosts; h++) carry[h] = Math.min(carry[h], Math.max(0, a.hostCapacity[h * dims + d]) / total);
  }
  const key = new Float64Array(hosts);
  for (let h = 0; h < hosts; h++) {
    const c = anyDemand ? carry[h] : 1, cost = a.hostCost[h];
    key[h] = cost > 0 ? c / cost : c > 0 ? Infinity : 0;
  }
  const order = Int32Array.from({ length: hosts }, (_, h) => h).sort((x, y) => (key[y] > key[x] ? 1 : key[y] < key[x] ? -1 : x - y));
  const rank = new Int32Array(hosts);
  order.forEach((h, k) => { rank[h] = k; });
  return { order, rank };
}

/** Hosts in arena order, unranked (Packer.firstFitInOrder). */
export function givenOrder(hosts: number): HostOrder {
  const order = Int32Array.from({ length: hosts }, (_, h) => h);
  return { order, rank: order.slice() };
}
