// The order in which placement rules open hosts and break ties between them (core/reference/host-order.ts is
// the reference). A pool's file order says nothing about which hosts serve the objective: in a mixed pool,
// First Fit in file order fills a small model where a large one would carry more. So hosts are ranked by how
// much of this workload one host carries per unit of cost:
//   carry(h) = min over dimensions d with total demand T_d > 0 of capacity(h, d) / T_d
//   (the share of the whole workload the host could hold in its tightest dimension, a fluid estimate)
//   rank by carry(h) / cost(h), descending; ties (identical hosts) by index.
// With every host cost 1 (objective "hosts") the largest hosts for this workload come first; with prices
// (objective "cost") the cheapest capacity does. A pool of identical hosts keeps its index order.
// One host model rarely serves a whole workload best: where the workload asks for more memory per core than the
// top-ranked model offers, a few memory-heavy hosts beside it need fewer hosts in all than that model alone (the
// volume LP over host models mixes them). So the ranked order is then re-cut (mixFirst): a greedy fluid mix of
// host models comes first — host after host, the model carrying the largest share of the demand still left
// (carry against what is left, per cost), its capacity taken off what is left, until every dimension's demand is
// covered — each model's share of the mix in ranked order, then every other host in ranked order. Rules open
// hosts in this order, so a plan fills the mix before it opens more of any one model.
import { HOST_ORDER_GIVEN, HOST_ORDER_MIX, STAT_HOST_MIX } from '../abi';
import { BY_F64_DESC, sortIndices, useSortKeys } from '../order';
import { hosts, items, dims, hostCapacity, hostCost, itemDemand, fills, hostOrder, hostRank, sortA, stats, i32At, setI32, f64At, setF64, f64Row } from '../arena';

/** How rankHosts orders hosts (HOST_ORDER_*): the plan may ask for the ranked order alone to compare with the mix, and
 * failure headroom for the arena's order, which is its policy. */
let mode = HOST_ORDER_MIX;
export function setHostOrderMode(m: i32): void { mode = m; }

/** Fills hostOrder (rank → host) and hostRank (host → rank). Uses `fills` as scratch for the keys. */
export function rankHosts(): void {
  let same = true;
  for (let h = 1; h < hosts && same; h++) {
    if (f64At(hostCost, h) != f64At(hostCost, 0)) same = false;
    for (let d = 0; d < dims && same; d++) if (f64Row(hostCapacity, h, d) != f64Row(hostCapacity, 0, d)) same = false;
  }
  for (let h = 0; h < hosts; h++) setI32(hostOrder, h, h);
  setF64(stats, STAT_HOST_MIX, 0);
  if (!same && mode != HOST_ORDER_GIVEN) {
    // fills[h] = carry(h): +Infinity until a dimension with demand is seen (1 when no dimension has any).
    let anyDemand = false;
    for (let h = 0; h < hosts; h++) setF64(fills, h, Infinity);
    for (let d = 0; d < dims; d++) {
      let total: f64 = 0;
      for (let i = 0; i < items; i++) total += max<f64>(0, f64Row(itemDemand, i, d));
      if (d < MIX_DIMS) store<f64>(mixDemand + (<usize>d << 3), total); // mixFirst starts from these totals
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
    if (anyDemand && mode == HOST_ORDER_MIX && mixFirst()) setF64(stats, STAT_HOST_MIX, 1);
  }
  for (let k = 0; k < hosts; k++) setI32(hostRank, i32At(hostOrder, k), k);
}

// mixFirst's scratch: host models (distinct capacity and cost) seen in ranked order, at most MIX_MODELS of them (a
// pool of more keeps its ranked order), and the demand not yet covered per dimension (at most MIX_DIMS).
const MIX_MODELS: i32 = 16;
const MIX_DIMS: i32 = 16;
const mixRep = memory.data(MIX_MODELS * 4); //    i32 a host of each model
const mixLeft = memory.data(MIX_MODELS * 4); //   i32 its hosts not in the mix
const mixQuota = memory.data(MIX_MODELS * 4); //  i32 its hosts in the mix
const mixDemand = memory.data(MIX_DIMS * 8); //   f64 demand not yet covered (rankHosts writes the totals)

/** The model (index into mixRep) of host h among the first `models`, or −1. */
function modelOf(h: i32, models: i32): i32 {
  for (let c = 0; c < models; c++) {
    const r = load<i32>(mixRep + (<usize>c << 2));
    if (f64At(hostCost, h) != f64At(hostCost, r)) continue;
    let same = true;
    for (let d = 0; d < dims && same; d++) if (f64Row(hostCapacity, h, d) != f64Row(hostCapacity, r, d)) same = false;
    if (same) return c;
  }
  return -1;
}

/** Re-cuts the ranked order in hostOrder: the greedy mix first (see the top of this file). Whether that changed it. */
function mixFirst(): bool {
  if (dims > MIX_DIMS) return false;
  let models = 0;
  for (let k = 0; k < hosts; k++) {
    const h = i32At(hostOrder, k);
    const c = modelOf(h, models);
    if (c >= 0) { store<i32>(mixLeft + (<usize>c << 2), load<i32>(mixLeft + (<usize>c << 2)) + 1); continue; }
    if (models == MIX_MODELS) return false;
    store<i32>(mixRep + (<usize>models << 2), h); store<i32>(mixLeft + (<usize>models << 2), 1); store<i32>(mixQuota + (<usize>models << 2), 0);
    models++;
  }
  if (models < 2) return false;
  for (;;) {
    let best = -1, bestScore: f64 = 0, open = false;
    for (let c = 0; c < models; c++) {
      if (load<i32>(mixLeft + (<usize>c << 2)) == 0) continue;
      const r = load<i32>(mixRep + (<usize>c << 2));
      let carry: f64 = Infinity;
      for (let d = 0; d < dims; d++) {
        const left = load<f64>(mixDemand + (<usize>d << 3));
        if (left > 0) { open = true; carry = min<f64>(carry, max<f64>(0, f64Row(hostCapacity, r, d)) / left); }
      }
      const cost = f64At(hostCost, r);
      const score: f64 = cost > 0 ? carry / cost : carry > 0 ? Infinity : 0;
      if (score > bestScore) { bestScore = score; best = c; }
    }
    if (!open || best < 0) break;
    store<i32>(mixLeft + (<usize>best << 2), load<i32>(mixLeft + (<usize>best << 2)) - 1);
    store<i32>(mixQuota + (<usize>best << 2), load<i32>(mixQuota + (<usize>best << 2)) + 1);
    const r = load<i32>(mixRep + (<usize>best << 2));
    for (let d = 0; d < dims; d++) store<f64>(mixDemand + (<usize>d << 3), load<f64>(mixDemand + (<usize>d << 3)) - max<f64>(0, f64Row(hostCapacity, r, d)));
  }
  // The mix's hosts of each model in ranked order, then the rest in ranked order (sortA is free between sorts).
  let front = 0, back = 0, changed = false;
  for (let k = 0; k < hosts; k++) {
    const h = i32At(hostOrder, k);
    const c = modelOf(h, models);
    const q = load<i32>(mixQuota + (<usize>c << 2));
    if (q > 0) { store<i32>(mixQuota + (<usize>c << 2), q - 1); changed = changed || front != k; setI32(hostOrder, front++, h); }
    else setI32(sortA, back++, h);
  }
  for (let k = 0; k < back; k++) setI32(hostOrder, front + k, i32At(sortA, k));
  return changed;
}

@inline export function hostAt(rank: i32): i32 {
  return i32At(hostOrder, rank);
}

@inline export function rankOf(h: i32): i32 {
  return i32At(hostRank, h);
}
