// Hostfit kernel: WASM exports. The host (core/kernel/wasm-packer.ts) calls `reservePack`, writes inputs into
// the regions named by the returned header (abi.ts), calls one run* export and reads the outputs.
// No strings, objects or per-element calls cross this boundary; nothing here reads a clock or Math.random.
import { ERR_NOT_RESERVED, SIZE_KEY_MAX, SIZE_KEY_L2 } from './abi';
import { reserve, isReserved } from './arena';
import { computeKeys, sortByKeyDescending } from './order';
import { firstFit } from './pack/first-fit';

/** Lays out a pack arena for `hosts` × `dims` capacities and `items` × `dims` demands; returns the header address. */
export function reservePack(hosts: i32, items: i32, dims: i32): usize {
  return reserve(hosts, items, dims);
}

/** Vector First Fit Decreasing by `sizeKey` (SIZE_KEY_*). Returns hosts used, or ERR_NOT_RESERVED. */
export function runFirstFitDecreasing(sizeKey: i32): i32 {
  if (!isReserved()) return ERR_NOT_RESERVED;
  if (sizeKey < SIZE_KEY_MAX || sizeKey > SIZE_KEY_L2) sizeKey = SIZE_KEY_MAX;
  computeKeys(sizeKey);
  sortByKeyDescending();
  return firstFit();
}

// Time-stepped consolidation simulator (assembly/sim): reserveSim, runSim.
export * from './sim/exports';
