// k8s-balanced (Kubernetes' NodeResourcesBalancedAllocation: 1 − the standard deviation of a host's allocated shares
// after placing the unit, higher is better) by branch and bound over a k-d tree of the hosts, instead of
// construct.ts bestScoredHost's scan, which scores every host of the pool for every unit as kube-scheduler scores
// every feasible node. A host-order tree (k8s-index.ts) cannot bound this score: neighbours in the host order are
// not alike in the shape of what they hold, and a box of shares that wide bounds nothing.
//
// Why a nearest-neighbour search: with shares x_d = (c_d − r_d) / c_d (r the residual) and the unit's δ_d = u_d / c_d,
// the shares after placing are x + δ, and the score's variance sum is ‖P(x + δ)‖², P the projection that takes away
// the mean. For hosts of one capacity (a class) δ is the same, so the best host is the one whose point p = Hx is
// nearest to q = −Hδ, H the Helmert basis of the plane P projects on (helmert). Each class has its own tree, split
// at the median of its points' widest coordinate (Bentley 1975, "Multidimensional binary search trees used for
// associative searching", CACM 18(9); the bound is the box distance of Friedman, Bentley & Finkel 1977, ACM TOMS
// 3(3)).
//
// Exactly the scan's choice: hosts are scored only with k8sBalancedScore, the scan's arithmetic, ties to the lower
// rank. A node is skipped where
//   - no host below it has room: its largest residual is below the demand in some dimension;
//   - its bound: the squared distance from q to its box, less MARGIN of itself and of 1, gives a score below the best
//     so far, or equal to it with every rank below it higher. Shares lie in [0, 1] (the index applies only where
//     every residual is within its capacity, and placing keeps it so), so points, q and the score's sums are each
//     within a few 2⁻⁵³ of their real values, far below MARGIN;
//   - ties: every host below it has the best host's residual and capacity and a higher rank: each scores exactly
//     the best score and loses the tie (empty hosts of one model, the many alike hosts of a spreading fleet).
// A leaf's hosts are skipped by the same bound on their own points before they are checked and scored. Both tests
// first compare the squared distance with a threshold set with each new best (setBest), beyond which the bound is
// below the best for certain: no square root for most of them.
// The tree's topology is kept while units are placed; a placed host's point and the boxes on its path are refreshed
// (refreshBalancedHost), and a class's tree is rebuilt after a quarter of its hosts' worth of placements, so that its
// boxes stay tight as points move.
//
// Layout, from k8sTree (arena.ts balancedIndexSlots sizes that region for the larger of this and k8s-index.ts's use;
// one rule runs at a time):
//   nodes   [(2H + 2) × (4D + 3)] f64: per node its box's low and high corner [D] each, its hosts' least and largest
//           residual [D] each, then i32 start, end (its hosts: perm[start, end)), left, right (-1: a leaf), parent
//           (-1: a root), least rank of its hosts
//   points  [H × D] f64, each host's point p;  target [D] f64, q for the class searched
//   perm    [H] i32, the hosts, each class's contiguous and each node's contiguous within it;  leafOf, classOf [H] i32
//   classes [BALANCED_MAX_CLASSES × 8] i32, per class (C_* below)
// Applies where k8s-index.ts's k8sIndexApplies holds, every residual is within [0, capacity] and the pool has at most
// BALANCED_MAX_CLASSES capacities.
import { BALANCED_MAX_CLASSES, dims, hosts, k8sTree, capacityAt, residualAt, demandOf } from '../arena';
import { hostAt, rankOf } from './host-order';
import { fits } from './state';

const LEAF: i32 = 4;
const MARGIN: f64 = 1e-12;
// A class's record: root node, first position in perm, size, placements since its last build, its first host in
// rank order (whose capacity is the class's). Its node slots start at 2 · its first position (buildClass).
const C_ROOT = 0, C_START = 1, C_SIZE = 2, C_UPDATES = 3, C_HOST = 4, C_SLOTS = 8;
// A node's i32 fields, after its 4D f64.
const N_START = 0, N_END = 1, N_LEFT = 2, N_RIGHT = 3, N_PARENT = 4, N_RANK = 5;

let stride: usize = 0; // bytes per node
let nodes: usize = 0, points: usize = 0, target: usize = 0, perm: usize = 0, leafOf: usize = 0, classOf: usize = 0, classes: usize = 0;
let classCount = 0;

@inline function box(node: i32, k: i32): usize { return nodes + <usize>node * stride + (<usize>k << 3); }
@inline function lo(node: i32, d: i32): f64 { return load<f64>(box(node, d)); }
@inline function hi(node: i32, d: i32): f64 { return load<f64>(box(node, dims + d)); }
@inline function resLo(node: i32, d: i32): f64 { return load<f64>(box(node, 2 * dims + d)); }
@inline function resHi(node: i32, d: i32): f64 { return load<f64>(box(node, 3 * dims + d)); }
@inline function field(node: i32, k: i32): usize { return box(node, 4 * dims) + (<usize>k << 2); }
@inline function nodeI32(node: i32, k: i32): i32 { return load<i32>(field(node, k)); }
@inline function setNodeI32(node: i32, k: i32, v: i32): void { store<i32>(field(node, k), v); }
@inline function pointAt(h: i32, d: i32): f64 { return load<f64>(points + ((<usize>h * <usize>dims + <usize>d) << 3)); }
@inline function permAt(k: i32): i32 { return load<i32>(perm + (<usize>k << 2)); }
@inline function setPerm(k: i32, h: i32): void { store<i32>(perm + (<usize>k << 2), h); }
@inline function classField(c: i32, k: i32): usize { return classes + ((<usize>c * C_SLOTS + <usize>k) << 2); }

/**
 * The score of host h for the unit under k8s-balanced: 1 − the standard deviation over dimensions with capacity of
 * the allocated share (c − (residual − demand)) / c after placing it; 1 where no dimension has capacity.
 */
export function k8sBalancedScore(unit: i32, h: i32): f64 {
  let m = 0;
  let mean: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (c <= 0) continue;
    mean += (c - (residualAt(h, d) - demandOf(unit, d))) / c;
    m++;
  }
  if (m == 0) return 1;
  mean /= <f64>m;
  let variance: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (c <= 0) continue;
    const x = (c - (residualAt(h, d) - demandOf(unit, d))) / c - mean;
    variance += x * x;
  }
  return 1 - Math.sqrt(variance / <f64>m);
}

/**
 * Host h's point (unit < 0), or the unit's target −Hδ on a host of h's capacity, at `to`: the coordinates of the
 * share vector along the Helmert basis, row k = (1, …, 1, −(k + 1), 0, …) / √((k + 1)(k + 2)) with k + 1 ones.
 * It is orthonormal and orthogonal to (1, …, 1), so ‖Hx + Hδ‖² = ‖P(x + δ)‖², the score's variance sum, and a box
 * has no extent off the plane the points lie in. Coordinate D − 1 is 0.
 */
function helmert(to: usize, h: i32, unit: i32): void {
  let sum: f64 = 0;
  for (let d = 0; d + 1 < dims; d++) {
    sum += shareOf(h, d, unit);
    const k = <f64>(d + 1);
    const y = (sum - k * shareOf(h, d + 1, unit)) / Math.sqrt(k * (k + 1));
    store<f64>(to + (<usize>d << 3), unit < 0 ? y : -y);
  }
  store<f64>(to + (<usize>(dims - 1) << 3), 0);
}

/** Host h's allocated share in d (unit < 0), or the unit's demand as a share of h's capacity. */
@inline function shareOf(h: i32, d: i32, unit: i32): f64 {
  const c = capacityAt(h, d);
  return unit < 0 ? (c - residualAt(h, d)) / c : demandOf(unit, d) / c;
}

@inline function setPoint(h: i32): void {
  helmert(points + ((<usize>h * <usize>dims) << 3), h, -1);
}

@inline function sameCapacity(a: i32, b: i32): bool {
  for (let d = 0; d < dims; d++) if (capacityAt(a, d) != capacityAt(b, d)) return false;
  return true;
}

// ── Build ──────────────────────────────────────────────────────────────────────────────────────────────

/** A leaf's box from its hosts. */
function leafBox(node: i32): void {
  const start = nodeI32(node, N_START), end = nodeI32(node, N_END);
  let rank = 0x7fffffff;
  for (let d = 0; d < dims; d++) {
    let l = Infinity, u = -Infinity, rl = Infinity, ru = -Infinity;
    for (let k = start; k < end; k++) {
      const h = permAt(k), p = pointAt(h, d), r = residualAt(h, d);
      l = min(l, p); u = max(u, p); rl = min(rl, r); ru = max(ru, r);
    }
    store<f64>(box(node, d), l); store<f64>(box(node, dims + d), u);
    store<f64>(box(node, 2 * dims + d), rl); store<f64>(box(node, 3 * dims + d), ru);
  }
  for (let k = start; k < end; k++) rank = min(rank, rankOf(permAt(k)));
  setNodeI32(node, N_RANK, rank);
}

/** An inner node's box from its children's. */
function pullBox(node: i32): void {
  const a = nodeI32(node, N_LEFT), b = nodeI32(node, N_RIGHT);
  for (let d = 0; d < dims; d++) {
    store<f64>(box(node, d), min(lo(a, d), lo(b, d)));
    store<f64>(box(node, dims + d), max(hi(a, d), hi(b, d)));
    store<f64>(box(node, 2 * dims + d), min(resLo(a, d), resLo(b, d)));
    store<f64>(box(node, 3 * dims + d), max(resHi(a, d), resHi(b, d)));
  }
  setNodeI32(node, N_RANK, min(nodeI32(a, N_RANK), nodeI32(b, N_RANK)));
}

/** Host a before host b by (coordinate d, rank); d = -1: by rank alone. */
@inline function before(a: i32, b: i32, d: i32): bool {
  if (d >= 0) {
    const pa = pointAt(a, d), pb = pointAt(b, d);
    if (pa != pb) return pa < pb;
  }
  return rankOf(a) < rankOf(b);
}

/** perm[start, end) rearranged so that position k holds the host of that place in (coordinate d, rank) order, those
 * before it on its left and those after on its right (Hoare's selection, CACM 4(7) 1961, Algorithm 65 FIND). */
function select(start: i32, end: i32, k: i32, d: i32): void {
  let l = start, r = end - 1;
  while (l < r) {
    const pivot = permAt(l + ((r - l) >> 1));
    let i = l, j = r;
    while (i <= j) {
      while (before(permAt(i), pivot, d)) i++;
      while (before(pivot, permAt(j), d)) j--;
      if (i <= j) { const t = permAt(i); setPerm(i, permAt(j)); setPerm(j, t); i++; j--; }
    }
    if (k <= j) r = j; else if (k >= i) l = i; else return;
  }
}

let nextNode = 0;

function build(start: i32, end: i32, parent: i32): i32 {
  const node = nextNode++;
  setNodeI32(node, N_START, start); setNodeI32(node, N_END, end); setNodeI32(node, N_PARENT, parent);
  if (end - start <= LEAF) {
    setNodeI32(node, N_LEFT, -1); setNodeI32(node, N_RIGHT, -1);
    for (let k = start; k < end; k++) store<i32>(leafOf + (<usize>permAt(k) << 2), node);
    leafBox(node);
    return node;
  }
  // Split on the widest coordinate of the points (by rank where they all coincide, as empty hosts do).
  let split = -1, widest: f64 = 0;
  for (let d = 0; d < dims; d++) {
    let l = Infinity, u = -Infinity;
    for (let k = start; k < end; k++) { const p = pointAt(permAt(k), d); l = min(l, p); u = max(u, p); }
    if (u - l > widest) { widest = u - l; split = d; }
  }
  const mid = start + ((end - start) >> 1);
  select(start, end, mid, split);
  const a = build(start, mid, node), b = build(mid, end, node);
  setNodeI32(node, N_LEFT, a); setNodeI32(node, N_RIGHT, b);
  pullBox(node);
  return node;
}

function buildClass(c: i32): void {
  const start = load<i32>(classField(c, C_START)), size = load<i32>(classField(c, C_SIZE));
  nextNode = 2 * start; // a tree over n hosts has fewer than 2n nodes, so each class's node slots start at 2 · its start
  store<i32>(classField(c, C_ROOT), build(start, start + size, -1));
  store<i32>(classField(c, C_UPDATES), 0);
}

/**
 * Builds the index from the hosts' residuals now; false (the scan is used) where a residual is outside [0, capacity]
 * or the pool has more than BALANCED_MAX_CLASSES capacities. Call only where k8sIndexApplies (every capacity positive
 * and finite, every demand finite and ≥ 0).
 */
export function buildBalancedIndex(): bool {
  stride = <usize>(4 * dims + 3) << 3;
  nodes = k8sTree;
  points = nodes + (2 * <usize>hosts + 2) * stride;
  target = points + <usize>hosts * <usize>dims * 8;
  perm = target + (<usize>dims << 3);
  leafOf = perm + (<usize>hosts << 2);
  classOf = leafOf + (<usize>hosts << 2);
  classes = classOf + (<usize>hosts << 2);
  // Classes in order of their first host in rank order; each host's class by its capacity.
  classCount = 0;
  for (let k = 0; k < hosts; k++) {
    const h = hostAt(k);
    for (let d = 0; d < dims; d++) if (!(residualAt(h, d) >= 0 && residualAt(h, d) <= capacityAt(h, d))) return false;
    let c = 0;
    while (c < classCount && !sameCapacity(h, load<i32>(classField(c, C_HOST)))) c++;
    if (c == classCount) {
      if (classCount == BALANCED_MAX_CLASSES) return false;
      store<i32>(classField(c, C_HOST), h);
      store<i32>(classField(c, C_SIZE), 0);
      classCount++;
    }
    store<i32>(classOf + (<usize>h << 2), c);
    store<i32>(classField(c, C_SIZE), load<i32>(classField(c, C_SIZE)) + 1);
  }
  let at = 0;
  for (let c = 0; c < classCount; c++) {
    store<i32>(classField(c, C_START), at);
    at += load<i32>(classField(c, C_SIZE));
  }
  // perm: each class's hosts in rank order (C_ROOT counts them in as they are placed).
  for (let c = 0; c < classCount; c++) store<i32>(classField(c, C_ROOT), 0);
  for (let k = 0; k < hosts; k++) {
    const h = hostAt(k), c = load<i32>(classOf + (<usize>h << 2));
    const filled = load<i32>(classField(c, C_ROOT));
    setPerm(load<i32>(classField(c, C_START)) + filled, h);
    store<i32>(classField(c, C_ROOT), filled + 1);
    setPoint(h);
  }
  for (let c = 0; c < classCount; c++) buildClass(c);
  return true;
}

/** A unit was placed on host h: its point, its leaf's box and the boxes above it; its class rebuilt now and then. */
export function refreshBalancedHost(h: i32): void {
  setPoint(h);
  const c = load<i32>(classOf + (<usize>h << 2));
  const updates = load<i32>(classField(c, C_UPDATES)) + 1, size = load<i32>(classField(c, C_SIZE));
  if (updates >= max(4 * LEAF, size >> 2)) { buildClass(c); return; }
  store<i32>(classField(c, C_UPDATES), updates);
  let node = load<i32>(leafOf + (<usize>h << 2));
  leafBox(node);
  for (node = nodeI32(node, N_PARENT); node >= 0; node = nodeI32(node, N_PARENT)) pullBox(node);
}

// ── Search ─────────────────────────────────────────────────────────────────────────────────────────────

let qUnit = 0;
let qChosen = -1; // the best host so far
let qRank = 0x7fffffff;
let qBest: f64 = 0;
let qFar: f64 = Infinity; // squared distance beyond which scoreBound is below qBest for certain (setBest)
let qClass = 0;

/** Squared distance from q to the node's box. */
@inline function distance(node: i32): f64 {
  let s: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const q = load<f64>(target + (<usize>d << 3));
    const l = lo(node, d), u = hi(node, d);
    const g = q < l ? l - q : q > u ? q - u : 0;
    s += g * g;
  }
  return s;
}

/** Squared distance from q to host h's point. */
@inline function pointDistance(h: i32): f64 {
  let s: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const g = pointAt(h, d) - load<f64>(target + (<usize>d << 3));
    s += g * g;
  }
  return s;
}

/** The highest score a host whose point is at squared distance at least `dist` from q may have (MARGIN: see the top). */
@inline function scoreBound(dist: f64): f64 {
  return 1 - Math.sqrt(max(0, dist - MARGIN * (1 + dist)) / <f64>dims);
}

/**
 * A new best host. qFar: where dist > qFar, v = dist − MARGIN·(1 + dist) exceeds D·((1 − best) + 10⁻¹⁵)² by more
 * than the roundings of v / D and its square root, so 1 − √(v / D) rounds below the best: the node (or host) is
 * skipped without the square root, as scoreBound would skip it.
 */
function setBest(s: f64, h: i32, r: i32): void {
  qBest = s; qChosen = h; qRank = r;
  const gap = 1 - s + 1e-15;
  qFar = <f64>dims * gap * gap * (1 + 1e-9) + 1e-11;
}

/** Every host below the node has the best host's residual (the node is in the best host's class, so its capacity). */
function alikeToBest(node: i32): bool {
  for (let d = 0; d < dims; d++) {
    const r = residualAt(qChosen, d);
    if (resLo(node, d) != r || resHi(node, d) != r) return false;
  }
  return true;
}

function search(node: i32, dist: f64): void {
  for (let d = 0; d < dims; d++) if (resHi(node, d) < demandOf(qUnit, d)) return;
  if (qChosen >= 0) {
    if (dist > qFar) return;
    const bound = scoreBound(dist);
    const rank = nodeI32(node, N_RANK);
    if (bound < qBest || (bound == qBest && rank > qRank)) return;
    if (rank > qRank && load<i32>(classOf + (<usize>qChosen << 2)) == qClass && alikeToBest(node)) return;
  }
  const a = nodeI32(node, N_LEFT);
  if (a < 0) {
    const end = nodeI32(node, N_END);
    for (let k = nodeI32(node, N_START); k < end; k++) {
      const h = permAt(k);
      if (qChosen >= 0) {
        const p = pointDistance(h);
        if (p > qFar) continue;
        const b = scoreBound(p);
        if (b < qBest || (b == qBest && rankOf(h) > qRank)) continue;
      }
      if (!fits(qUnit, h)) continue;
      const s = k8sBalancedScore(qUnit, h), r = rankOf(h);
      if (qChosen < 0 || s > qBest || (s == qBest && r < qRank)) setBest(s, h, r);
    }
    return;
  }
  const b = nodeI32(node, N_RIGHT);
  const da = distance(a), db = distance(b);
  // The nearer side first (the lower ranks on equal distances): a good score early prunes more.
  if (db < da || (db == da && nodeI32(b, N_RANK) < nodeI32(a, N_RANK))) { search(b, db); search(a, da); } else { search(a, da); search(b, db); }
}

/** The host bestScoredHost's scan over every host would choose for the unit under k8s-balanced, or -1. */
export function bestBalancedHost(unit: i32): i32 {
  qUnit = unit;
  qChosen = -1;
  qRank = 0x7fffffff;
  qBest = 0;
  qFar = Infinity;
  for (let c = 0; c < classCount; c++) {
    qClass = c;
    helmert(target, load<i32>(classField(c, C_HOST)), unit);
    const root = load<i32>(classField(c, C_ROOT));
    search(root, distance(root));
  }
  return qChosen;
}
