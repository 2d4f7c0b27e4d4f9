// Fuzzing: mutated inputs of every format (byte flips, truncation, insertions, deleted and duplicated slices,
// numbers and JSON values replaced) never crash the pipeline: each imports to a valid scenario or fails with an
// ImportError naming the input file. Seeded (a failure reproduces with its input number). The count per
// format is HOSTFIT_FUZZ (default 1000; YAML, whose parser is slow, 400): about 17 s of CPU in all, within the
// CI budget; `npm run bench -- import --fuzz=10000` runs 10^4 per format.
import { describe, expect, it } from 'vitest';
import { FUZZ_FORMATS, fuzzFormat } from '../../../core/import/testing/fuzz';

const COUNT = Number(process.env.HOSTFIT_FUZZ ?? 1000);
const count = (format: string) => (process.env.HOSTFIT_FUZZ || format !== 'kubernetes-yaml' ? COUNT : 400);

describe('import fuzzing', () => {
  for (const format of FUZZ_FORMATS) {
    it(`${format}: ${count(format)} mutated inputs, zero crashes, every error located`, async () => {
      const r = await fuzzFormat(format, count(format), 2026, 25);
      expect(r.crashes.slice(0, 3)).toEqual([]);
      expect(r.imported + r.located).toBe(count(format));
      expect(r.located).toBeGreaterThan(0); // the mutations do break inputs
    }, 120_000);
  }
});
