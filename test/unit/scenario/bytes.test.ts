import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleText } from '../../../core/examples/index';
import { decodeScenarioBytes, firstInvalidUtf8, parseScenarioBytes } from '../../../core/scenario/bytes';
import { excessiveNesting } from '../../../core/scenario/parse';

const encode = (s: string) => new TextEncoder().encode(s);

describe('scenario bytes', () => {
  it('opens every bundled example, with or without a byte-order mark', () => {
    for (const e of EXAMPLES) {
      const bytes = encode(exampleText(e));
      expect(parseScenarioBytes(bytes).ok).toBe(true);
      expect(parseScenarioBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).ok).toBe(true);
    }
  });

  it('agrees with the platform decoder on which byte strings are UTF-8', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => { expect(firstInvalidUtf8(encode(s))).toBe(-1); }));
  });

  it('names the line and column (in characters) of the first byte that is not UTF-8', () => {
    const bytes = new Uint8Array([...encode('{\n  "name": "Zürich '), 0xe9, ...encode('"\n}')]);
    const r = decodeScenarioBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.where).toBe('line 2, column 19');
      expect(r.error.message).toMatch(/not valid UTF-8.*0xe9/);
    }
  });

  it('finds nesting beyond the limit outside strings only', () => {
    expect(excessiveNesting('[[[1]]]', 3)).toBeNull();
    expect(excessiveNesting('[[[[1]]]]', 3)).toBe('line 1, column 4');
    expect(excessiveNesting('{"a":"[[[[[[","b":\n [[[[1]]]]}', 3)).toBe('line 2, column 4');
    expect(excessiveNesting('"\\"[[[["', 1)).toBeNull();
  });

  it('keeps a legitimately nested extra field (a newer format may nest a little)', () => {
    const text = exampleText(EXAMPLES[0]).replace('{\n', `{\n  "extra": ${'['.repeat(40)}1${']'.repeat(40)},\n`);
    const r = parseScenarioBytes(encode(text));
    expect(r.ok).toBe(true);
  });
});
