// PlanetLab CPU traces as CloudSim ships them (../shared/data/planetlab/README.md): one file per VM, 288
// lines, one integer percentage per line for each 5-minute interval. Pure parsing: reading the folder is
// the caller's job (the CLI), so the same code serves the app and tests.

export const PLANETLAB_SAMPLES = 288;
export const PLANETLAB_INTERVAL_SECONDS = 300;

export class TraceError extends Error {}

/**
 * Parses one trace file into fractions (value / 100, as CloudSim's UtilizationModelPlanetLabInMemory
 * computes them). Throws TraceError naming the file and line for anything that is not an integer 0–100.
 */
export function parsePlanetLabTrace(name: string, text: string, samples = PLANETLAB_SAMPLES): Float64Array {
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

/** File names in byte order (what `LC_ALL=C sort` gives), the order traces are assigned to VMs. Comparing
 * Unicode code points gives exactly the UTF-8 byte order. */
export function byteOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const x = Array.from(a, (c) => c.codePointAt(0) ?? 0), y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
    return x.length - y.length;
  });
}
