// RVTools export → tables by sheet name. Either the xlsx workbook (SheetJS CE through @e965/xlsx, only the
// sheets Hostfit needs, dense mode; the zip directory is checked for a bomb first) or its CSV form, one
// `RVTools_tab<sheet>.csv` file per tab (papaparse; `;` separators and decimal commas of European locales).
import * as XLSX from '@e965/xlsx';
import { parseCsv, requireWidth } from '../csv';
import type { Progress } from '../progress';
import type { Reporter } from '../report';
import { normalise, type Cell, type Table } from '../table';
import { checkFileSize, fileText, isZip } from '../text';
import { ImportError, type ImportFile } from '../types';
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

async function workbookTables(file: ImportFile): Promise<Partial<Record<SheetName, Table>>> {
  checkFileSize(file);
  await verifyZip(file.name, file.bytes, checkZipBomb(file.name, file.bytes));
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(file.bytes, { type: 'array', dense: true, sheets: [...SHEETS], cellDates: false, cellHTML: false, cellText: false, cellFormula: false, cellStyles: false });
  } catch (e) {
    throw new ImportError({ file: file.name, where: '' }, `the workbook could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const out: Partial<Record<SheetName, Table>> = {};
  for (const sheetName of wb.SheetNames) {
    const name = SHEETS.find((s) => s.toLowerCase() === sheetName.toLowerCase());
    if (!name) continue;
    const ws = wb.Sheets[sheetName] as XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };
    const data = ws['!data'] ?? [];
    let headerRow = 0;
    while (headerRow < data.length && !(data[headerRow]?.some((c) => c && c.v !== undefined && c.v !== ''))) headerRow++;
    const head = (data[headerRow] ?? []).map((c) => (c && c.v !== undefined && c.v !== null ? String(c.v) : ''));
    const used = head.map((h, c) => (WANTED[name].has(normalise(h)) ? c : -1)).filter((c) => c >= 0);
    const rows: Cell[][] = [];
    const lines: number[] = [];
    for (let r = headerRow + 1; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const cells: Cell[] = new Array(head.length);
      let any = false;
      for (const c of used) {
        const v = row[c]?.v;
        cells[c] = v as Cell;
        if (v !== undefined && v !== null && v !== '') any = true;
      }
      if (!any) continue;
      rows.push(cells);
      lines.push(r + 1);
    }
    out[name] = { file: file.name, sheet: sheetName, header: head, rows, lines, decimalComma: false };
  }
  return out;
}

export interface RvtoolsTables {
  readonly tables: Partial<Record<SheetName, Table>>;
  readonly form: 'xlsx' | 'csv';
}

export async function readRvtools(files: readonly ImportFile[], reporter: Reporter, progress: Progress): Promise<RvtoolsTables> {
  const tables: Partial<Record<SheetName, Table>> = {};
  const workbooks = files.filter((f) => isZip(f.bytes) || /\.xlsx$/i.test(f.name));
  if (workbooks.length > 0) {
    for (const f of workbooks) {
      if (!isZip(f.bytes)) throw new ImportError({ file: f.name, where: '' }, 'not an xlsx workbook (no zip signature): the file is damaged, or another format renamed .xlsx');
      await progress.report({ phase: 'parse', done: 0, total: f.bytes.length, file: f.name });
      const t = await workbookTables(f);
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
