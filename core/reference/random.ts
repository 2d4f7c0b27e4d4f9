// The kernel's seeded generator (assembly/random.ts): mulberry32 (T. Ettinger, public domain) on 32-bit
// integers, so the reference and the WASM kernel draw the same numbers from the same seed.
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next unsigned 32-bit value. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [0, n) for n >= 1 (modulo: exact in both languages; the bias is below 2^-11 for n < 2^21). */
  below(n: number): number {
    return this.next() % n;
  }
}
