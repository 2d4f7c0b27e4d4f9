// PlanetLab trace files (text or bytes): the scan of plain files and the line-by-line parser behind it agree on every
// file shape, and faults are named by file and line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOrder, parsePlanetLabTrace } from '../../../core/traces/planetlab';

const lines = (values: (number | string)[], eol = '\n') => values.join(eol);
const parse = (text: string, samples = 4) => Array.from(parsePlanetLabTrace('day/vm', text, samples));

describe('parsePlanetLabTrace', () => {
  it('reads percentages as fractions, with LF or CRLF, with or without a final newline, extra lines ignored', () => {
    const want = [0, 0.07, 1, 0.5];
    expect(parse(lines([0, 7, 100, 50]))).toEqual(want);
    expect(parse(lines([0, 7, 100, 50]) + '\n')).toEqual(want);
    expect(parse(lines([0, 7, 100, 50], '\r\n') + '\r\n')).toEqual(want);
    expect(parse(lines(['000', '007', 100, 50, 99, 12]))).toEqual(want);
  });

  it('gives the same values where the file has spaces, blank trailing lines or a byte-order mark', () => {
    expect(parse(lines([' 3', '4 ', '\t5', 6]))).toEqual([0.03, 0.04, 0.05, 0.06]);
    expect(parse('\uFEFF' + lines([3, 4, 5, 6]) + '\n\n\n')).toEqual([0.03, 0.04, 0.05, 0.06]);
    expect(parse(lines([3, 4, 5, 6], '\r\r\n'))).toEqual([0.03, 0.04, 0.05, 0.06]);
  });

  it('reads a file\'s bytes as its UTF-8 text: the same values, the same faults named', () => {
    const bytes = (text: string, samples = 4) => Array.from(parsePlanetLabTrace('day/vm', new TextEncoder().encode(text), samples));
    const texts = [lines([0, 7, 100, 50]), lines([0, 7, 100, 50], '\r\n') + '\r\n', lines(['000', '007', 100, 50, 99]),
      lines([' 3', '4 ', '\t5', 6]), '\uFEFF' + lines([3, 4, 5, 6]) + '\n\n', lines([3, 4, 5, 6], '\r\r\n')];
    for (const text of texts) expect(bytes(text)).toEqual(parse(text));
    expect(() => bytes(lines([3, 'é', 5, 6]))).toThrow(/day\/vm: line 2: .* found "é"/);
    expect(() => bytes(lines([3, 4, 5]))).toThrow(/line 4: expected 4 samples, the file has only 3/);
  });

  it('names the file and line of a value that is not an integer 0–100, and of a short file', () => {
    expect(() => parse(lines([3, 101, 5, 6]))).toThrow(/day\/vm: line 2: expected an integer percentage 0–100, found "101"/);
    expect(() => parse(lines([3, 4, '5.5', 6]))).toThrow(/line 3: .* found "5\.5"/);
    expect(() => parse(lines([3, 4, '1000', 6]))).toThrow(/line 3: .* found "1000"/);
    expect(() => parse(lines([3, 4, 5]))).toThrow(/day\/vm: line 4: expected 4 samples, the file has only 3/);
    expect(() => parse(lines([3, '', 5, 6]))).toThrow(/line 2: expected 4 samples, the file has only 1/);
  });
});

describe('byteOrder', () => {
  it('sorts by code point, which is UTF-8 byte order (not UTF-16 order)', () => {
    // U+FF21 (a BMP letter above the surrogates) sorts before U+1F600 in UTF-8, after it in UTF-16 code units.
    expect(byteOrder(['b', 'a_2', 'a', '😀', 'Ａ', 'a_10', 'B'])).toEqual(['B', 'a', 'a_10', 'a_2', 'b', 'Ａ', '😀']);
  });

  it('equals the order of the names\' UTF-8 bytes, with and without characters beyond U+FFFF', () => {
    const utf8Order = (names: string[]) => [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    // Lone surrogates are left out: a file name read from disk is well-formed, and UTF-8 cannot encode them.
    const name = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', '_', '0', '1', 'Ａ', '\uE000', 'é'), fc.constantFrom('😀', '𝔸')), maxLength: 6 });
    fc.assert(fc.property(fc.array(name, { maxLength: 12 }), (names) => {
      expect(byteOrder(names)).toEqual(utf8Order(names));
    }), { numRuns: 300 });
  });
});
