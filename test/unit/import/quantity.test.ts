// Kubernetes quantities: the apimachinery documentation examples, client-node's util_test vectors, the
// pitfalls of imports.md §2.4, and a property test against an independent decimal-string oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milliValue, parseQuantity, unitValue } from '../../../core/import/kubernetes/quantity';

const milli = (q: unknown) => { const r = milliValue(q); if (!r.ok) throw new Error(r.message); return r.value; };
const units = (q: unknown) => { const r = unitValue(q); if (!r.ok) throw new Error(r.message); return r.value; };

describe('Kubernetes quantity parser', () => {
  it('reads the documented examples exactly', () => {
    expect(milli('500m')).toBe(500);
    expect(milli('2')).toBe(2000);
    expect(milli('0.5')).toBe(500);
    expect(units('1Gi')).toBe(2 ** 30);
    expect(units('1e3')).toBe(1000);
    expect(units('128974848')).toBe(128974848);
    expect(units('129e6')).toBe(129e6);
    expect(units('123Mi')).toBe(123 * 2 ** 20);
    expect(units('1.5Gi')).toBe(1.5 * 2 ** 30); // client-node throws here (BigInt("1.5"))
    expect(units('2G')).toBe(2e9);
    expect(units('32327508Ki')).toBe(32327508 * 1024);
    expect(milli('7910m')).toBe(7910);
  });

  it('reads the client-node test vectors (2n, 3u, 100m, 10e3, 10Ki, 0.2, 1976m)', () => {
    expect(milli('2n')).toBe(1); // 2e-9 rounds up to one milli-unit, as Quantity.MilliValue() does
    expect(milli('3u')).toBe(1);
    expect(milli('100m')).toBe(100);
    expect(units('10e3')).toBe(10000);
    expect(units('10Ki')).toBe(10240);
    expect(milli('0.2')).toBe(200);
    expect(milli('1976m')).toBe(1976);
  });

  it('handles the pitfalls: 1E is exa, K is not kilo, M is not Mi, milli-bytes round up, YAML numbers', () => {
    expect(parseQuantity('1E')).toMatchObject({ ok: true, quantity: { pow10: 18, suffix: 'E' } });
    expect(milli('1E-3')).toBe(1);
    expect(units('4Pi')).toBe(4 * 2 ** 50);
    expect(units('1E3')).toBe(1000);
    expect(unitValue('1K').ok).toBe(false);
    expect(!unitValue('1K').ok && unitValue('1K')).toMatchObject({ message: expect.stringContaining('lower-case "k"') });
    expect(units('1k')).toBe(1000);
    expect(units('1M')).toBe(1e6);
    expect(units('1Mi')).toBe(2 ** 20);
    expect(units('100m')).toBe(1); // 0.1 byte, legal; the importer warns
    expect(milli('0.1m')).toBe(1);
    expect(milli(0.5)).toBe(500);
    expect(milli(1)).toBe(1000);
    expect(units(1e3)).toBe(1000);
    expect(units('.5Ki')).toBe(512);
    expect(units('+1Ki')).toBe(1024);
  });

  it('rejects what the grammar does not allow, with a message', () => {
    for (const bad of ['', ' 1', '1 ', 'abc', '1.2.3', '1Kb', '1gi', 'Mi', '.', '1e', '1ee3', '--1', '1e3.5', null, {}, Infinity, NaN, '9'.repeat(70)]) {
      const r = parseQuantity(bad);
      expect(r.ok, String(bad)).toBe(false);
    }
    expect(unitValue('99999999999999999999').ok).toBe(false); // more than 2^53: out of range, not rounded silently
  });

  it('property: equals an independent decimal oracle for any number and suffix', () => {
    const SUFFIX: [string, number, number][] = [['', 0, 0], ['m', -3, 0], ['k', 3, 0], ['M', 6, 0], ['G', 9, 0], ['n', -9, 0], ['u', -6, 0],
      ['Ki', 0, 10], ['Mi', 0, 20], ['Gi', 0, 30], ['e2', 2, 0], ['e-2', -2, 0]];
    fc.assert(fc.property(fc.integer({ min: 0, max: 999999 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 4 }), fc.integer({ min: 0, max: SUFFIX.length - 1 }),
      (int, frac, s) => {
        const [suffix, pow10, pow2] = SUFFIX[s];
        const text = `${int}${frac ? `.${frac}` : ''}${suffix}`;
        // Oracle: scale the decimal digits by string manipulation, then ceil.
        const digits = `${int}${frac}`;
        const exp = pow10 - frac.length + 3; // milli
        let num = BigInt(digits) * 2n ** BigInt(pow2);
        let expected: bigint;
        if (exp >= 0) expected = num * 10n ** BigInt(exp);
        else { const den = 10n ** BigInt(-exp); expected = num / den + (num % den === 0n ? 0n : 1n); }
        num = 0n;
        const r = milliValue(text);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) return !r.ok;
        return r.ok && r.value === Number(expected);
      }), { numRuns: 2000 });
  });
});
