// Reference for assembly/pack/host-order.ts: the order in which placement rules open hosts and break ties.
// Hosts are ranked by how much of this workload one host carries per unit of cost:
//   carry(h) = min over dimensions d with total demand T_d > 0 of max(0, capacity(h, d)) / T_d  (1 if no demand)
//   key(h)   = carry(h) / cost(h) (cost <= 0: +Infinity when carry > 0, else 0), descending; ties by index.
// A pool of identical hosts keeps its index order.
// With hosts of more than one model, the ranked order is then re-cut (mixFirst, assembly/pack/host-order.ts says
// why): a greedy fluid mix of host models first — host after host, the model with the largest
//   carry(m) = min over d with demand left L_d > 0 of max(0, capacity(m, d)) / L_d, per cost as above
// (the first model in ranked order among equal ones), its capacity taken off L, until no dimension has demand left —
// each model's share in ranked order, then every other host in ranked order. Pools of more than MIX_MODELS models
// keep their ranked order.
import type { HostOrderPolicy, PackArena } from '../kernel/packer';

export interface HostOrder {
  /** Hosts, first to open first. */
  readonly order: Int32Array;
  /** Position of each host in `order`. */
  readonly rank: Int32Array;
  /** mixFirst changed the ranked order. */
  readonly mixed: boolean;
}

/** The order for PackOptions.hostOrder: 'mix' (the ranked order re-cut by mixFirst), 'ranked', or 'given' (arena order). */
export function rankHosts(a: PackArena, policy: HostOrderPolicy = 'mix'): HostOrder {
  if (policy === 'given') return givenOrder(a.hosts);
  const { hosts, items, dims } = a;
  const carry = new Float64Array(hosts).fill(Infinity);
  let anyDemand = false;
  const totals = new Array<number>(dims).fill(0);
  for (let d = 0; d < dims; d++) {
    let total = 0;
    for (let i = 0; i < items; i++) total += Math.max(0, a.itemDemand[i * dims + d]);
    totals[d] = total;
    if (total <= 0) continue;
    anyDemand = true;
    for (let h = 0; h < hosts; h++) carry[h] = Math.min(carry[h], Math.max(0, a.hostCapacity[h * dims + d]) / total);
  }
  const key = new Float64Array(hosts);
  for (let h = 0; h < hosts; h++) {
    const c = anyDemand ? carry[h] : 1, cost = a.hostCost[h];
    key[h] = cost > 0 ? c / cost : c > 0 ? Infinity : 0;
  }
  const ranked = Int32Array.from({ length: hosts }, (_, h) => h).sort((x, y) => (key[y] > key[x] ? 1 : key[y] < key[x] ? -1 : x - y));
  const order = policy === 'mix' && anyDemand && !identical(a) ? mixFirst(a, ranked, totals) : ranked;
  const rank = new Int32Array(hosts);
  order.forEach((h, k) => { rank[h] = k; });
  return { order, rank, mixed: order.some((h, k) => h !== ranked[k]) };
}

/** Host models a pool may have for mixFirst; more keep the ranked order. */
const MIX_MODELS = 16;
/** Dimensions mixFirst handles; more keep the ranked order. */
const MIX_DIMS = 16;

/** Every host has the same capacities and cost (then the kernel keeps index order without ranking). */
function identical(a: PackArena): boolean {
  for (let h = 1; h < a.hosts; h++) {
    if (a.hostCost[h] !== a.hostCost[0]) return false;
    for (let d = 0; d < a.dims; d++) if (a.hostCapacity[h * a.dims + d] !== a.hostCapacity[d]) return false;
  }
  return true;
}

/** The ranked order with the mix first; `totals`: the demand per dimension (rankHosts's sums). */
function mixFirst(a: PackArena, ranked: Int32Array, totals: readonly number[]): Int32Array {
  const { hosts, dims } = a;
  if (dims > MIX_DIMS) return ranked;
  const cap = (h: number, d: number) => a.hostCapacity[h * dims + d];
  const sameModel = (h: number, r: number) => a.hostCost[h] === a.hostCost[r] && Array.from({ length: dims }, (_, d) => d).every((d) => cap(h, d) === cap(r, d));
  const reps: number[] = [];
  const left: number[] = [];
  const modelOf = new Int32Array(hosts);
  for (const h of ranked) {
    const m = reps.findIndex((r) => sameModel(h, r));
    if (m >= 0) { left[m]++; modelOf[h] = m; continue; }
    if (reps.length === MIX_MODELS) return ranked;
    modelOf[h] = reps.length;
    reps.push(h); left.push(1);
  }
  if (reps.length < 2) return ranked;
  const demand = totals.slice(); // what is left
  const quota = reps.map(() => 0);
  for (;;) {
    let best = -1, bestScore = 0, open = false;
    reps.forEach((r, m) => {
      if (left[m] === 0) return;
      let carry = Infinity;
      for (let d = 0; d < dims; d++) {
        if (demand[d] > 0) { open = true; carry = Math.min(carry, Math.max(0, cap(r, d)) / demand[d]); }
      }
      const cost = a.hostCost[r];
      const score = cost > 0 ? carry / cost : carry > 0 ? Infinity : 0;
      if (score > bestScore) { bestScore = score; best = m; }
    });
    if (!open || best < 0) break;
    left[best]--; quota[best]++;
    for (let d = 0; d < dims; d++) demand[d] -= Math.max(0, cap(reps[best], d));
  }
  const front: number[] = [], back: number[] = [];
  for (const h of ranked) {
    if (quota[modelOf[h]] > 0) { quota[modelOf[h]]--; front.push(h); } else back.push(h);
  }
  return Int32Array.from([...front, ...back]);
}

/** Hosts in arena order, unranked (PackOptions.hostOrder 'given'). */
export function givenOrder(hosts: number): HostOrder {
  const order = Int32Array.from({ length: hosts }, (_, h) => h);
  return { order, rank: order.slice(), mixed: false };
}
