import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, detectDelimiter, parseCsv, toCsv } from '../../../core/edit/csv';

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'id,name,note\r\na,"Web, front","say ""hi"""\r\nb,"two\nlines",x\r\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([['id', 'name', 'note'], ['a', 'Web, front', 'say "hi"'], ['b', 'two\nlines', 'x']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('skips blank lines, keeps empty fields, accepts LF, CR and a BOM', () => {
    const { records } = parseCsv('\uFEFFa,b\n\n,\rc,\n');
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['', ''], ['c', '']]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('reports an unclosed quote and stray quotes by line', () => {
    expect(parseCsv('a,b\n"open,x\ny,z').errors).toEqual([{ line: 2, message: expect.stringContaining('never closed') }]);
    expect(parseCsv('a\n"x"y\n').errors[0].line).toBe(2);
    expect(parseCsv('a\nx"y\n').errors[0].line).toBe(2);
  });

  it('detects tab-separated spreadsheet text', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"x\ty",b')).toBe(',');
    expect(parseCsv('1\t2\n3\t4').records.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField(' padded')).toBe('" padded"');
    expect(toCsv([['a', 1], [null, true]])).toBe('a,1\r\n,true\r\n');
  });

  it('reads back exactly what it writes (any text in any field)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '\t', '中') });
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      // A record whose only field is empty is a blank line, which CSV cannot tell apart from nothing.
      const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
      const parsed = parseCsv(toCsv(kept), ',');
      expect(parsed.errors).toEqual([]);
      expect(parsed.records.map((r) => r.fields)).toEqual(kept);
    }));
  });
});
