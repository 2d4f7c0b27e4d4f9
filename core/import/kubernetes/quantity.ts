// Kubernetes resource quantities (resource.Quantity), parsed exactly. This is the one parser the import
// pipeline writes itself: the npm options are either float-based without error handling
// (kubernetes-resource-parser, k8s-resource-parser) or Node-only and wrong on valid input
// (@kubernetes/client-node's quantityToScalar throws on "1.5Gi" via BigInt("1.5")) — see imports.md §6.
//
// Grammar (k8s.io/apimachinery/pkg/api/resource, https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/):
//   quantity      ::= signedNumber suffix
//   signedNumber  ::= [+-] ( digits | digits "." digits | digits "." | "." digits )
//   suffix        ::= binarySI (Ki Mi Gi Ti Pi Ei) | decimalExponent (e|E signed integer) | decimalSI (n u m "" k M G T P E)
// "1E" is exa (10^18), not an exponent; "k" is lower case only. The value is kept as an exact rational
// (BigInt mantissa × 10^a × 2^b) and rounded *up* to whole milli-units or units, as Quantity.MilliValue() and
// Quantity.Value() do ("0.1m" → 1m). Results must fit a JS number exactly (2^53: 8 PiB of bytes).

const BINARY: Record<string, bigint> = { Ki: 10n, Mi: 20n, Gi: 30n, Ti: 40n, Pi: 50n, Ei: 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const GRAMMAR = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d{1,4})|(n|u|m|k|M|G|T|P|E)?)$/;
const MAX_TEXT = 64;

export interface Quantity {
  /** mantissa × 10^pow10 × 2^pow2 */
  readonly mantissa: bigint;
  readonly pow10: number;
  readonly pow2: bigint;
  /** The suffix as written ('' for none, 'e3' for an exponent). */
  readonly suffix: string;
}

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; message: string };

/** Parses a quantity given as text or as a YAML/JSON number (`cpu: 0.5`). */
export function parseQuantity(input: unknown): QuantityParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: `not a quantity: ${input}` };
    text = String(input); // shortest round-trip form, e.g. 0.5, 1e+21
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return { ok: false, message: `expected a quantity such as "250m" or "1Gi", found ${input === null ? 'null' : typeof input}` };
  }
  if (text.length === 0) return { ok: false, message: 'empty quantity' };
  if (text.length > MAX_TEXT) return { ok: false, message: `quantity too long (${text.length} characters)` };
  const m = GRAMMAR.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    const hint = /^[+-]?[\d.]+K$/.test(text) ? ' (the kilo suffix is lower-case "k"; "Ki" is 1024)' : '';
    return { ok: false, message: `"${text}" is not a Kubernetes quantity${hint}: expected a number and a suffix such as m, k, M, G, Ki, Mi, Gi or e3` };
  }
  const [, sign, int, frac = '', binary, exponent, decimal] = m;
  let mantissa = BigInt((int || '0') + frac);
  if (sign === '-') mantissa = -mantissa;
  let pow10 = -frac.length;
  let pow2 = 0n;
  let suffix = '';
  if (binary !== undefined) { pow2 = BINARY[binary]; suffix = binary; }
  else if (exponent !== undefined) { pow10 += Number(exponent); suffix = `e${Number(exponent)}`; }
  else { pow10 += DECIMAL[decimal ?? '']; suffix = decimal ?? ''; }
  return { ok: true, quantity: { mantissa, pow10, pow2, suffix } };
}

/** ⌈q × 10^scale⌉ as an exact bigint. */
export function ceilScaled(q: Quantity, scale: number): bigint {
  let num = q.mantissa << q.pow2;
  const p = q.pow10 + scale;
  if (p >= 0) return num * 10n ** BigInt(p);
  if (p < -70) return num > 0n ? 1n : 0n; // |mantissa| < 10^64: the value lies in (0, 1) and rounds up to 1
  const den = 10n ** BigInt(-p);
  num = num >= 0n ? num + den - 1n : num; // ceil for positives; BigInt division truncates toward zero
  return num / den;
}

export type ScalarParse = { ok: true; value: number; quantity: Quantity } | { ok: false; message: string };

function toNumber(q: Quantity, scale: number, unit: string): ScalarParse {
  if (q.pow10 + scale > 40) return { ok: false, message: 'quantity out of range (more than 2^53)' };
  const v = ceilScaled(q, scale);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: `quantity out of range: more than 2^53 ${unit}` };
  }
  return { ok: true, value: Number(v), quantity: q };
}

/** CPU (or any quantity) in whole milli-units, rounded up: "250m" → 250, "0.5" → 500, "1" → 1000. */
export function milliValue(input: unknown): ScalarParse {
  const p = parseQuantity(input);
  return p.ok ? toNumber(p.quantity, 3, 'milli-units') : p;
}

/** Memory, storage, pods, GPUs in whole units, rounded up: "1.5Gi" → 1610612736, "2G" → 2e9, "100m" → 1. */
export function unitValue(input: unknown): ScalarParse {
  const p = parseQuantity(input);
  return p.ok ? toNumber(p.quantity, 0, 'units') : p;
}
