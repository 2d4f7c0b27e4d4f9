// Reference for assembly/order.ts: sizes of units and the item orders (input, Decreasing, shuffled). Sizes are normalised per dimension
// by the largest host capacity in that dimension; units sort by key, descending, ties by ascending unit index.
import { SIZE_KEY_DIM, SIZE_KEY_MAX, SIZE_KEY_SUM } from '../../assembly/abi';
import type { Rng } from './random';

/** Size of the vector x (read through `at`) under a SIZE_KEY_* code; also the residual measure of Best/Worst Fit. */
export function sizeOf(key: number, dim: number, norm: Float64Array, dims: number, at: (d: number) => number): number {
  if (key === SIZE_KEY_DIM) return norm[dim] > 0 ? at(dim) / norm[dim] : 0;
  let acc = 0;
  for (let d = 0; d < dims; d++) {
    const s = norm[d] > 0 ? at(d) / norm[d] : 0;
    if (key === SIZE_KEY_MAX) acc = Math.max(acc, s);
    else if (key === SIZE_KEY_SUM) acc += s;
    else acc += s * s;
  }
  return key === SIZE_KEY_MAX || key === SIZE_KEY_SUM ? acc : Math.sqrt(acc);
}

export function unitKeys(demand: Float64Array, units: number, dims: number, norm: Float64Array, key: number, dim: number): Float64Array {
  const keys = new Float64Array(units);
  for (let u = 0; u < units; u++) keys[u] = sizeOf(key, dim, norm, dims, (d) => demand[u * dims + d]);
  return keys;
}

export function decreasingOrder(keys: Float64Array): Int32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return Int32Array.from(order);
}

export function inputOrder(units: number): Int32Array {
  return Int32Array.from({ length: units }, (_, i) => i);
}

/** 0..units-1 shuffled by Fisher–Yates (Durstenfeld: k from the end down, swap with a uniform j <= k). */
export function shuffledOrder(units: number, rng: Rng): Int32Array {
  const order = inputOrder(units);
  for (let k = units - 1; k > 0; k--) {
    const j = rng.below(k + 1);
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  return order;
}
