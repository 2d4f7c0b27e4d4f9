// Hand-checked values for the statistics the detectors and MC use, and the SPECpower interpolation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iqr, mad, median, olsRSquared, simpleRegression, loess } from '../../../core/sim/reference/stats';
import { powerAt, intervalEnergy } from '../../../core/sim/reference/power';
import { G4, G5 } from './tiny';

const arr = (v: number[]) => Float64Array.from(v);

describe('statistics (Commons Math semantics)', () => {
  it('median is the legacy Percentile(50): middle value, or lower + ½·(upper − lower)', () => {
    expect(median(arr([3, 1, 2]), 3)).toBe(2);
    expect(median(arr([4, 1, 3, 2]), 4)).toBe(2.5);
  });

  it('IQR takes the sorted values at round(0.25(n+1))−1 and round(0.75(n+1))−1', () => {
    const a = arr([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(iqr(a, 12)).toBe(10 - 3); // indices 2 and 9 of 1..12
  });

  it('MAD is the median of absolute deviations from the median', () => {
    const a = arr([1, 1, 2, 2, 4, 6, 9]);
    expect(mad(a, new Float64Array(7), 7)).toBe(1); // deviations 1 1 0 0 2 4 7 → median 1
    const b = arr([0.2, 0.6, 0.2, 0.6, 0.2, 0.6]);
    expect(mad(b, new Float64Array(6), 6)).toBeCloseTo(0.2, 15);
  });

  it('MAD is at most half the range (the kernel rules MAD overload out below that bound), and reaches it', () => {
    // Three values at each end and one between: every deviation from the median is half the range.
    expect(mad(arr([0, 0, 0, 0.5, 1, 1, 1]), new Float64Array(7), 7)).toBe(0.5);
    expect(mad(arr([0.3, 0.9]), new Float64Array(2), 2)).toBeCloseTo(0.3, 15);
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 40 }),
      (v) => {
        const range = Math.max(...v) - Math.min(...v);
        expect(mad(arr(v), new Float64Array(v.length), v.length)).toBeLessThanOrEqual(range / 2 * (1 + 1e-9) + 1e-12);
      }), { numRuns: 500 });
  });

  it('simple regression recovers a line exactly', () => {
    const y = arr(Array.from({ length: 10 }, (_, k) => 2 * (k + 1) + 1));
    const out = new Float64Array(2);
    simpleRegression(y, 10, out);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(2, 12);
    loess(y, 10, true, new Float64Array(10), new Float64Array(10), new Float64Array(10), new Float64Array(10), out);
    expect(out[1]).toBeCloseTo(2, 10);
  });

  it('OLS R² is 1 for an exact linear relation and matches the normal equations otherwise', () => {
    const m = 8, k = 2;
    const x1 = [0.1, 0.5, 0.2, 0.9, 0.4, 0.7, 0.3, 0.8], x2 = [0.3, 0.1, 0.6, 0.2, 0.9, 0.5, 0.4, 0.7];
    const x = arr([...x1, ...x2]);
    const exact = arr(x1.map((v, r) => 0.5 + 2 * v - x2[r]));
    const s = () => [new Float64Array((k + 1) * m), new Float64Array(k + 1), new Float64Array(m), new Float64Array(k + 1)] as const;
    expect(olsRSquared(x, k, exact, m, ...s())).toBeCloseTo(1, 12);
    const y = arr([0.3, 0.9, 0.1, 0.5, 0.7, 0.2, 0.8, 0.4]);
    // Reference: solve (XᵀX)β = Xᵀy by Cramer's rule for the 3×3 system [1, x1, x2].
    const cols = [Array(m).fill(1), x1, x2];
    const A = cols.map((a) => cols.map((b) => a.reduce((s2, v, r) => s2 + v * b[r], 0)));
    const rhs = cols.map((a) => a.reduce((s2, v, r) => s2 + v * y[r], 0));
    const det = (M: number[][]) => M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
    const beta = [0, 1, 2].map((c) => det(A.map((row, r) => row.map((v, j) => (j === c ? rhs[r] : v)))) / det(A));
    const mean = y.reduce((a, b) => a + b, 0) / m;
    const ssr = y.reduce((acc, v, r) => acc + (v - (beta[0] + beta[1] * x1[r] + beta[2] * x2[r])) ** 2, 0);
    const sst = y.reduce((acc, v) => acc + (v - mean) ** 2, 0);
    expect(olsRSquared(x, k, y, m, ...s())).toBeCloseTo(1 - ssr / sst, 10);
    expect(olsRSquared(x, k, y, 2, ...s())).toBeNull(); // fewer observations than coefficients
  });
});

describe('power model (CloudSim PowerModelSpecPower)', () => {
  const table = Float64Array.from([...G4, ...G5]);
  it('interpolates linearly between the 10 % points', () => {
    expect(powerAt(table, 0, 0)).toBe(86);
    expect(powerAt(table, 0, 1)).toBe(117);
    expect(powerAt(table, 0, 0.55)).toBeCloseTo(104, 12);
    expect(powerAt(table, 1, 0.25)).toBeCloseTo(103, 12);
  });
  it('integrates an interval as a trapezoid, and as nothing from an idle start when idle draws nothing', () => {
    expect(intervalEnergy(table, 1, 0.5, 1, 300, true)).toBeCloseTo((116 + 135) / 2 * 300, 9);
    expect(intervalEnergy(table, 1, 0, 1, 300, true)).toBe(0);
    expect(intervalEnergy(table, 1, 0, 1, 300, false)).toBeCloseTo((93.7 + 135) / 2 * 300, 9);
  });
});
