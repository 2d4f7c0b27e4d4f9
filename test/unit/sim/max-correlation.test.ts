// The maximum-correlation selector's screen changes the work, never the answer: on random histories (PlanetLab-
// like percentages, nearly flat, constant, zero, copied and collinear columns) the screened selection equals the
// one that runs CloudSim's QR for every item, including where that QR throws and MC falls back to MMT.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCorrelationIndex, mcScratch, screenMaxCorrelation } from '../../../core/sim/reference/max-correlation';
import { olsRSquared } from '../../../core/sim/reference/stats';

type Column = { kind: 'random' | 'flat' | 'constant' | 'copy' | 'mix'; seed: number; a: number; b: number };
const columnArb: fc.Arbitrary<Column> = fc.record({
  kind: fc.constantFrom('random', 'random', 'random', 'flat', 'constant', 'copy', 'mix'),
  seed: fc.nat(), a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 1, max: 5 }),
});
const instanceArb = fc.integer({ min: 3, max: 30 }).chain((m) =>
  fc.record({ m: fc.constant(m), pure: fc.boolean(), columns: fc.array(columnArb, { minLength: 2, maxLength: m }) })
    .map(({ m, pure, columns }) => ({ m, columns: pure ? columns.map((c) => ({ ...c, kind: 'random' as const })) : columns })));

const noise = (seed: number, row: number) => (Math.imul(seed + 1, 2654435761 + row * 40503) >>> 0) % 101;

function histories(m: number, columns: Column[]): Float64Array {
  const n = columns.length, hist = new Float64Array(n * m);
  columns.forEach((c, j) => {
    for (let row = 0; row < m; row++) {
      let v: number;
      if (c.kind === 'random' || j === 0) v = noise(c.seed, row) / 100;
      else if (c.kind === 'flat') v = (c.a + (noise(c.seed, row) % 2)) / 100 + 0.5; // one-percent wiggle on a level
      else if (c.kind === 'constant') v = c.a % 3 === 0 ? 0 : c.a / 100;
      else if (c.kind === 'copy') v = hist[(c.seed % j) * m + row];
      else v = (hist[(c.seed % j) * m + row] * c.b + hist[((c.seed >> 3) % j) * m + row]) / (c.b + 1) + noise(c.seed, row) / 1e5;
      hist[j * m + row] = v;
    }
  });
  return hist;
}

describe('maximum-correlation selection', () => {
  it('screened = every QR, on random, flat, constant, copied and collinear histories', () => {
    let screened = 0, runs = 0;
    fc.assert(fc.property(instanceArb, ({ m, columns }) => {
      const n = columns.length, hist = histories(m, columns), s = mcScratch(n, m);
      runs++;
      if (screenMaxCorrelation(hist, n, m, mcScratch(n, m).work, new Uint8Array(n)) > 0) screened++;
      expect(maxCorrelationIndex(hist, n, m, s, true)).toBe(maxCorrelationIndex(hist, n, m, s, false));
    }), { numRuns: 2000 });
    expect(screened / runs).toBeGreaterThan(0.3); // the property exercised the screen, not only its refusals
  });

  it('picks the history best explained by the others, and falls back where the QR meets a zero history', () => {
    const m = 12;
    const a = Array.from({ length: m }, (_, r) => noise(1, r) / 100);
    const b = Array.from({ length: m }, (_, r) => noise(2, r) / 100);
    const c = a.map((v, r) => 0.5 * v + 0.5 * b[r] + noise(3, r) / 1e4); // nearly a mix of a and b
    const hist = Float64Array.from([...a, ...b, ...c]);
    const s = mcScratch(3, m);
    expect(maxCorrelationIndex(hist, 3, m, s)).toBe(2);
    // And R² of c on (a, b) is the highest of the three computed one by one.
    const r2 = [0, 1, 2].map((r) => {
      const x = Float64Array.from([0, 1, 2].filter((j) => j !== r).flatMap((j) => Array.from(hist.subarray(j * m, j * m + m))));
      return olsRSquared(x, 2, hist.subarray(r * m, r * m + m), m, new Float64Array(3 * m), new Float64Array(3), new Float64Array(m), new Float64Array(3)) as number;
    });
    expect(r2[2]).toBeGreaterThan(Math.max(r2[0], r2[1]));
    const withZero = Float64Array.from([...a, ...b, ...new Array<number>(m).fill(0)]);
    expect(maxCorrelationIndex(withZero, 3, m, s)).toBe(-1);
  });
});
