// Reference for assembly/order.ts: the Decreasing order. Sizes are normalised per dimension by the largest
// host capacity in that dimension; items sort by key, descending, ties by ascending index.
import type { SizeKey } from '../kernel/packer';

export function sizeKeys(
  hostCapacity: Float64Array, hosts: number, itemDemand: Float64Array, items: number, dims: number, key: SizeKey,
): Float64Array {
  const norm = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    let m = 0;
    for (let h = 0; h < hosts; h++) m = Math.max(m, hostCapacity[h * dims + d]);
    norm[d] = m;
  }
  const keys = new Float64Array(items);
  for (let i = 0; i < items; i++) {
    let acc = 0;
    for (let d = 0; d < dims; d++) {
      const s = norm[d] > 0 ? itemDemand[i * dims + d] / norm[d] : 0;
      if (key === 'max') acc = Math.max(acc, s);
      else if (key === 'sum') acc += s;
      else acc += s * s;
    }
    keys[i] = key === 'l2' ? Math.sqrt(acc) : acc;
  }
  return keys;
}

export function decreasingOrder(keys: Float64Array): Int32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  order.sort((a, b) => keys[b] - keys[a] || a - b);
  return Int32Array.from(order);
}
