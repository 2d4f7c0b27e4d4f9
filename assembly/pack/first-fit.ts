// Vector First Fit (Decreasing): each item goes to the lowest-index host with enough residual capacity in
// every dimension and a free item slot. Johnson et al. (1974) for 1-D FF/FFD; vector generalisation as in
// Panigrahy et al., "Heuristics for Vector Bin Packing" (Microsoft Research, 2011).
//
// Leftmost-fit search uses a segment tree over hosts whose nodes hold, per dimension, the maximum residual
// in their subtree (and the maximum free item slots); a subtree is skipped when any maximum is below the
// demand. Identical consecutive items resume from the host the previous one went to: hosts before it could
// not take that shape and residuals only shrink. The reference (core/reference/first-fit.ts) scans linearly.
import { REASON_PLACED, REASON_TOO_LARGE, REASON_NO_ROOM, REASON_MAX_ITEMS } from '../abi';
import {
  hosts, items, dims, treeLeaves, tree, treeSlots, hostMaxItems, hostItems, itemHost, itemReason, itemOrder,
  capacityAt, demandAt, residualAt, setResidual, i32At, setI32,
} from '../arena';

const NO_LIMIT: i32 = 0x7fffffff;

@inline function treeAt(node: i32, d: i32): f64 {
  return load<f64>(tree + ((<usize>node * <usize>dims + <usize>d) << 3));
}
@inline function setTree(node: i32, d: i32, v: f64): void {
  store<f64>(tree + ((<usize>node * <usize>dims + <usize>d) << 3), v);
}

function freeSlots(h: i32): i32 {
  const limit = i32At(hostMaxItems, h);
  return limit <= 0 ? NO_LIMIT : limit - i32At(hostItems, h);
}

function refreshLeaf(h: i32): void {
  const leaf = treeLeaves + h;
  for (let d = 0; d < dims; d++) setTree(leaf, d, residualAt(h, d));
  setI32(treeSlots, leaf, freeSlots(h));
  let node = leaf >> 1;
  while (node >= 1) {
    const l = node << 1, r = l + 1;
    for (let d = 0; d < dims; d++) setTree(node, d, max(treeAt(l, d), treeAt(r, d)));
    setI32(treeSlots, node, max(i32At(treeSlots, l), i32At(treeSlots, r)));
    node >>= 1;
  }
}

function buildTree(): void {
  const p = treeLeaves;
  for (let k = 0; k < p; k++) {
    const leaf = p + k;
    if (k < hosts) {
      for (let d = 0; d < dims; d++) setTree(leaf, d, residualAt(k, d));
      setI32(treeSlots, leaf, freeSlots(k));
    } else {
      for (let d = 0; d < dims; d++) setTree(leaf, d, -1.0); // padding leaves never fit (demands are >= 0)
      setI32(treeSlots, leaf, 0);
    }
  }
  for (let node = p - 1; node >= 1; node--) {
    const l = node << 1, r = l + 1;
    for (let d = 0; d < dims; d++) setTree(node, d, max(treeAt(l, d), treeAt(r, d)));
    setI32(treeSlots, node, max(i32At(treeSlots, l), i32At(treeSlots, r)));
  }
}

@inline function nodeMayFit(node: i32, item: i32): bool {
  if (i32At(treeSlots, node) < 1) return false;
  for (let d = 0; d < dims; d++) if (treeAt(node, d) < demandAt(item, d)) return false;
  return true;
}

/** Leftmost host index >= start in the subtree [lo, hi) of `node` that fits `item`, or -1. */
function leftmostFit(node: i32, lo: i32, hi: i32, start: i32, item: i32): i32 {
  if (hi <= start || !nodeMayFit(node, item)) return -1;
  if (node >= treeLeaves) return node - treeLeaves;
  const mid = (lo + hi) >> 1;
  const left = leftmostFit(node << 1, lo, mid, start, item);
  if (left >= 0) return left;
  return leftmostFit((node << 1) + 1, mid, hi, start, item);
}

function sameShape(a: i32, b: i32): bool {
  for (let d = 0; d < dims; d++) if (demandAt(a, d) != demandAt(b, d)) return false;
  return true;
}

/** Why no host took `item` (checked against every host, once per run of identical items). */
function unplacedReason(item: i32): i32 {
  let fitsEmpty = false;
  for (let h = 0; h < hosts; h++) {
    let capacityOk = true, roomOk = true;
    for (let d = 0; d < dims; d++) {
      const dem = demandAt(item, d);
      if (capacityAt(h, d) < dem) capacityOk = false;
      if (residualAt(h, d) < dem) roomOk = false;
    }
    if (roomOk) return REASON_MAX_ITEMS; // room in every dimension: only the item limit can have stopped it
    if (capacityOk) fitsEmpty = true;
  }
  return fitsEmpty ? REASON_NO_ROOM : REASON_TOO_LARGE;
}

/** Packs items in itemOrder by First Fit. Returns the number of hosts that received at least one item. */
export function firstFit(): i32 {
  for (let h = 0; h < hosts; h++) {
    for (let d = 0; d < dims; d++) setResidual(h, d, capacityAt(h, d));
    setI32(hostItems, h, 0);
  }
  buildTree();

  let used = 0;
  let prev = -1; // previous item in order
  for (let k = 0; k < items; k++) {
    const item = i32At(itemOrder, k);
    let start = 0;
    if (prev >= 0 && sameShape(prev, item)) {
      const prevHost = i32At(itemHost, prev);
      if (prevHost < 0) { // an identical item already failed: so does this one, for the same reason
        setI32(itemHost, item, -1);
        setI32(itemReason, item, i32At(itemReason, prev));
        prev = item;
        continue;
      }
      start = prevHost;
    }
    const h = leftmostFit(1, 0, treeLeaves, start, item);
    if (h < 0) {
      setI32(itemHost, item, -1);
      setI32(itemReason, item, unplacedReason(item));
    } else {
      for (let d = 0; d < dims; d++) setResidual(h, d, residualAt(h, d) - demandAt(item, d));
      const count = i32At(hostItems, h);
      if (count == 0) used++;
      setI32(hostItems, h, count + 1);
      setI32(itemHost, item, h);
      setI32(itemReason, item, REASON_PLACED);
      refreshLeaf(h);
    }
    prev = item;
  }
  return used;
}
