// First Fit: each unit goes to the first host, in the host order (pack/host-order.ts), that takes it. Johnson et al. (1974) for 1-D FF/FFD;
// vector generalisation as in Panigrahy et al., "Heuristics for Vector Bin Packing" (Microsoft Research, 2011).
// The reference (core/reference/construct.ts, firstFitHost) scans hosts linearly; this index must give the
// same host, only faster.
//
// Leftmost-fit search uses a segment tree over hosts in that order (leaf k holds the host of rank k) whose nodes hold, per dimension, the maximum residual in
// their subtree (and the maximum free item slots); a subtree is skipped when any maximum is below the demand.
// The search is a left-to-right depth-first walk that starts at the leaf of rank `start` and climbs, so a unit
// whose previous identical unit went to host p resumes at p's rank: hosts before p could not take that shape and only
// fill up (capacity and slots shrink, isolation and spread only tighten). Leaves that pass the capacity test
// are then checked against labels, isolation and spread.
import {
  dims, hosts, treeLeaves, tree, treeSlots, hostMaxItems, hostCount, unitSlots,
  i32At, setI32, residualAt, demandOf, unitDemand, rowOf,
} from '../arena';
import { hostAt, rankOf } from './host-order';
import { capacityRulesOnly, fitsBeyondCapacity } from './state';

const NO_LIMIT: i32 = 0x7fffffff;

@inline function treeAt(node: i32, d: i32): f64 {
  return load<f64>(tree + ((<usize>node * <usize>dims + <usize>d) << 3));
}
@inline function setTree(node: i32, d: i32, v: f64): void {
  store<f64>(tree + ((<usize>node * <usize>dims + <usize>d) << 3), v);
}

@inline function freeSlots(h: i32): i32 {
  const limit = i32At(hostMaxItems, h);
  return limit <= 0 ? NO_LIMIT : limit - i32At(hostCount, h);
}

@inline function pull(node: i32): void {
  const l = node << 1, r = l + 1;
  for (let d = 0; d < dims; d++) setTree(node, d, max(treeAt(l, d), treeAt(r, d)));
  setI32(treeSlots, node, max(i32At(treeSlots, l), i32At(treeSlots, r)));
}

/** Recomputes `node` from its children; false when nothing changed (so no ancestor changes either). */
@inline function pullChanged(node: i32): bool {
  const l = node << 1, r = l + 1;
  let changed = false;
  for (let d = 0; d < dims; d++) {
    const v = max(treeAt(l, d), treeAt(r, d));
    if (v != treeAt(node, d)) { setTree(node, d, v); changed = true; }
  }
  const slots = max(i32At(treeSlots, l), i32At(treeSlots, r));
  if (slots != i32At(treeSlots, node)) { setI32(treeSlots, node, slots); changed = true; }
  return changed;
}

/** pullChanged with an even number of dimensions: two per f64x2 max and comparison (lane by lane the same values). */
@inline function pullChangedPairs(node: i32): bool {
  const at = rowOf(tree, node), l = rowOf(tree, node << 1), r = rowOf(tree, (node << 1) + 1);
  let changed = false;
  for (let d = 0; d < dims; d += 2) {
    const o = <usize>d << 3;
    const v = f64x2.max(v128.load(l + o), v128.load(r + o));
    if (v128.any_true(f64x2.ne(v, v128.load(at + o)))) { v128.store(at + o, v); changed = true; }
  }
  const slots = max(i32At(treeSlots, node << 1), i32At(treeSlots, (node << 1) + 1));
  if (slots != i32At(treeSlots, node)) { setI32(treeSlots, node, slots); changed = true; }
  return changed;
}

/** Host h's residual or slots changed: refresh its leaf and the path to the root, as far as maxima change. */
export function refreshLeaf(h: i32): void {
  const leaf = treeLeaves + rankOf(h);
  for (let d = 0; d < dims; d++) setTree(leaf, d, residualAt(h, d));
  setI32(treeSlots, leaf, freeSlots(h));
  const pairs = (dims & 1) == 0;
  for (let node = leaf >> 1; node >= 1; node >>= 1) if (!(pairs ? pullChangedPairs(node) : pullChanged(node))) break;
}

export function buildTree(): void {
  const p = treeLeaves;
  anyLimit = false;
  for (let h = 0; h < hosts; h++) if (i32At(hostMaxItems, h) > 0) anyLimit = true;
  for (let k = 0; k < p; k++) {
    const leaf = p + k;
    if (k < hosts) {
      const h = hostAt(k);
      for (let d = 0; d < dims; d++) setTree(leaf, d, residualAt(h, d));
      setI32(treeSlots, leaf, freeSlots(h));
    } else {
      for (let d = 0; d < dims; d++) setTree(leaf, d, -Infinity); // padding leaves never fit any demand
      setI32(treeSlots, leaf, 0);
    }
  }
  for (let node = p - 1; node >= 1; node--) pull(node);
}

let anyLimit = false; // some host has an item limit: only then are slots checked in the tree

/** Some host below `node` may take the unit: its slots and each dimension's largest residual suffice (also read by
 * k8s-index.ts, whose tree has the same shape). */
@inline export function nodeMayFit(node: i32, unit: i32): bool {
  if (anyLimit && i32At(treeSlots, node) < i32At(unitSlots, unit)) return false;
  for (let d = 0; d < dims; d++) if (treeAt(node, d) < demandOf(unit, d)) return false;
  return true;
}

/** nodeMayFit with an even number of dimensions: two per f64x2 comparison, against the unit's demand row. */
@inline function nodeMayFitPairs(node: i32, unit: i32, demand: usize): bool {
  if (anyLimit && i32At(treeSlots, node) < i32At(unitSlots, unit)) return false;
  // The loop written out here, not arena.ts rowCoversPairs: the walk compiled from the call was 8–10 % slower.
  const at = rowOf(tree, node);
  for (let d = 0; d < dims; d += 2) {
    if (v128.any_true(f64x2.lt(v128.load(at + (<usize>d << 3)), v128.load(demand + (<usize>d << 3))))) return false;
  }
  return true;
}

/** First host of rank >= start that takes the unit, or -1. */
export function leftmostFit(start: i32, unit: i32): i32 {
  // Two copies of the walk, each with its own node test (walk is inlined with a constant `pairs`).
  return (dims & 1) == 0 ? walk(start, unit, true) : walk(start, unit, false);
}

@inline function walk(start: i32, unit: i32, pairs: bool): i32 {
  const demand = rowOf(unitDemand, unit);
  if (start >= hosts || !(pairs ? nodeMayFitPairs(1, unit, demand) : nodeMayFit(1, unit))) return -1;
  let node = treeLeaves + start;
  for (;;) {
    if (pairs ? nodeMayFitPairs(node, unit, demand) : nodeMayFit(node, unit)) {
      if (node >= treeLeaves) {
        const h = hostAt(node - treeLeaves);
        // Without labels, isolation or spread (state.ts capacityRulesOnly) a leaf that passes the capacity and slot
        // test takes the unit.
        if (capacityRulesOnly || fitsBeyondCapacity(unit, h)) return h;
      } else {
        node <<= 1;
        continue;
      }
    }
    // Skip this subtree: climb while we are a right child, then step to the right sibling.
    while (node & 1) node >>= 1;
    if (node == 0) return -1;
    node++;
  }
  return -1;
}
