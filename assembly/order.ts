// Unit sizes and the item orders (input, Decreasing, shuffled). Sizes are normalised per dimension by the largest host capacity in that
// dimension (the `norm` region); units sort by key, descending, ties by ascending unit index. The TypeScript
// reference (core/reference/order.ts) defines the same order.
import { ORDER_DECREASING, ORDER_SHUFFLED, SIZE_KEY_DIM, SIZE_KEY_MAX, SIZE_KEY_SUM } from './abi';
import {
  dims, norm, unitKey, unitOrder, sortA, sortB,
  f64At, setF64, i32At, setI32, demandOf,
} from './arena';
import { randomBelow } from './random';

/** Size of unit u under a SIZE_KEY_* code. */
export function unitSize(key: i32, dim: i32, unit: i32): f64 {
  if (key == SIZE_KEY_DIM) {
    const n = f64At(norm, dim);
    return n > 0 ? demandOf(unit, dim) / n : 0;
  }
  let acc: f64 = 0;
  for (let d = 0; d < dims; d++) {
    const n = f64At(norm, d);
    const s: f64 = n > 0 ? demandOf(unit, d) / n : 0;
    if (key == SIZE_KEY_MAX) acc = max(acc, s);
    else if (key == SIZE_KEY_SUM) acc += s;
    else acc += s * s;
  }
  return key == SIZE_KEY_MAX || key == SIZE_KEY_SUM ? acc : Math.sqrt(acc);
}

export function computeKeys(units: i32, key: i32, dim: i32): void {
  for (let u = 0; u < units; u++) setF64(unitKey, u, unitSize(key, dim, u));
}

// ── Bottom-up merge sort of an i32 array by a comparator chosen by code; every comparator ends with the
// element value, ascending, so the result is one total order whatever the input order. ──
export const BY_KEY_DESC = 0; //   unitKey descending (Decreasing order)
export const BY_F64_ASC = 1; //    sortKeys ascending (host fills)
export const BY_F64_DESC = 2; //   sortKeys descending (unit weights, subset weights)

let sortKeys: usize = 0;

/** Sets the f64 array (indexed by element value) used by BY_F64_*. */
export function useSortKeys(region: usize): void {
  sortKeys = region;
}

/** < 0 when a goes before b. */
@inline function compare(mode: i32, a: i32, b: i32): i32 {
  let c = 0;
  if (mode == BY_KEY_DESC) {
    const ka = f64At(unitKey, a), kb = f64At(unitKey, b);
    c = kb > ka ? 1 : kb < ka ? -1 : 0;
  } else if (mode == BY_F64_ASC) {
    const ka = f64At(sortKeys, a), kb = f64At(sortKeys, b);
    c = ka > kb ? 1 : ka < kb ? -1 : 0;
  } else {
    const ka = f64At(sortKeys, a), kb = f64At(sortKeys, b);
    c = kb > ka ? 1 : kb < ka ? -1 : 0;
  }
  return c != 0 ? c : a < b ? -1 : a > b ? 1 : 0;
}

/** Stable sort of `len` i32 values at `region` (uses sortB as scratch; region may be sortA). */
export function sortIndices(region: usize, len: i32, mode: i32): void {
  let src = region, dst = region == sortB ? sortA : sortB;
  for (let width = 1; width < len; width <<= 1) {
    for (let lo = 0; lo < len; lo += width << 1) {
      const mid = min(lo + width, len);
      const hi = min(lo + (width << 1), len);
      let a = lo, b = mid, k = lo;
      while (a < mid && b < hi) {
        const ia = i32At(src, a), ib = i32At(src, b);
        if (compare(mode, ib, ia) < 0) { setI32(dst, k++, ib); b++; }
        else { setI32(dst, k++, ia); a++; }
      }
      while (a < mid) setI32(dst, k++, i32At(src, a++));
      while (b < hi) setI32(dst, k++, i32At(src, b++));
    }
    const t = src; src = dst; dst = t;
  }
  if (src != region) memory.copy(region, src, <usize>len << 2);
}

/**
 * unitOrder = 0..units-1 (ORDER_INPUT), sorted by unitKey descending (ORDER_DECREASING), or shuffled by Fisher–Yates
 * (Durstenfeld's form: k from the end down, swap with a uniform j <= k) with the run's generator (ORDER_SHUFFLED).
 */
export function buildOrder(units: i32, order: i32): void {
  for (let u = 0; u < units; u++) setI32(unitOrder, u, u);
  if (order == ORDER_DECREASING) sortIndices(unitOrder, units, BY_KEY_DESC);
  else if (order == ORDER_SHUFFLED) {
    for (let k = units - 1; k > 0; k--) {
      const j = randomBelow(k + 1);
      const t = i32At(unitOrder, k);
      setI32(unitOrder, k, i32At(unitOrder, j));
      setI32(unitOrder, j, t);
    }
  }
}
