// RVTools export → tables by sheet name. Either the xlsx workbook (its needed sheets streamed out of the checked
// zip, core/import/xlsx; SheetJS CE through @e965/xlsx for what the streaming reader does not handle — the zip
// directory is checked for a bomb first) or its CSV form, one
// `RVTools_tab<sheet>.csv` file per tab (papaparse; `;` separators and decimal commas of European locales).
import * as XLSX from '@e965/xlsx';
import { parseCsv, requireWidth } from '../csv';
import type { Progress } from '../progress';
import type { Reporter } from '../report';
import { normalise, type Cell, type Table } from '../table';
import { checkFileSize, fileText, isZip } from '../text';
import { ImportError, type ImportFile } from '../types';
import { streamWorkbook, Unsupported, type RowSink } from '../xlsx/read';
import { checkZipBomb, verifyZip } from '../zip';
import { VCLUSTER, VHOST, VINFO, VMETADATA } from './columns';

export const SHEETS = ['vInfo', 'vHost', 'vCluster', 'vMetaData'] as const;
export type SheetName = (typeof SHEETS)[number];

/** `RVTools_tabvInfo.csv` → vInfo (also `vInfo.csv`). */
export function sheetOfCsv(name: string): SheetName | null {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /(?:^|tab)(vinfo|vhost|vcluster|vmetadata)\.csv$/i.exec(base);
  if (!m) return null;
  return SHEETS.find((s) => s.toLowerCase() === m[1].toLowerCase()) ?? null;
}

/** Headers Hostfit reads per sheet (normalised): other columns are not copied out of SheetJS's cells. */
const WANTED: Record<SheetName, Set<string>> = {
  vInfo: new Set(Object.values(VINFO).flatMap((c) => c.aliases).map(normalise)),
  vHost: new Set(Object.values(VHOST).flatMap((c) => c.aliases).map(normalise)),
  vCluster: new Set(Object.values(VCLUSTER).flatMap((c) => c.aliases).map(normalise)),
  vMetaData: new Set(Object.values(VMETADATA).flatMap((c) => c.aliases).map(normalise)),
};

/**
 * Rows of one sheet → a Table. The header is the first row with a value; the table keeps only the columns
 * Hostfit reads (their headers in sheet order, so finding a column by name gives the same one), and leaves out
 * rows without any of them. Both workbook readers feed it, so they build the same tables from the same values.
 */
class SheetTable implements RowSink {
  wantAll = true;
  wanted = new Uint8Array(0);
  private head: string[] | null = null;
  private used: number[] = [];
  private readonly rows: Cell[][] = [];
  private readonly lines: number[] = [];
  constructor(private readonly want: Set<string>) {}

  /** Row r (0-based) with its cells' values at their columns (holes where the row has no cell). */
  row(r: number, values: readonly (Cell | undefined)[]): void {
    if (this.head === null) {
      if (!values.some((v) => v !== undefined && v !== '')) return;
      const head = values.map((v) => (v !== undefined && v !== null ? String(v) : ''));
      this.used = head.map((h, c) => (this.want.has(normalise(h)) ? c : -1)).filter((c) => c >= 0);
      this.head = this.used.map((c) => head[c]);
      this.wanted = new Uint8Array(head.length);
      for (const c of this.used) this.wanted[c] = 1;
      this.wantAll = false;
      return;
    }
    const used = this.used;
    const cells: Cell[] = new Array(used.length);
    let any = false;
    for (let k = 0; k < used.length; k++) {
      const v = values[used[k]];
      cells[k] = v;
      if (v !== undefined && v !== null && v !== '') any = true;
    }
    if (!any) return;
    this.rows.push(cells);
    this.lines.push(r + 1);
  }

  table(file: string, sheet: string): Table {
    return { file, sheet, header: this.head ?? [], rows: this.rows, lines: this.lines, decimalComma: false };
  }
}

const sheetOf = (sheetName: string): SheetName | undefined => SHEETS.find((s) => s.toLowerCase() === sheetName.toLowerCase());

/** The workbook through SheetJS: every cell of the needed sheets parsed (the fallback, and `workbookReader: 'sheetjs'`). */
function sheetjsTables(file: ImportFile): Partial<Record<SheetName, Table>> {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(file.bytes, { type: 'array', dense: true, sheets: [...SHEETS], cellDates: false, cellHTML: false, cellText: false, cellFormula: false, cellStyles: false });
  } catch (e) {
    throw new ImportError({ file: file.name, where: '' }, `the workbook could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const out: Partial<Record<SheetName, Table>> = {};
  for (const sheetName of wb.SheetNames) {
    const name = sheetOf(sheetName);
    if (!name) continue;
    const ws = wb.Sheets[sheetName] as (XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] }) | undefined;
    // SheetJS leaves out a sheet it failed to parse (a shared string index beyond the table, …).
    if (!ws) throw new ImportError({ file: file.name, where: `sheet ${sheetName}` }, 'the sheet could not be read: its XML is damaged');
    const data = ws['!data'] ?? [];
    const t = new SheetTable(WANTED[name]);
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (row) t.row(r, row.map((c) => c?.v as Cell));
    }
    out[name] = t.table(file.name, sheetName);
  }
  return out;
}

/**
 * The workbook's needed sheets. The zip is checked first (a bomb or a damaged entry is refused before anything
 * parses it). By default the sheets are streamed out of the zip as it is checked, reading only the columns
 * Hostfit needs (core/import/xlsx: about 6× faster than SheetJS on a 10^5-VM export); anything the streaming
 * reader does not handle makes it give up, and SheetJS reads the workbook instead (`fallback` says why).
 */
async function workbookTables(file: ImportFile, reader: WorkbookReader, progress: Progress): Promise<{ tables: Partial<Record<SheetName, Table>>; fallback: string | null }> {
  checkFileSize(file);
  const entries = checkZipBomb(file.name, file.bytes);
  if (reader === 'sheetjs') {
    await verifyZip(file.name, file.bytes, entries);
    return { tables: sheetjsTables(file), fallback: null };
  }
  const sheets = new Map<SheetName, { sheetName: string; table: SheetTable }>();
  const streamed = await streamWorkbook(file.name, file.bytes, entries, {
    sink: (sheetName) => {
      const name = sheetOf(sheetName);
      if (!name) return null;
      if (sheets.has(name)) throw new Unsupported(`two sheets named ${name} (in any case)`);
      const table = new SheetTable(WANTED[name]);
      sheets.set(name, { sheetName, table });
      return table;
    },
    progress: (done, total) => progress.report({ phase: 'parse', done, total, file: file.name }),
  });
  if (!streamed.ok) return { tables: sheetjsTables(file), fallback: streamed.reason };
  const tables: Partial<Record<SheetName, Table>> = {};
  for (const [name, s] of sheets) tables[name] = s.table.table(file.name, s.sheetName);
  return { tables, fallback: null };
}

export interface RvtoolsTables {
  readonly tables: Partial<Record<SheetName, Table>>;
  readonly form: 'xlsx' | 'csv';
}

/** How RVTools workbooks are read: streamed with SheetJS as the fallback (default), or whole with SheetJS. */
export type WorkbookReader = 'auto' | 'sheetjs';

export async function readRvtools(files: readonly ImportFile[], reporter: Reporter, progress: Progress, reader: WorkbookReader = 'auto'): Promise<RvtoolsTables> {
  const tables: Partial<Record<SheetName, Table>> = {};
  const workbooks = files.filter((f) => isZip(f.bytes) || /\.xlsx$/i.test(f.name));
  if (workbooks.length > 0) {
    for (const f of workbooks) {
      if (!isZip(f.bytes)) throw new ImportError({ file: f.name, where: '' }, 'not an xlsx workbook (no zip signature): the file is damaged, or another format renamed .xlsx');
      await progress.report({ phase: 'parse', done: 0, total: f.bytes.length, file: f.name });
      const { tables: t, fallback } = await workbookTables(f, reader, progress);
      if (fallback) reporter.note(`${f.name} was read with SheetJS (the full reader, several times slower on large workbooks) because the streaming reader does not handle ${fallback}.`);
      const found = SHEETS.filter((s) => t[s]);
      reporter.file(f.name, f.bytes.length, `RVTools workbook (sheets ${found.join(', ') || 'none of vInfo, vHost, vCluster'})`,
        found.reduce((n, s) => n + t[s]!.rows.length, 0));
      for (const s of found) {
        if (tables[s]) mergeInto(tables, s, t[s]!);
        else tables[s] = t[s];
      }
      await progress.report({ phase: 'parse', done: f.bytes.length, total: f.bytes.length, file: f.name });
    }
    for (const f of files.filter((x) => !workbooks.includes(x))) reporter.note(`${f.name} ignored: a workbook was given, so CSV tabs are not read with it.`);
    return { tables, form: 'xlsx' };
  }
  for (const f of files) {
    const sheet = sheetOfCsv(f.name);
    if (!sheet) {
      reporter.note(`${f.name} ignored: not an RVTools tab Hostfit reads (RVTools_tabvInfo.csv, RVTools_tabvHost.csv, RVTools_tabvCluster.csv).`);
      continue;
    }
    const { text, encoding } = await fileText(f, true);
    const t = await parseCsv(f.name, text, {}, progress);
    requireWidth(t, t.header.length, `the header has ${t.header.length} columns`);
    const delim = t.delimiter === '\t' ? 'tab' : `"${t.delimiter}"`;
    reporter.file(f.name, f.bytes.length, `RVTools ${sheet} CSV (${delim}-separated${t.decimalComma ? ', decimal commas' : ''}${encoding !== 'utf-8' ? `, ${encoding}` : ''})`, t.rows.length);
    if (t.typeLine) reporter.note(`${f.name}: the "#TYPE" first line of PowerShell's Export-Csv was skipped.`);
    if (encoding === 'windows-1252') reporter.note(`${f.name} is not UTF-8: read as Windows-1252 (what Excel writes on Western European Windows).`);
    if (tables[sheet]) mergeInto(tables, sheet, t);
    else tables[sheet] = t;
  }
  return { tables, form: 'csv' };
}

/** Several exports of one sheet (one per vCenter) read as one table; each row keeps its own file. */
function mergeInto(tables: Partial<Record<SheetName, Table>>, sheet: SheetName, next: Table): void {
  const first = tables[sheet]!;
  const parts = (first as Table & { parts?: Table[] }).parts ?? [first];
  tables[sheet] = Object.assign(multiTable([...parts, next]), { parts: [...parts, next] });
}

/** A table made of several tables with possibly different column orders: rows re-ordered to the first header. */
function multiTable(parts: Table[]): Table {
  const header = [...parts[0].header];
  for (const p of parts.slice(1)) for (const h of p.header) if (!header.includes(h)) header.push(h);
  const rows: Cell[][] = [];
  const lines: number[] = [];
  const files: string[] = [];
  const sheets: (string | undefined)[] = [];
  const decimal: boolean[] = [];
  for (const p of parts) {
    const map = header.map((h) => p.header.indexOf(h));
    for (let k = 0; k < p.rows.length; k++) {
      rows.push(map.map((i) => (i < 0 ? null : p.rows[k][i])));
      lines.push(p.lines[k]);
      files.push(p.file);
      sheets.push(p.sheet);
      decimal.push(p.decimalComma);
    }
  }
  return { file: parts[0].file, sheet: parts[0].sheet, header, rows, lines, decimalComma: parts[0].decimalComma, files, sheets, decimals: decimal };
}
