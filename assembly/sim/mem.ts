// Raw typed access to the simulation arena. Every region is laid out (and every index checked against
// its sizes) by arena.ts and engine.ts before a run, so these skip bounds checks.
@inline export function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline export function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
@inline export function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
@inline export function setI32(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}
@inline export function u8At(base: usize, i: i32): i32 {
  return <i32>load<u8>(base + <usize>i);
}
@inline export function setU8(base: usize, i: i32, v: i32): void {
  store<u8>(base + <usize>i, <u8>v);
}
@inline export function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/** Grows linear memory so that [0, end) is addressable. */
export function ensureMemory(end: usize): void {
  const have = <usize>memory.size() << 16;
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) unreachable();
  }
}
