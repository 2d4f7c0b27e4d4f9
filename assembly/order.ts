// Item order for the Decreasing variants: size key per item, then a stable sort by key, descending,
// so ties keep ascending item index. The TypeScript reference (core/reference/order.ts) defines the same order.
import { SIZE_KEY_MAX, SIZE_KEY_SUM } from './abi';
import { hosts, items, dims, dimScratch, itemKey, itemOrder, sortScratch, capacityAt, demandAt, i32At, setI32, f64At, setF64 } from './arena';

/** Size of item i with demand normalised per dimension by the largest host capacity in that dimension. */
export function computeKeys(sizeKey: i32): void {
  const normScratch = dimScratch; // largest capacity per dimension
  for (let d = 0; d < dims; d++) {
    let m: f64 = 0;
    for (let h = 0; h < hosts; h++) m = max(m, capacityAt(h, d));
    setF64(normScratch, d, m);
  }
  for (let i = 0; i < items; i++) {
    let acc: f64 = 0;
    for (let d = 0; d < dims; d++) {
      const norm = f64At(normScratch, d);
      const s: f64 = norm > 0 ? demandAt(i, d) / norm : 0;
      if (sizeKey == SIZE_KEY_MAX) acc = max(acc, s);
      else if (sizeKey == SIZE_KEY_SUM) acc += s;
      else acc += s * s;
    }
    if (sizeKey != SIZE_KEY_MAX && sizeKey != SIZE_KEY_SUM) acc = sqrt(acc);
    setF64(itemKey, i, acc);
  }
}

/** Writes 0..N-1 into itemOrder, then stable-sorts it by itemKey descending (bottom-up merge sort). */
export function sortByKeyDescending(): void {
  for (let i = 0; i < items; i++) setI32(itemOrder, i, i);
  let src = itemOrder, dst = sortScratch;
  for (let width = 1; width < items; width <<= 1) {
    for (let lo = 0; lo < items; lo += width << 1) {
      const mid = min(lo + width, items);
      const hi = min(lo + (width << 1), items);
      let a = lo, b = mid, k = lo;
      while (a < mid && b < hi) {
        const ia = i32At(src, a), ib = i32At(src, b);
        // Take from the right run only when strictly larger: keeps the sort stable.
        if (f64At(itemKey, ib) > f64At(itemKey, ia)) { setI32(dst, k++, ib); b++; }
        else { setI32(dst, k++, ia); a++; }
      }
      while (a < mid) setI32(dst, k++, i32At(src, a++));
      while (b < hi) setI32(dst, k++, i32At(src, b++));
    }
    const t = src; src = dst; dst = t;
  }
  if (src != itemOrder) memory.copy(itemOrder, src, <usize>items << 2);
}
