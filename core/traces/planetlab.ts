// PlanetLab CPU traces as CloudSim ships them (../shared/data/planetlab/README.md): one file per VM, 288
// lines, one integer percentage per line for each 5-minute interval. Pure parsing: reading the folder is
// the caller's job (the CLI), so the same code serves the app and tests.

export const PLANETLAB_SAMPLES = 288;
export const PLANETLAB_INTERVAL_SECONDS = 300;

export class TraceError extends Error {}

/**
 * Parses one trace file into fractions (value / 100, as CloudSim's UtilizationModelPlanetLabInMemory
 * computes them). Throws TraceError naming the file and line for anything that is not an integer 0–100.
 * `file`: its text, or its bytes as read (UTF-8; a reader then need not decode the ~1 000 files of a day).
 */
export function parsePlanetLabTrace(name: string, file: string | Uint8Array, samples = PLANETLAB_SAMPLES): Float64Array {
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
  return scanPlainTrace(bytes, samples)
    ?? parseTraceLines(name, typeof file === 'string' ? file : new TextDecoder('utf-8', { ignoreBOM: true }).decode(file), samples);
}

/**
 * The files as shipped — lines of 1 to 3 digits, at most 100, ended by LF or CRLF — read byte by byte (a day has
 * 300 000 lines: no split, regular expression or string per line; in UTF-8 no byte of another character is an
 * ASCII digit, CR or LF). Anything else (spaces, a short file, a bad value) gives null, and the line-by-line parser
 * then reads the file and names the fault.
 */
function scanPlainTrace(text: Uint8Array, samples: number): Float64Array | null {
  const out = new Float64Array(samples);
  const end = text.length;
  let pos = 0;
  for (let k = 0; k < samples; k++) {
    let value = 0, digits = 0, c = 0;
    while (pos < end && (c = text[pos]) >= 48 && c <= 57) { value = value * 10 + (c - 48); digits++; pos++; }
    if (digits === 0 || digits > 3 || value > 100) return null;
    if (pos < end) {
      if (c === 10) pos++;
      else if (c === 13 && text[pos + 1] === 10) pos += 2;
      else return null;
    } else if (k < samples - 1) {
      return null;
    }
    out[k] = value / 100.0;
  }
  return out;
}

function parseTraceLines(name: string, text: string, samples: number): Float64Array {
  const lines = text.split(/\r?\n/);
  const out = new Float64Array(samples);
  for (let k = 0; k < samples; k++) {
    const raw = lines[k];
    if (raw === undefined || raw.trim() === '') {
      throw new TraceError(`${name}: line ${k + 1}: expected ${samples} samples, the file has only ${k}`);
    }
    const v = raw.trim();
    if (!/^\d{1,3}$/.test(v) || Number(v) > 100) {
      throw new TraceError(`${name}: line ${k + 1}: expected an integer percentage 0–100, found "${v.slice(0, 20)}"`);
    }
    out[k] = Number(v) / 100.0;
  }
  return out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** File names in byte order (what `LC_ALL=C sort` gives), the order traces are assigned to VMs. Comparing
 * Unicode code points gives exactly the UTF-8 byte order. */
export function byteOrder(names: readonly string[]): string[] {
  // Without surrogates (characters beyond U+FFFF) UTF-16 code-unit order is code-point order, so the default sort
  // gives it: a hundred times faster than the comparison below on a day's ~1 000 names, in a process this short.
  if (!names.some((name) => SURROGATE.test(name))) return [...names].sort();
  const keyed = names.map((name) => ({ name, points: Array.from(name, (c) => c.codePointAt(0) ?? 0) }));
  keyed.sort((a, b) => {
    const x = a.points, y = b.points;
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
    return x.length - y.length;
  });
  return keyed.map((k) => k.name);
}
