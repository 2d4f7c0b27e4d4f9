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

describe('CSV through papaparse: what planners feed it', () => {
  it('names the line of a record after quoted line breaks and blank lines', () => {
    const text = 'id,note\n"a","one\r\ntwo\nthree"\n\n\nb,x\r\n"c",ok\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.fields[0], r.line])).toEqual([['id', 1], ['a', 2], ['b', 7], ['c', 8]]);
    expect(records[1].fields[1]).toBe('one\r\ntwo\nthree');
  });

  it('reads semicolon files with decimal commas (European spreadsheets) and keeps the fields as text', () => {
    const text = 'id;cpuCores;memoryGiB\r\nweb;"1,5";4\r\ndb;2;"16,25"\r\n';
    const { records, delimiter } = parseCsv(text);
    expect(delimiter).toBe(';');
    expect(records.map((r) => r.fields)).toEqual([['id', 'cpuCores', 'memoryGiB'], ['web', '1,5', '4'], ['db', '2', '16,25']]);
  });

  it('reports every malformed record with its own line, deep in a large file', () => {
    const good = Array.from({ length: 5000 }, (_, i) => `s${i},${i}`);
    const lines = ['id,replicas', ...good.slice(0, 3000), 's-bad,1"2', ...good.slice(3000)];
    const { records, errors } = parseCsv(lines.join('\n'));
    expect(records).toHaveLength(5002);
    expect(errors).toEqual([{ line: 3002, message: expect.stringContaining('quote inside an unquoted field') }]);
  });

  it('writes LF for a terminal and CRLF for files', () => {
    expect(toCsv([['a', 'b c'], ['x,y', '']], ',', '\n')).toBe('a,b c\n"x,y",\n');
    expect(toCsv([['a'], ['b']])).toBe('a\r\nb\r\n');
    expect(toCsv([['1', '2']], '\t')).toBe('1\t2\r\n');
  });
});
