// The Kubernetes-style scores over every host of the pool (k8s-least-allocated, k8s-most-allocated), found by branch
// and bound instead of construct.ts bestScoredHost's scan, which scores every host for every unit as kube-scheduler
// scores every feasible node. Both scores are the mean over dimensions of (residual − demand) / c (least allocated)
// or (c − residual + demand) / c (most allocated) after placing the unit (allocatedScore: the arithmetic of the scan
// and of this search), so a host's score sum is its own K = Σ residual / c, less or plus the unit's Σ demand / c, up
// to rounding.
//
// Layout: k8sTree [2P × (1 + 4D)] f64, a segment tree over the hosts in the host order (leaf P + k: the host of rank
// k, as first-fit.ts's tree, whose per-node largest residuals this search also reads); per node:
//   [0]             key: the largest K (least allocated) or −K (most allocated) of its hosts, −∞ for none
//   [1, D]          the least (least allocated) or largest (most allocated) 1 / c_d of its hosts
//   [D + 1, 2D]     the least capacity c_d of its hosts;  [2D + 1, 3D] the largest
//   [3D + 1, 4D]    the least residual of its hosts (kept with the key as units are placed)
// Two ways to skip a node, besides first-fit's tree saying no host below it fits:
//   - its bound: key ∓ Σ_d demand_d · [1 + d], plus D for most allocated, bounds the score sum of every host below
//     it to within rounding, which MARGIN covers (1e-9 of a sum at most D, against a few 2⁻⁵³ per term); skipped
//     where that is below the best score so far;
//   - ties: where every host below has the best host's residual and capacity (the node's least and largest of each
//     equal to it), each scores exactly the best score, and a node of higher ranks cannot win its tie. Spreading
//     (least allocated) leaves hundreds of hosts alike; without this each of them was scored for every unit.
// Hosts that are left are scored with allocatedScore, ties to the lower rank: the scan's choice.
// Applies when every capacity is positive and finite and every demand finite and not negative (the bound takes
// the least 1 / c for a demand that lowers the score, so a negative one would turn it round); else construct.ts scans.
import { ALG_K8S_LEAST } from '../abi';
import { dims, hosts, treeLeaves, k8sTree, tree, capacityAt, residualAt, demandOf } from '../arena';
import { nodeMayFit } from './first-fit';
import { hostAt } from './host-order';
import { fits } from './state';

const MARGIN: f64 = 1e-9;

let least = true;
let qUnit = 0;
let qChosen = -1; // rank of the best host so far
let qBest: f64 = 0;

@inline function at(node: i32, k: i32): usize {
  return k8sTree + ((<usize>node * <usize>(1 + 4 * dims) + <usize>k) << 3);
}
@inline function keyAt(node: i32): f64 { return load<f64>(at(node, 0)); }
@inline function invAt(node: i32, d: i32): f64 { return load<f64>(at(node, 1 + d)); }
@inline function capLoAt(node: i32, d: i32): f64 { return load<f64>(at(node, 1 + dims + d)); }
@inline function capHiAt(node: i32, d: i32): f64 { return load<f64>(at(node, 1 + 2 * dims + d)); }
@inline function resLoAt(node: i32, d: i32): f64 { return load<f64>(at(node, 1 + 3 * dims + d)); }
/** first-fit.ts's tree: the largest residual in d below the node. */
@inline function resHiAt(node: i32, d: i32): f64 { return load<f64>(tree + ((<usize>node * <usize>dims + <usize>d) << 3)); }

/** Every capacity positive and finite, every demand finite and not negative: the bound's argument holds. */
export function k8sIndexApplies(units: i32): bool {
  for (let h = 0; h < hosts; h++) for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (!(c > 0) || !isFinite(c)) return false;
  }
  for (let u = 0; u < units; u++) for (let d = 0; d < dims; d++) {
    const a = demandOf(u, d);
    if (!(a >= 0) || !isFinite(a)) return false;
  }
  return true;
}

/**
 * The score of host h for the unit under k8s-least-allocated (`least`) or k8s-most-allocated: the mean over
 * dimensions with capacity of the free (or allocated) share after placing it, higher is better.
 */
export function allocatedScore(least: bool, unit: i32, h: i32): f64 {
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (c <= 0) continue;
    const free = residualAt(h, d) - demandOf(unit, d);
    acc += least ? free / c : (c - free) / c;
  }
  return acc / <f64>dims;
}

@inline function keyOf(h: i32): f64 {
  let k: f64 = 0;
  for (let d = 0; d < dims; d++) k += residualAt(h, d) / capacityAt(h, d);
  return least ? k : -k;
}

/** A leaf from its host (rank k < hosts) or as padding (no host: −∞, and NaN fields the parents leave out). */
function setLeaf(k: i32): void {
  const leaf = treeLeaves + k;
  if (k >= hosts) {
    store<f64>(at(leaf, 0), -Infinity);
    for (let j = 1; j <= 4 * dims; j++) store<f64>(at(leaf, j), NaN);
    return;
  }
  const h = hostAt(k);
  store<f64>(at(leaf, 0), keyOf(h));
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    store<f64>(at(leaf, 1 + d), 1 / c);
    store<f64>(at(leaf, 1 + dims + d), c);
    store<f64>(at(leaf, 1 + 2 * dims + d), c);
    store<f64>(at(leaf, 1 + 3 * dims + d), residualAt(h, d));
  }
}

/** Field j of the node from its children's: the least or largest of those with a host below (NaN: none). */
@inline function pullField(node: i32, j: i32, takeLeast: bool): void {
  const a = load<f64>(at(node << 1, j)), b = load<f64>(at((node << 1) + 1, j));
  store<f64>(at(node, j), isNaN(a) ? b : isNaN(b) ? a : takeLeast ? min(a, b) : max(a, b));
}

/** The fields that change as units are placed: the key and the least residuals. */
@inline function pullLive(node: i32): void {
  store<f64>(at(node, 0), max(keyAt(node << 1), keyAt((node << 1) + 1)));
  for (let d = 0; d < dims; d++) pullField(node, 1 + 3 * dims + d, true);
}

/** Builds the tree for `rule` (ALG_K8S_LEAST or ALG_K8S_MOST) from the hosts' residuals now. */
export function buildK8sIndex(rule: i32): void {
  least = rule == ALG_K8S_LEAST;
  for (let k = 0; k < treeLeaves; k++) setLeaf(k);
  for (let node = treeLeaves - 1; node >= 1; node--) {
    pullLive(node);
    for (let d = 0; d < dims; d++) {
      pullField(node, 1 + d, least);
      pullField(node, 1 + dims + d, true);
      pullField(node, 1 + 2 * dims + d, false);
    }
  }
}

/** The host of rank k changed (a unit placed on it; first-fit.ts's tree already refreshed): its leaf and path. */
export function refreshK8sLeaf(k: i32): void {
  setLeaf(k);
  for (let node = (treeLeaves + k) >> 1; node >= 1; node >>= 1) pullLive(node);
}

/** Upper bound of the score sum of any host below `node` for the searched unit. */
@inline function bound(node: i32): f64 {
  let a: f64 = 0;
  for (let d = 0; d < dims; d++) a += demandOf(qUnit, d) * invAt(node, d);
  const key = keyAt(node);
  return (least ? key - a : <f64>dims + key + a) + MARGIN;
}

/** Every host below the node has the residual and the capacity of the best host so far (leaf P + qChosen). */
function alikeToBest(node: i32): bool {
  const best = treeLeaves + qChosen;
  for (let d = 0; d < dims; d++) {
    const r = resLoAt(best, d), c = capLoAt(best, d);
    if (resLoAt(node, d) != r || resHiAt(node, d) != r || capLoAt(node, d) != c || capHiAt(node, d) != c) return false;
  }
  return true;
}

/** Rank of the leftmost leaf below the node. */
@inline function firstRank(node: i32): i32 {
  let n = node;
  while (n < treeLeaves) n <<= 1;
  return n - treeLeaves;
}

function search(node: i32): void {
  if (keyAt(node) == -Infinity || !nodeMayFit(node, qUnit)) return;
  if (qChosen >= 0) {
    if (bound(node) / <f64>dims < qBest) return;
    if (firstRank(node) > qChosen && alikeToBest(node)) return;
  }
  if (node >= treeLeaves) {
    const k = node - treeLeaves, h = hostAt(k);
    if (!fits(qUnit, h)) return;
    const s = allocatedScore(least, qUnit, h);
    if (qChosen < 0 || s > qBest || (s == qBest && k < qChosen)) { qBest = s; qChosen = k; }
    return;
  }
  const l = node << 1, r = l + 1;
  // The side with the larger key first (the left on equal keys): it holds the best host more often, and a good
  // score early prunes more.
  if (keyAt(r) > keyAt(l)) { search(r); search(l); } else { search(l); search(r); }
}

/** The host bestScoredHost's scan over every host would choose for the unit (buildK8sIndex's rule), or -1. */
export function bestK8sHost(unit: i32): i32 {
  qUnit = unit;
  qChosen = -1;
  qBest = 0;
  search(1);
  return qChosen < 0 ? -1 : hostAt(qChosen);
}
