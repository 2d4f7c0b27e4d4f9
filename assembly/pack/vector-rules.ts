// The bin-centric vector rules, dot product and L2 norm (Panigrahy, Talwar, Uyeda & Wieder, "Heuristics for
// Vector Bin Packing", Microsoft Research 2011; as bin-centric heuristics with heterogeneous bins in Gabay &
// Zaourar, "Vector bin packing with heterogeneous bins: application to the machine reassignment problem", Annals
// of Operations Research 242, 2016): hosts are filled one by one in the host order, each with the unit that fits
// and scores best (dot product of normalised demand and residual, or smallest L2 norm of the normalised residual
// left after placing), ties to the unit earliest in the order. core/reference/vector-rules.ts is the reference;
// binCentricScan in core/reference/construct.ts is the plain scan both must equal.
//
// Scanning every remaining unit for every placement costs N per placement. Instead:
//   - Units of one class (units.ts sameClass: single items with equal demand, labels, tenant, isolation and spread
//     group) pass the same rules and score the same on every host, so each class is scored once, through its
//     earliest remaining unit in the order; the winner is the best score, ties to the earliest such unit, which is
//     exactly the scan's choice. Each class lists its units in order with a cursor to its first remaining one.
//   - Classes sit in a k-d tree (leaves of VECTOR_BUCKET classes, split at the median of the widest normalised
//     dimension, ties by class number); each node keeps, over its live classes, the box of demands, the earliest
//     remaining unit's position and the fewest item slots. A branch-and-bound search skips a node when no live
//     class in it can fit (a box corner above the residual, or too many slots) or when an upper bound of the score
//     of any class in the box that fits is below the best found (or equal, with no earlier unit). The bound is the
//     score's own arithmetic on the box corners clipped to the residual: each term is monotone in the demand and
//     rounding is monotone, so it bounds the computed score of every such class, not just the exact one. The
//     high corners are kept divided by the searched host's capacity (redone when the capacity changes), since a
//     min of quotients is the quotient of the min, so that a node's bound needs no division (the L2 term's
//     difference of quotients is lowered by a margin above its rounding); a node's low corner and that high
//     corner sit side by side (vcBox), what the search reads of a node.
//   - For the dot product in at most VECTOR_SUBSET_DIMS dimensions (demands non-negative), each node also keeps, for
//     every subset of the dimensions, the largest sum of demand / norm over its live classes (vcSub). A search's
//     weights, sorted, are a sum of nested subsets' indicators, so the weighted subset sums bound every class's score
//     even where different classes reach them, and each subset's sum is also capped by the box corner clipped to the
//     residual (subsetBound): never looser than the box bound, and much tighter where the box's corners come from
//     different classes (3.7 → 1.4 s at 10^5 different 4-D items). For L2 the same sums gave no gain, so it keeps the
//     box bound. The reference keeps the box bound alone.
// The tree's shape and its bounds change only the speed, never the answer. Non-finite capacities or demands take the scan.
import { ALG_DOT_PRODUCT, VECTOR_BUCKET, VECTOR_SUBSET_DIMS } from '../abi';
import {
  hosts, dims, norm, unitOrder, unitConflict, unitClass, unitSlots, hostCount, hostMaxItems,
  vcBox, vcHi, vcDemand, vcCap, vcShare, vcSub, vcSlot, vcRep, vcPerm, vcCursor, vcGrouped, vcStart, vcMinPos, vcMinSlots,
  i32At, setI32, f64At, setF64, capacityAt, residualAt, demandOf, residual, rowOf,
} from '../arena';
import { fits, rowRoom } from './state';
import { buildClasses } from './units';

const NONE: i32 = 0x7fffffff;

let classes = 0;
let leaves = 1; // leaf buckets of this run's tree: the smallest power of two >= classes / VECTOR_BUCKET
let rule = 0;
let splitDim = 0;
// The search's best so far: class slot, score and position in the order of its unit.
let qSlot = -1;
let qBest: f64 = 0;
let qPos = NONE;
let qHost = 0;
let qLimit = 0; // free item slots on the host (NONE without a limit)
// The dot product's subset-sum bound (see subsetBound): sums kept per node for this run (0: off), and this search's
// nested subsets of the dimensions, their weights and the rounding margin.
let subsets = 0;
let qSubsets = false;
let qMargin: f64 = 0;
const qMask = memory.data(VECTOR_SUBSET_DIMS * 4, 4); //  i32 the k + 1 dimensions of largest weight, as a bit set
const qLam = memory.data(VECTOR_SUBSET_DIMS * 8, 8); //   f64 the weight that subset carries
const qWeight = memory.data(VECTOR_SUBSET_DIMS * 8, 8); // f64 each dimension's weight (residual · norm / capacity²)
const qDim = memory.data(VECTOR_SUBSET_DIMS * 4, 4); //   i32 the dimension subset k adds to subset k − 1
const qRes = memory.data(VECTOR_SUBSET_DIMS * 8, 8); //   f64 its residual on the searched host
const qInv = memory.data(VECTOR_SUBSET_DIMS * 8, 8); //   f64 1 / its norm

@inline function loAt(node: i32, d: i32): f64 {
  return load<f64>(vcBox + ((<usize>node * <usize>(2 * dims) + <usize>d) << 3));
}
@inline function hiAt(node: i32, d: i32): f64 {
  return load<f64>(vcHi + ((<usize>node * <usize>dims + <usize>d) << 3));
}
@inline function setLo(node: i32, d: i32, v: f64): void {
  store<f64>(vcBox + ((<usize>node * <usize>(2 * dims) + <usize>d) << 3), v);
}
@inline function setHi(node: i32, d: i32, v: f64): void {
  store<f64>(vcHi + ((<usize>node * <usize>dims + <usize>d) << 3), v);
}
/** The node's high corner in d divided by vcCap[d]. */
@inline function hiNAt(node: i32, d: i32): f64 {
  return load<f64>(vcBox + ((<usize>node * <usize>(2 * dims) + <usize>(dims + d)) << 3));
}

@inline function subAt(node: i32, mask: i32): f64 {
  return load<f64>(vcSub + ((<usize>node * <usize>subsets + <usize>(mask - 1)) << 3));
}
@inline function setSub(node: i32, mask: i32, v: f64): void {
  store<f64>(vcSub + ((<usize>node * <usize>subsets + <usize>(mask - 1)) << 3), v);
}

/** The node's subset sums from the classes of its bucket (`live`: only classes with a unit left). */
function leafSubsets(node: i32, bucket: i32, live: bool): void {
  for (let m = 1; m <= subsets; m++) setSub(node, m, -Infinity);
  const end = min(classes, (bucket + 1) * VECTOR_BUCKET);
  for (let j = bucket * VECTOR_BUCKET; j < end; j++) {
    if (live && i32At(vcCursor, j) == i32At(vcStart, j + 1)) continue;
    for (let m = 1; m <= subsets; m++) {
      let sum: f64 = 0;
      for (let d = 0; d < dims; d++) if ((m >> d) & 1) sum += f64At(vcDemand, j * dims + d) / f64At(norm, d);
      if (sum > subAt(node, m)) setSub(node, m, sum);
    }
  }
}

@inline function pullSubsets(node: i32): void {
  const l = node << 1, r = l + 1;
  for (let m = 1; m <= subsets; m++) setSub(node, m, max(subAt(l, m), subAt(r, m)));
}

/** A node's high corner divided by the capacity in vcCap (dimensions without capacity are never read). */
function normalise(node: i32): void {
  for (let d = 0; d < dims; d++) {
    const c = f64At(vcCap, d);
    store<f64>(vcBox + ((<usize>node * <usize>(2 * dims) + <usize>(dims + d)) << 3), c > 0 ? hiAt(node, d) / c : 0);
  }
}

/** vcCap := h's capacity, every node normalised again where it differs; vcShare := h's residual / capacity. */
function useCapacity(h: i32): void {
  let same = true;
  for (let d = 0; d < dims; d++) if (!(capacityAt(h, d) == f64At(vcCap, d))) same = false;
  if (!same) {
    for (let d = 0; d < dims; d++) setF64(vcCap, d, capacityAt(h, d));
    for (let node = 1; node < 2 * leaves; node++) normalise(node);
  }
  for (let d = 0; d < dims; d++) {
    const c = f64At(vcCap, d);
    setF64(vcShare, d, c > 0 ? residualAt(h, d) / c : 0);
  }
}

/** Score of unit for host h; higher is better (the scan's own arithmetic). */
export function unitScore(r: i32, unit: i32, h: i32): f64 {
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = capacityAt(h, d);
    if (c <= 0) continue;
    if (r == ALG_DOT_PRODUCT) acc += (demandOf(unit, d) / c) * (residualAt(h, d) / c);
    else {
      const x = (residualAt(h, d) - demandOf(unit, d)) / c;
      acc += x * x;
    }
  }
  return r == ALG_DOT_PRODUCT ? acc : -acc;
}

/** Every capacity and demand is finite (the bound's monotonicity argument needs it). */
export function vectorIndexApplies(units: i32): bool {
  for (let h = 0; h < hosts; h++) for (let d = 0; d < dims; d++) if (!isFinite(capacityAt(h, d))) return false;
  for (let u = 0; u < units; u++) for (let d = 0; d < dims; d++) if (!isFinite(demandOf(u, d))) return false;
  return true;
}

// ── Building the classes and the tree ──

/** Class key order for the k-d split: demand in splitDim, then class number. */
@inline function keyLess(a: i32, b: i32): bool {
  const x = demandOf(i32At(vcRep, a), splitDim), y = demandOf(i32At(vcRep, b), splitDim);
  return x < y || (x == y && a < b);
}

/** Reorders vcPerm[lo, hi) so that position k holds the element of rank k - lo and smaller ones precede it. */
function select(lo: i32, hi: i32, k: i32): void {
  let l = lo, r = hi - 1;
  while (l < r) {
    const pivot = i32At(vcPerm, l + ((r - l) >> 1));
    let i = l, j = r;
    while (i <= j) {
      while (keyLess(i32At(vcPerm, i), pivot)) i++;
      while (keyLess(pivot, i32At(vcPerm, j))) j--;
      if (i <= j) {
        const t = i32At(vcPerm, i);
        setI32(vcPerm, i, i32At(vcPerm, j));
        setI32(vcPerm, j, t);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/** Splits the classes of buckets [bLo, bHi) at the median of their widest normalised dimension. */
function split(bLo: i32, bHi: i32): void {
  const s = min(classes, bLo * VECTOR_BUCKET), e = min(classes, bHi * VECTOR_BUCKET);
  if (bHi - bLo <= 1 || e - s <= 1) return;
  const bMid = (bLo + bHi) >> 1;
  const m = min(classes, bMid * VECTOR_BUCKET);
  if (m >= e) { split(bLo, bMid); return; } // the right half is empty
  let widest: f64 = -1;
  splitDim = 0;
  for (let d = 0; d < dims; d++) {
    let lo: f64 = Infinity, hi: f64 = -Infinity;
    for (let j = s; j < e; j++) {
      const x = demandOf(i32At(vcRep, i32At(vcPerm, j)), d);
      lo = min(lo, x);
      hi = max(hi, x);
    }
    const n = f64At(norm, d);
    const w = n > 0 ? (hi - lo) / n : hi - lo;
    if (w > widest) { widest = w; splitDim = d; }
  }
  select(s, e, m);
  split(bLo, bMid);
  split(bMid, bHi);
}

/** Recomputes a leaf bucket's node from its classes, then every ancestor from its children. */
function refresh(bucket: i32): void {
  let node = leaves + bucket;
  for (let d = 0; d < dims; d++) { setLo(node, d, Infinity); setHi(node, d, -Infinity); }
  let pos = NONE, slots = NONE;
  const end = min(classes, (bucket + 1) * VECTOR_BUCKET);
  for (let j = bucket * VECTOR_BUCKET; j < end; j++) {
    const at = i32At(vcCursor, j);
    if (at == i32At(vcStart, j + 1)) continue;
    const k = i32At(vcGrouped, at);
    const unit = i32At(unitOrder, k);
    pos = min(pos, k);
    slots = min(slots, i32At(unitSlots, unit));
    for (let d = 0; d < dims; d++) {
      const x = demandOf(unit, d);
      if (x < loAt(node, d)) setLo(node, d, x);
      if (x > hiAt(node, d)) setHi(node, d, x);
    }
  }
  setI32(vcMinPos, node, pos);
  setI32(vcMinSlots, node, slots);
  normalise(node);
  if (subsets > 0) leafSubsets(node, bucket, true);
  for (node >>= 1; node >= 1; node >>= 1) {
    pull(node);
    normalise(node);
    if (subsets > 0) pullSubsets(node);
  }
}

@inline function pull(node: i32): void {
  const l = node << 1, r = l + 1;
  for (let d = 0; d < dims; d++) {
    setLo(node, d, min(loAt(l, d), loAt(r, d)));
    setHi(node, d, max(hiAt(l, d), hiAt(r, d)));
  }
  setI32(vcMinPos, node, min(i32At(vcMinPos, l), i32At(vcMinPos, r)));
  setI32(vcMinSlots, node, min(i32At(vcMinSlots, l), i32At(vcMinSlots, r)));
}

/** Groups the units of unitOrder (conflicting ones left out) by class and builds the tree; returns their count. */
export function classIndex(r: i32, units: i32): i32 {
  rule = r;
  buildClasses();
  for (let u = 0; u < units; u++) setI32(vcSlot, u, -1);
  classes = 0;
  let remaining = 0;
  // Classes numbered by first appearance in the order; vcCursor counts their units for now.
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) != 0) continue;
    remaining++;
    const c = i32At(unitClass, unit);
    let id = i32At(vcSlot, c);
    if (id < 0) {
      id = classes++;
      setI32(vcSlot, c, id);
      setI32(vcRep, id, unit);
      setI32(vcCursor, id, 0);
    }
    setI32(vcCursor, id, i32At(vcCursor, id) + 1);
  }
  leaves = 1;
  while (leaves * VECTOR_BUCKET < classes) leaves <<= 1;
  for (let j = 0; j < classes; j++) setI32(vcPerm, j, j);
  split(0, leaves);
  // Slot j of the tree holds class vcPerm[j]; its units go to vcGrouped[vcStart[j], vcStart[j + 1]).
  setI32(vcStart, 0, 0);
  for (let j = 0; j < classes; j++) {
    const id = i32At(vcPerm, j);
    setI32(vcStart, j + 1, i32At(vcStart, j) + i32At(vcCursor, id));
  }
  for (let j = 0; j < classes; j++) {
    const id = i32At(vcPerm, j), rep = i32At(vcRep, id);
    setI32(vcSlot, i32At(unitClass, rep), j);
    for (let d = 0; d < dims; d++) setF64(vcDemand, j * dims + d, demandOf(rep, d));
  }
  for (let j = 0; j < classes; j++) setI32(vcCursor, j, i32At(vcStart, j));
  for (let k = 0; k < units; k++) {
    const unit = i32At(unitOrder, k);
    if (i32At(unitConflict, unit) != 0) continue;
    const j = i32At(vcSlot, i32At(unitClass, unit));
    setI32(vcGrouped, i32At(vcCursor, j), k);
    setI32(vcCursor, j, i32At(vcCursor, j) + 1);
  }
  for (let j = 0; j < classes; j++) setI32(vcCursor, j, i32At(vcStart, j));
  // Leaves, then inner nodes.
  for (let b = 0; b < leaves; b++) {
    const node = leaves + b;
    for (let d = 0; d < dims; d++) { setLo(node, d, Infinity); setHi(node, d, -Infinity); }
    setI32(vcMinPos, node, NONE);
    setI32(vcMinSlots, node, NONE);
    const end = min(classes, (b + 1) * VECTOR_BUCKET);
    for (let j = b * VECTOR_BUCKET; j < end; j++) {
      const unit = i32At(unitOrder, i32At(vcGrouped, i32At(vcStart, j)));
      setI32(vcMinPos, node, min(i32At(vcMinPos, node), i32At(vcGrouped, i32At(vcStart, j))));
      setI32(vcMinSlots, node, min(i32At(vcMinSlots, node), i32At(unitSlots, unit)));
      for (let d = 0; d < dims; d++) {
        const x = demandOf(unit, d);
        if (x < loAt(node, d)) setLo(node, d, x);
        if (x > hiAt(node, d)) setHi(node, d, x);
      }
    }
  }
  for (let node = leaves - 1; node >= 1; node--) pull(node);
  // The subset-sum bound: the dot product, few dimensions, every norm positive and every demand non-negative (its
  // weights and sums are then non-negative, which the bound's argument needs).
  subsets = 0;
  if (rule == ALG_DOT_PRODUCT && dims <= VECTOR_SUBSET_DIMS) {
    let ok = true;
    for (let d = 0; d < dims; d++) if (!(f64At(norm, d) > 0)) ok = false;
    for (let j = 0; j < classes * dims && ok; j++) if (!(f64At(vcDemand, j) >= 0)) ok = false;
    if (ok) subsets = (1 << dims) - 1;
  }
  if (subsets > 0) {
    for (let b = 0; b < leaves; b++) leafSubsets(leaves + b, b, false);
    for (let node = leaves - 1; node >= 1; node--) pullSubsets(node);
  }
  for (let d = 0; d < dims; d++) setF64(vcCap, d, NaN); // normalised by the first search
  return remaining;
}

// ── The search ──

/** Some live class in the node may fit the host: its box's low corner within the residual, slots enough. */
@inline function mayFit(node: i32): bool {
  if (i32At(vcMinPos, node) == NONE || i32At(vcMinSlots, node) > qLimit) return false;
  for (let d = 0; d < dims; d++) if (loAt(node, d) > residualAt(qHost, d)) return false;
  return true;
}

/**
 * Upper bound of the score of any class in the node's box that fits the host. The dot product's terms are the
 * score's own, (top / c) · (res / c) with top = min(hi, res), as min(hi / c, res / c). The L2 term's
 * (res − top) / c is bounded below by res / c − top / c less 1e-12 of their magnitudes' sum: far more than the three roundings
 * that separate the two (each a relative 2⁻⁵³), so every unit in the box that fits has a term at least as large.
 */
function bound(node: i32): f64 {
  if (qSubsets) return subsetBound(node);
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    if (!(f64At(vcCap, d) > 0)) continue;
    const share = f64At(vcShare, d);
    const top = min(hiNAt(node, d), share); // a unit that fits demands at most this, divided by the capacity
    if (rule == ALG_DOT_PRODUCT) {
      acc += top * share; // the low corner's term is no larger: mayFit holds, so low <= min(high, residual)
    } else {
      const x = max(0, (share - top) - 1e-12 * (abs(share) + abs(top))); // top < 0 where demands are negative
      acc += x * x;
    }
  }
  return rule == ALG_DOT_PRODUCT ? acc : -acc;
}

/**
 * This search's weights for subsetBound: dimension d's score term is (demand / c) · (residual / c), which is
 * (demand / norm) · w with w = (residual / c) · norm / c, so the score is the dot product of w with the demand divided
 * by the norm. Sorted by weight, w is a sum of nested subsets' indicators: the top dimension's with weight
 * w(1) − w(2), the top two's with w(2) − w(3), …, all D with w(D). Every weight is non-negative, so any class's score is
 * at most the weighted sum of the node's largest subset sums — whichever classes reach them — up to rounding, which
 * qMargin covers (see subsetBound).
 */
function prepareSubsets(): void {
  qSubsets = false;
  if (subsets == 0) return;
  let top: f64 = 0, all: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = f64At(vcCap, d);
    const w = c > 0 ? f64At(vcShare, d) * f64At(norm, d) / c : 0;
    if (!(w >= 0) || !isFinite(w)) return; // a residual below zero: the box bound alone
    setF64(qWeight, d, w);
    top = max(top, w);
  }
  // Nested subsets in order of decreasing weight (ties by dimension: any order gives a valid bound).
  let mask = 0;
  for (let k = 0; k < dims; k++) {
    let best = -1;
    for (let d = 0; d < dims; d++) if (!((mask >> d) & 1) && (best < 0 || f64At(qWeight, d) > f64At(qWeight, best))) best = d;
    mask |= 1 << best;
    setI32(qMask, k, mask);
    setI32(qDim, k, best);
    setF64(qRes, k, residualAt(qHost, best));
    setF64(qInv, k, 1 / f64At(norm, best));
    setF64(qLam, k, f64At(qWeight, best)); // made a difference of consecutive weights below
  }
  for (let k = 0; k < dims - 1; k++) setF64(qLam, k, f64At(qLam, k) - f64At(qLam, k + 1));
  all = subAt(1, subsets);
  // Every score, and this bound, is a sum of D non-negative terms of at most top · all; rounding moves either by a few
  // units in the last place of that (2⁻⁵³ each), and the weights' differences by as little. 1e-9 of it is far above both.
  qMargin = 1e-9 * top * all;
  qSubsets = all >= 0 && isFinite(qMargin);
}

/**
 * The subset-sum bound of the dot product for a node (prepareSubsets says why it bounds every class in the node).
 * A class that fits demands at most min(high corner, residual) in each dimension, so each subset's sum is also at most
 * the sum of those, divided by the norm: the smaller of the two is taken per subset. With the node's sums alone this is
 * the box bound of `bound` (the same weights, regrouped), so it is never looser than that.
 */
@inline function subsetBound(node: i32): f64 {
  let acc: f64 = 0, clipped: f64 = 0;
  for (let k = 0; k < dims; k++) {
    clipped += min(hiAt(node, i32At(qDim, k)), f64At(qRes, k)) * f64At(qInv, k);
    acc += f64At(qLam, k) * min(subAt(node, i32At(qMask, k)), clipped);
  }
  return acc + qMargin;
}

/** unitScore of a unit of the class whose demand row (vcDemand) is at `dm`, for the searched host: its
 * residual / capacity taken from vcShare, the same quotients. */
@inline function scoreHere(dm: usize): f64 {
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const c = f64At(vcCap, d);
    if (c <= 0) continue;
    if (rule == ALG_DOT_PRODUCT) acc += (f64At(dm, d) / c) * f64At(vcShare, d);
    else {
      const x = (residualAt(qHost, d) - f64At(dm, d)) / c;
      acc += x * x;
    }
  }
  return rule == ALG_DOT_PRODUCT ? acc : -acc;
}

@inline function beaten(node: i32, ub: f64): bool {
  return qSlot >= 0 && (ub < qBest || (ub == qBest && i32At(vcMinPos, node) > qPos));
}

function search(node: i32, ub: f64): void {
  if (beaten(node, ub)) return;
  if (node >= leaves) {
    const b = node - leaves;
    const end = min(classes, (b + 1) * VECTOR_BUCKET);
    for (let j = b * VECTOR_BUCKET; j < end; j++) {
      const at = i32At(vcCursor, j);
      if (at == i32At(vcStart, j + 1)) continue;
      // The class's demand row first (the leaf's rows are side by side); its unit only for a score that may win.
      const dm = vcDemand + (<usize>(j * dims) << 3);
      if (!rowRoom(rowOf(residual, qHost), dm)) continue; // roomOk on the class's row
      const s = scoreHere(dm);
      if (qSlot >= 0 && s < qBest) continue;
      const k = i32At(vcGrouped, at);
      if (qSlot >= 0 && s == qBest && k > qPos) continue;
      const unit = i32At(unitOrder, k);
      if (!fits(unit, qHost)) continue;
      qSlot = j;
      qBest = s;
      qPos = k;
    }
    return;
  }
  const l = node << 1, r = l + 1;
  const lOk = mayFit(l), rOk = mayFit(r);
  if (lOk && rOk) {
    const ul = bound(l), ur = bound(r);
    if (ul > ur || (ul == ur && i32At(vcMinPos, l) < i32At(vcMinPos, r))) { search(l, ul); search(r, ur); }
    else { search(r, ur); search(l, ul); }
  } else if (lOk) search(l, bound(l));
  else if (rOk) search(r, bound(r));
}

/**
 * The unit of unitOrder not placed yet that host h takes with the best score (ties: earliest in the order), or -1;
 * the unit is taken off the index (the caller places it). classIndex must have run.
 */
export function bestUnit(h: i32): i32 {
  qHost = h;
  const limit = i32At(hostMaxItems, h);
  qLimit = limit <= 0 ? NONE : limit - i32At(hostCount, h);
  qSlot = -1;
  qBest = 0;
  qPos = NONE;
  useCapacity(h);
  prepareSubsets();
  if (mayFit(1)) search(1, bound(1));
  if (qSlot < 0) return -1;
  const at = i32At(vcCursor, qSlot);
  setI32(vcCursor, qSlot, at + 1);
  refresh(qSlot / VECTOR_BUCKET);
  return i32At(unitOrder, i32At(vcGrouped, at));
}
