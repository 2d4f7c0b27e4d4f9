// The streaming workbook reader (core/import/xlsx) against SheetJS (workbookReader: 'sheetjs'): the same
// workbooks give the same scenario and the same report — skipped rows, origins, notes — or the same error; what
// the streaming reader does not handle makes it hand the workbook to SheetJS, with a note saying why. Workbooks
// come from our generators: SheetJS's own writer (t="str" text, or shared strings) and a part-by-part writer
// (core/import/testing/xlsx.ts) for the forms other writers use.
import { describe, expect, it, vi } from 'vitest';
import { importEstate, ImportCancelled, ImportError, type ImportFile, type ImportOptions, type ImportProgress, type ImportResult } from '../../../core/import/index';
import { mulberry32, intBetween, pick } from '../../../core/examples/random';
import { rvtoolsSheets, rvtoolsXlsx, type RvtoolsSheets, type Sheet } from '../../../core/import/testing/rvtools';
import { partOf, rvtoolsXlsxParts, workbookParts, zipStored, type SheetXmlOptions } from '../../../core/import/testing/xlsx';
import { crc32 } from '../../../core/import/zip';

const FALLBACK = /was read with SheetJS .* because the streaming reader does not handle/;

type Outcome = { result: ImportResult } | { error: string };

async function run(files: ImportFile[], workbookReader: 'auto' | 'sheetjs', options: ImportOptions): Promise<Outcome> {
  try {
    return { result: await importEstate('rvtools', files, { ...options, workbookReader }) };
  } catch (e) {
    if (e instanceof ImportError) return { error: e.message };
    throw e;
  }
}

/** Both readers; the streaming one's fallback note (if any) is returned apart and left out of its report. */
async function both(files: ImportFile[], options: ImportOptions = {}): Promise<{ stream: Outcome; sheetjs: Outcome; fallback: string | null }> {
  const stream = await run(files, 'auto', options);
  const sheetjs = await run(files, 'sheetjs', options);
  let fallback: string | null = null;
  if ('result' in stream) {
    const notes = stream.result.report.notes;
    fallback = notes.find((n) => FALLBACK.test(n)) ?? null;
    stream.result = { ...stream.result, report: { ...stream.result.report, notes: notes.filter((n) => !FALLBACK.test(n)) } };
  }
  return { stream, sheetjs, fallback };
}

/** Same outcome; `streamed`: the streaming reader read it (no fallback). */
async function expectSame(files: ImportFile[], streamed = true, options: ImportOptions = {}): Promise<Outcome> {
  const r = await both(files, options);
  expect(r.stream).toEqual(r.sheetjs);
  if ('result' in r.sheetjs) expect(r.fallback).toEqual(streamed ? null : expect.stringMatching(FALLBACK));
  return r.sheetjs;
}

const file = (bytes: Uint8Array, name = 'export.xlsx'): ImportFile[] => [{ name, bytes }];

/** VM names and values that exercise escaping, encoding and number-as-text reading. */
function trickySheets(): RvtoolsSheets {
  const sheets = rvtoolsSheets({ vms: 48, poweredOff: 0.2, templates: 0.1, seed: 3 });
  const h = sheets.vInfo[0] as string[];
  const col = (name: string) => h.indexOf(name);
  const names = ['a&b-01', 'x<y>z-02', 'quote"d-03', "apos'-04", 'Müller-05', '漢字-06', 'emoji😀-07', ' lead-08', 'trail-09 ', '_x0041_-10',
    'cr\r\nlf-11', '&amp;-12', 'tab\there-13', '&#233;-14', 'a&b ü-15'];
  names.forEach((n, k) => { sheets.vInfo[k + 1][col('VM')] = n; });
  // Numbers stored as text, empty cells, booleans as text.
  sheets.vInfo[20][col('CPUs')] = '4';
  sheets.vInfo[21][col('Memory')] = ' 8192 ';
  sheets.vInfo[22][col('Provisioned MiB')] = null;
  sheets.vInfo[23][col('Folder')] = null;
  sheets.vInfo[24][col('Template')] = 'False';
  sheets.vInfo[25][col('CPUs')] = 'four';
  sheets.vInfo[26][col('Datacenter')] = '';
  sheets.vInfo[27] = sheets.vInfo[27].map(() => null);
  return sheets;
}

describe('CRC-32 (slice-by-8)', () => {
  it('gives the standard check value, and the same in pieces of any length as in one', () => {
    const enc = new TextEncoder();
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926); // the CRC-32/ISO-HDLC check value
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 2654435761) >>> 13 & 0xff);
    const whole = crc32(data);
    for (const cut of [1, 7, 8, 9, 15, 16, 17, 500, 999]) expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(whole);
    // A byte-at-a-time reference (the table-driven form of APPNOTE §4.4.7).
    let c = ~0;
    for (const byte of data) { c ^= byte; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
    expect(whole).toBe(~c >>> 0);
  });
});

describe('streaming xlsx reader = SheetJS', () => {
  it('workbooks SheetJS writes (t="str" text, or shared strings): both dialects, MB headers, host bytes, every grouping', async () => {
    const variants: [Parameters<typeof rvtoolsSheets>[0], ImportOptions][] = [
      [{ vms: 60, poweredOff: 0.2, suspended: 0.1, templates: 0.1, placeholders: 0.05 }, {}],
      [{ vms: 40, dialect: 'internal', hostMemoryBytes: true }, { groupBy: 'none' }],
      [{ vms: 40, oldMb: true, extraColumns: 5 }, { groupBy: 'folder' }],
      [{ vms: 40, datacenters: 2, clusters: 3 }, { groupBy: 'cluster', powerStates: ['poweredOn', 'poweredOff', 'suspended'] }],
    ];
    for (const [o, options] of variants) {
      for (const sharedStrings of [false, true]) {
        const out = await expectSame(file(rvtoolsXlsx(rvtoolsSheets(o), { sharedStrings })), true, options);
        expect('result' in out && out.result.report.counts.replicas).toBeGreaterThan(0);
      }
    }
  });

  it('entities, non-ASCII text, CR LF, "_x0041_", numbers stored as text, empty cells', async () => {
    const sheets = trickySheets();
    for (const sharedStrings of [false, true]) {
      const out = await expectSame(file(rvtoolsXlsx(sheets, { sharedStrings })), true, { groupBy: 'none', powerStates: ['poweredOn', 'poweredOff', 'suspended'] });
      if (!('result' in out)) throw new Error(out.error);
      const names = out.result.scenario.services.map((s) => s.name);
      expect(names).toContain('a&b-01');
      expect(names).toContain('漢字-06');
      expect(out.result.report.skipped.some((s) => s.reason === 'bad-value' && /four/.test(s.detail))).toBe(true);
    }
  });

  it('workbooks written part by part: shared, rich-text and inline strings; prefixes; rows and cells without references; empty cells', async () => {
    const sheets = trickySheets();
    const combos: SheetXmlOptions[] = [];
    for (const strings of ['shared', 'rich', 'inline', 'str'] as const) {
      for (const refs of ['all', 'none', 'cells'] as const) {
        combos.push({ strings, refs, empty: refs === 'none' ? 'omit' : pick(mulberry32(combos.length + 1), ['omit', 'stub', 'empty-v'] as const) });
      }
    }
    combos.push({ strings: 'shared', prefix: 'x', pretty: true, numericEntities: true }, { strings: 'inline', prefix: 'x', refs: 'cells', empty: 'stub' },
      { strings: 'rich', numericEntities: true, pretty: true, empty: 'empty-v' }, { strings: 'str', numericEntities: true, empty: 'stub' });
    for (const o of combos) {
      const r = await both(file(rvtoolsXlsxParts(sheets, o)), { groupBy: 'none', powerStates: ['poweredOn', 'poweredOff', 'suspended'] });
      expect(r.stream, JSON.stringify(o)).toEqual(r.sheetjs);
      expect('result' in r.sheetjs, JSON.stringify(o)).toBe(true);
      // Numeric references that make non-ASCII text in t="str" cells are SheetJS's to read; everything else streams.
      if (!(o.strings === 'str' && o.numericEntities)) expect(r.fallback, JSON.stringify(o)).toBeNull();
    }
  });

  it('the same errors: a missing column, a missing sheet, a sheet with no rows', async () => {
    const sheets = rvtoolsSheets({ vms: 5 });
    const noCpus = sheets.vInfo.map((r) => r.filter((_, c) => c !== 4));
    for (const bytes of [rvtoolsXlsx({ vInfo: noCpus }), rvtoolsXlsxParts({ vInfo: noCpus }), rvtoolsXlsxParts({ vInfo: noCpus }, { strings: 'inline', refs: 'none' })]) {
      const out = await expectSame(file(bytes));
      expect(out).toEqual({ error: 'export.xlsx: sheet vInfo, row 1: missing column "CPUs" (vCPUs); also accepted: "vInfoCPUs", "NumCpu", "Num CPU"' });
    }
    await expectSame(file(zipStored(workbookParts({ vHost: sheets.vHost }).parts)));
    await expectSame(file(rvtoolsXlsxParts({ vInfo: [] as Sheet })));
    await expectSame(file(rvtoolsXlsxParts({ vInfo: [[null, null], [null, null]] as Sheet }, { empty: 'stub' })));
  });

  it('a header below empty rows, rows out of the usual order of parts, and a workbook of several vCenters', async () => {
    const sheets = rvtoolsSheets({ vms: 30 });
    const shifted = { ...sheets, vInfo: [[null], [], ...sheets.vInfo] as Sheet };
    await expectSame(file(rvtoolsXlsxParts(shifted, { empty: 'stub' })));
    const other = rvtoolsSheets({ vms: 30, seed: 5, server: 'vcenter02.example.net' });
    await expectSame([{ name: 'a.xlsx', bytes: rvtoolsXlsxParts(sheets) }, { name: 'b.xlsx', bytes: rvtoolsXlsx(other, { sharedStrings: true }) }, { name: 'c.xlsx', bytes: rvtoolsXlsxParts(sheets, { strings: 'inline' }) }]);
  });

  it('hands over to SheetJS, and says why, for what it does not read: error and date cells, CDATA, a comment in a row, relationships by position', async () => {
    const sheets = rvtoolsSheets({ vms: 12 });
    const { parts } = workbookParts(sheets);
    const vinfo = partOf(parts, 'vInfo');
    const edits: [string, (xml: string) => string][] = [
      ['error cell', (x) => x.replace(/<c r="E3"[^>]*><v>\d+<\/v><\/c>/, '<c r="E3" t="e"><v>#N/A</v></c>')],
      ['date cell', (x) => x.replace(/<c r="F4"[^>]*><v>\d+<\/v><\/c>/, '<c r="F4" t="d"><v>2026-01-01</v></c>')],
      ['CDATA', (x) => x.replace(/<c r="E5"([^>]*)><v>(\d+)<\/v>/, '<c r="E5"$1><v><![CDATA[$2]]></v>')],
      ['comment', (x) => x.replace('<row r="6"', '<!-- note --><row r="6"')],
      ['cell of another row', (x) => x.replace('<c r="B7"', '<c r="B8"')],
    ];
    for (const [what, edit] of edits) {
      const edited = { ...parts, [vinfo]: edit(parts[vinfo]) };
      expect(edited[vinfo], what).not.toBe(parts[vinfo]);
      await expectSame(file(zipStored(edited)), false);
    }
    // A sheet whose relationship is missing: SheetJS then takes the i-th sheet part; the streaming reader never reads by position.
    const rels = parts['xl/_rels/workbook.xml.rels'].replace('Id="rId1"', 'Id="rId99"');
    await expectSame(file(zipStored({ ...parts, 'xl/_rels/workbook.xml.rels': rels })), false);
  });

  it('bytes that are not UTF-8: in a column Hostfit reads, SheetJS reads the workbook; elsewhere they are ignored by both', async () => {
    const sheets = rvtoolsSheets({ vms: 12, extraColumns: 2 });
    const { parts } = workbookParts(sheets, { strings: 'str' });
    const vinfo = partOf(parts, 'vInfo');
    const withBytes = (marker: string) => {
      const [before, after] = parts[vinfo].split(marker);
      expect(after, marker).toBeDefined();
      const bytes = new TextEncoder().encode(`${before}${marker}`);
      const rest = new TextEncoder().encode(after);
      const out = new Uint8Array(bytes.length + 2 + rest.length);
      out.set(bytes); out.set([0xc3, 0x28], bytes.length); out.set(rest, bytes.length + 2); // 0xC3 0x28: an invalid 2-byte sequence
      return zipStored({ ...parts, [vinfo]: out });
    };
    await expectSame(file(withBytes('<c r="A3" t="str"><v>')), false); // the VM name
    await expectSame(file(withBytes('<c r="R3" t="str"><v>')), true); // "Extra column 2"
  });

  it('without DecompressionStream (an old platform) SheetJS reads the workbook, and the report says so', async () => {
    const bytes = rvtoolsXlsx(rvtoolsSheets({ vms: 10 }));
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      const out = await expectSame(file(bytes), false);
      expect('result' in out).toBe(true);
      const r = await importEstate('rvtools', file(bytes));
      expect(r.report.notes.join(' ')).toMatch(/does not handle a platform without DecompressionStream/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a shared string index SheetJS cannot resolve: the same error, not a crash', async () => {
    const sheets = rvtoolsSheets({ vms: 6 });
    const { parts } = workbookParts(sheets);
    const sheet = partOf(parts, 'vInfo');
    const broken = { ...parts, [sheet]: parts[sheet].replace(/(<c r="A3"[^>]*t="s"[^>]*><v>)\d+/, (_m, open: string) => `${open}9999`) };
    expect(broken[sheet]).not.toBe(parts[sheet]);
    const out = await expectSame(file(zipStored(broken)), false);
    expect(out).toEqual({ error: expect.stringMatching(/export\.xlsx: sheet v\w+: the sheet could not be read/) });
    // One rich-text item with an unclosed phonetic run (even one only vDisk uses): SheetJS then has no shared strings at all.
    const rich = workbookParts(sheets, { strings: 'rich' }).parts;
    const sst = rich['xl/sharedStrings.xml'].replace(/(<t>Capaci<\/t><\/r><r><t>ty MiB<\/t><\/r>)<rPh sb="0" eb="1"><t>ルビ<\/t><\/rPh>/, '$1<rPh sb="0" eb="1"/>');
    expect(sst).not.toBe(rich['xl/sharedStrings.xml']);
    expect(await expectSame(file(zipStored({ ...rich, 'xl/sharedStrings.xml': sst })), false)).toEqual({ error: expect.stringMatching(/the sheet could not be read/) });
  });

  it('reports progress while it streams a large sheet, and stops when cancelled', async () => {
    const bytes = rvtoolsXlsx(rvtoolsSheets({ vms: 8000, extraColumns: 20 }));
    const seen: ImportProgress[] = [];
    const r = await importEstate('rvtools', file(bytes), {}, (p) => seen.push(p));
    const parse = seen.filter((p) => p.phase === 'parse');
    expect(parse.length).toBeGreaterThanOrEqual(3); // start, at least one step inside the 10 MB sheet, end
    expect(parse.every((p, k) => k === 0 || p.done >= parse[k - 1].done)).toBe(true);
    expect(parse.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(r.report.counts.replicas).toBeGreaterThan(7000);
    const signal = { aborted: false };
    await expect(importEstate('rvtools', file(bytes), {}, (p) => { if (p.phase === 'parse' && p.done > 0) signal.aborted = true; }, signal)).rejects.toBeInstanceOf(ImportCancelled);
  }, 60_000);

  // HOSTFIT_XLSX_DIFF=N[,seed] runs N inputs (default 400, seed 2026).
  const [diffCount, diffSeed] = (process.env.HOSTFIT_XLSX_DIFF ?? '400,2026').split(',').map(Number);
  it(`mutated sheet XML (${diffCount} inputs): the readers agree on every one`, async () => {
    const sheets = trickySheets();
    const rand = mulberry32(diffSeed || 2026);
    const snippets = ['<v>', '</v>', '</c>', '<c r="C9">', '<c>', '<c/>', '&amp;', '&AMP;', '&#65;', '&#x41;', '&#X41;', '_x0041_', '_X00e9_', ' r="B2"', ' t="s"', ' t="str"', ' t="b"',
      ' t="e"', ' t="inlineStr"', '<is><t>x</t></is>', '<is><r><t>a</t></r><rPh><t>b</t></rPh></is>', '<![CDATA[1]]>', '<!-- c -->', 'x:', '\r\n', ' ', '\t', '/>', '"', "'", '>', '<',
      '<row>', '</row>', '<row r="3"/>', '9', '-', 'e', '.', 'é', '\u00a0', '<f>SUM(A1)</f>', '<f t="shared" si="0"/>', '<v/>', 's="1"', ' xr:uid="{1}"', ' R="A1"'];
    let streamed = 0;
    for (let k = 0; k < diffCount; k++) {
      const o: SheetXmlOptions = { strings: pick(rand, ['shared', 'rich', 'inline', 'str'] as const), refs: pick(rand, ['all', 'all', 'none', 'cells'] as const), empty: pick(rand, ['omit', 'stub', 'empty-v'] as const) };
      if (o.refs === 'none') o.empty = 'omit';
      const { parts } = workbookParts(sheets, o);
      const targets = Object.keys(parts).filter((p) => /worksheets|sharedStrings/.test(p));
      const mutated = { ...parts };
      for (let m = intBetween(rand, 1, 3); m > 0; m--) {
        const name = pick(rand, targets);
        const xml = mutated[name];
        const at = intBetween(rand, 0, xml.length);
        mutated[name] = rand() < 0.7 ? xml.slice(0, at) + pick(rand, snippets) + xml.slice(at) : xml.slice(0, at) + xml.slice(at + intBetween(rand, 1, 40));
      }
      const r = await both(file(zipStored(mutated)), { groupBy: 'none', powerStates: ['poweredOn', 'poweredOff', 'suspended'] });
      expect(r.stream, `input ${k}`).toEqual(r.sheetjs);
      if (r.fallback === null && 'result' in r.stream) streamed++;
    }
    expect(streamed).toBeGreaterThan(diffCount / 4); // many mutations are still read by the streaming reader
  }, 120_000 + diffCount * 400);
});
