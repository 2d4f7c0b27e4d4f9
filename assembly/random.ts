// Seeded generator of the kernel: mulberry32 (T. Ettinger, public domain) on 32-bit integers. The reference
// (core/reference/random.ts) is the same code in TypeScript, so both draw the same numbers from the same seed.
let state: u32 = 0;

export function seedRandom(seed: i32): void {
  state = <u32>seed;
}

export function nextRandom(): u32 {
  state += 0x6d2b79f5;
  let t: u32 = state;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return t ^ (t >>> 14);
}

/** Integer in [0, n) for n >= 1. */
export function randomBelow(n: i32): i32 {
  return <i32>(nextRandom() % <u32>n);
}
