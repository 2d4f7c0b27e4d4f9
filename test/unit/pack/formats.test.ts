import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BenchmarkFormatError, parseBenchmark, parseBpp, parseVbp } from '../../../core/pack/formats';

const DATA = new URL('../../../../shared/data/binpacking/', import.meta.url);

describe('benchmark readers', () => {
  it('reads BPPLIB files with CRLF line ends, in file order', () => {
    const b = parseBenchmark(readFileSync(new URL('hard28/Hard28_BPP13.txt', DATA), 'utf8'), 'hard28/Hard28_BPP13.txt');
    expect(b).toMatchObject({ name: 'Hard28_BPP13', format: 'bpp', dims: 1, capacity: [1000], items: 180 });
    expect(Array.from(b.demands.subarray(0, 3))).toEqual([698, 691, 690]);
    expect(b.demands.reduce((x, y) => x + y, 0)).toBe(66961);
  });

  it('reads VPSolver files, expanding item counts, negative sizes included as published', () => {
    const v = parseVbp('2\n10 20\n2\n3 4 2\n-1 5 1\n', 'x');
    expect(v).toMatchObject({ dims: 2, capacity: [10, 20], items: 3 });
    expect(Array.from(v.demands)).toEqual([3, 4, 3, 4, -1, 5]);
    const f = parseBenchmark(readFileSync(new URL('vbp_triplet/Caprara/classC_120_10_0.vbp', DATA), 'utf8'), 'classC_120_10_0.vbp');
    expect(f).toMatchObject({ format: 'vbp', dims: 10, items: 120 });
  });

  it('names the line of a bad value, and what was expected', () => {
    expect(() => parseBpp('3\n10\n4\nx\n1\n', 'f')).toThrow(BenchmarkFormatError);
    expect(() => parseBpp('3\n10\n4\nx\n1\n', 'f')).toThrow(/line 4: expected weight 2 of 3 \(an integer\), got "x"/);
    expect(() => parseBpp('3\n10\n4\n', 'f')).toThrow(/ended early: expected weight 2 of 3/);
    expect(() => parseBpp('1\n10\n4\n5\n', 'f')).toThrow(/line 4: unexpected extra value "5"/);
    expect(() => parseBpp('1\n0\n4\n', 'f')).toThrow(/bin capacity must be between 1/);
    expect(() => parseVbp('2\n10\n', 'f')).toThrow(/ended early: expected capacity 2 of 2/);
  });
});
