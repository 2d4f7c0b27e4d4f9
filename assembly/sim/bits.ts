// Host sets as bitsets: bit h of word h >> 6 (u64, little-endian), so a set is walked in host order with ctz —
// the order the reference's plain `for (h = 0; h < H; h++)` loops visit hosts in, which keeps every sum and every
// tie-break the same while the walk skips the hosts that cannot matter (engine.ts says which ones, where).
@inline export function wordsFor(hosts: i32): i32 {
  return (hosts + 63) >> 6;
}
@inline export function wordAt(set: usize, w: i32): u64 {
  return load<u64>(set + (<usize>w << 3));
}
@inline export function setWord(set: usize, w: i32, v: u64): void {
  store<u64>(set + (<usize>w << 3), v);
}
@inline export function bitIs(set: usize, h: i32): bool {
  return ((load<u64>(set + (<usize>(h >> 6) << 3)) >> <u64>(h & 63)) & 1) != 0;
}
@inline export function bitOn(set: usize, h: i32): void {
  const a = set + (<usize>(h >> 6) << 3);
  store<u64>(a, load<u64>(a) | (<u64>1 << <u64>(h & 63)));
}
@inline export function bitOff(set: usize, h: i32): void {
  const a = set + (<usize>(h >> 6) << 3);
  store<u64>(a, load<u64>(a) & ~(<u64>1 << <u64>(h & 63)));
}
/** Host of the lowest bit of a non-zero word w. */
@inline export function lowestHost(w: i32, bits: u64): i32 {
  return (w << 6) + <i32>ctz(bits);
}
