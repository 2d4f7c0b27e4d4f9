// The pack arena: one contiguous block the host writes into directly, then reads results from.
//
//  base ─┬─ header          i32[HEADER_SLOTS]      sizes and byte offsets (see abi.ts)
//        ├─ hostCapacity    f64[H × D]             in
//        ├─ itemDemand      f64[N × D]             in
//        ├─ hostResidual    f64[H × D]             out
//        ├─ itemKey         f64[N]                 scratch: size key per item
//        ├─ tree            f64[2P × D]            scratch: per-dimension max residual per segment-tree node
//        ├─ dimScratch      f64[D]                 scratch: per-dimension values (e.g. normalisers)
//        ├─ hostMaxItems    i32[H]                 in
//        ├─ itemHost        i32[N]                 out
//        ├─ itemReason      i32[N]                 out
//        ├─ hostItems       i32[H]                 out
//        ├─ itemOrder       i32[N]                 out (packing order)
//        ├─ sortScratch     i32[N]                 scratch for the merge sort
//        └─ treeSlots       i32[2P]                scratch: max free item slots per node
// P is the smallest power of two >= H. All f64 regions come first so they stay 8-byte aligned.
// The host must re-create its typed-array views after `reservePack`, which may grow memory.
import {
  HDR_HOSTS, HDR_ITEMS, HDR_DIMS, HDR_HOST_CAPACITY, HDR_HOST_MAX_ITEMS, HDR_ITEM_DEMAND, HDR_ITEM_HOST,
  HDR_ITEM_REASON, HDR_HOST_RESIDUAL, HDR_HOST_ITEMS, HDR_ITEM_ORDER, HDR_BYTES, HEADER_SLOTS,
} from './abi';

export let hosts: i32 = 0;
export let items: i32 = 0;
export let dims: i32 = 0;
export let treeLeaves: i32 = 0; // P

export let hostCapacity: usize = 0;
export let itemDemand: usize = 0;
export let hostResidual: usize = 0;
export let itemKey: usize = 0;
export let tree: usize = 0;
export let dimScratch: usize = 0;
export let hostMaxItems: usize = 0;
export let itemHost: usize = 0;
export let itemReason: usize = 0;
export let hostItems: usize = 0;
export let itemOrder: usize = 0;
export let sortScratch: usize = 0;
export let treeSlots: usize = 0;

let arenaBase: usize = 0;

@inline function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

function nextPow2(n: i32): i32 {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** Lays out the arena for H hosts, N items and D dimensions, growing memory if needed. Returns the header address. */
export function reserve(h: i32, n: i32, d: i32): usize {
  assert(h >= 0 && n >= 0 && d > 0, 'reserve: bad sizes');
  hosts = h;
  items = n;
  dims = d;
  treeLeaves = nextPow2(max(h, 1));
  const hu = <usize>h, nu = <usize>n, du = <usize>d, pu = <usize>treeLeaves;

  arenaBase = align8(__heap_base);
  let at = arenaBase + <usize>HEADER_SLOTS * 4;
  at = align8(at);
  hostCapacity = at; at += hu * du * 8;
  itemDemand = at; at += nu * du * 8;
  hostResidual = at; at += hu * du * 8;
  itemKey = at; at += nu * 8;
  tree = at; at += 2 * pu * du * 8;
  dimScratch = at; at += du * 8;
  hostMaxItems = at; at += hu * 4;
  itemHost = at; at += nu * 4;
  itemReason = at; at += nu * 4;
  hostItems = at; at += hu * 4;
  itemOrder = at; at += nu * 4;
  sortScratch = at; at += nu * 4;
  treeSlots = at; at += 2 * pu * 4;
  const end = align8(at);

  const have = <usize>memory.size() << 16;
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) unreachable();
  }

  const hdr = arenaBase;
  store<i32>(hdr + HDR_HOSTS * 4, h);
  store<i32>(hdr + HDR_ITEMS * 4, n);
  store<i32>(hdr + HDR_DIMS * 4, d);
  store<i32>(hdr + HDR_HOST_CAPACITY * 4, <i32>hostCapacity);
  store<i32>(hdr + HDR_HOST_MAX_ITEMS * 4, <i32>hostMaxItems);
  store<i32>(hdr + HDR_ITEM_DEMAND * 4, <i32>itemDemand);
  store<i32>(hdr + HDR_ITEM_HOST * 4, <i32>itemHost);
  store<i32>(hdr + HDR_ITEM_REASON * 4, <i32>itemReason);
  store<i32>(hdr + HDR_HOST_RESIDUAL * 4, <i32>hostResidual);
  store<i32>(hdr + HDR_HOST_ITEMS * 4, <i32>hostItems);
  store<i32>(hdr + HDR_ITEM_ORDER * 4, <i32>itemOrder);
  store<i32>(hdr + HDR_BYTES * 4, <i32>(end - arenaBase));
  return hdr;
}

export function isReserved(): bool {
  return arenaBase != 0;
}

// Typed accessors. Indices are checked once at each run* entry, so these skip bounds checks.
@inline export function capacityAt(h: i32, d: i32): f64 {
  return load<f64>(hostCapacity + ((<usize>h * <usize>dims + <usize>d) << 3));
}
@inline export function demandAt(i: i32, d: i32): f64 {
  return load<f64>(itemDemand + ((<usize>i * <usize>dims + <usize>d) << 3));
}
@inline export function residualAt(h: i32, d: i32): f64 {
  return load<f64>(hostResidual + ((<usize>h * <usize>dims + <usize>d) << 3));
}
@inline export function setResidual(h: i32, d: i32, v: f64): void {
  store<f64>(hostResidual + ((<usize>h * <usize>dims + <usize>d) << 3), v);
}
@inline export function i32At(region: usize, i: i32): i32 {
  return load<i32>(region + (<usize>i << 2));
}
@inline export function setI32(region: usize, i: i32, v: i32): void {
  store<i32>(region + (<usize>i << 2), v);
}
@inline export function f64At(region: usize, i: i32): f64 {
  return load<f64>(region + (<usize>i << 3));
}
@inline export function setF64(region: usize, i: i32, v: f64): void {
  store<f64>(region + (<usize>i << 3), v);
}
