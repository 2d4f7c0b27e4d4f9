// A table read from a sheet or a CSV file: header, rows of cells, and for every row the line (CSV) or
// spreadsheet row (xlsx) it came from, so any value can be traced back. Cells are read by header name.
import type { SourceLocation } from './types';

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  readonly file: string;
  /** Sheet name for workbooks; undefined for CSV. */
  readonly sheet?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Line (CSV, 1-based) or spreadsheet row (xlsx, 1-based) of rows[k]. */
  readonly lines: ArrayLike<number>;
  /** Numbers in this table's text use a decimal comma (CSV saved on a European locale). */
  readonly decimalComma: boolean;
  /** Tables merged from several files (one export per vCenter): file, sheet and decimal convention per row. */
  readonly files?: readonly string[];
  readonly sheets?: readonly (string | undefined)[];
  readonly decimals?: readonly boolean[];
}

/** The decimal convention of row k. */
export const decimalAt = (t: Table, k: number): boolean => t.decimals?.[k] ?? t.decimalComma;

/** Where row k (and optionally one of its columns) is. */
export function rowAt(t: Table, k: number, column?: string): SourceLocation {
  const sheet = t.sheets ? t.sheets[k] : t.sheet;
  const row = sheet !== undefined ? `sheet ${sheet}, row ${t.lines[k]}` : `line ${t.lines[k]}`;
  return { file: t.files?.[k] ?? t.file, where: column === undefined ? row : `${row}, column "${column}"` };
}

/** Where the header is. */
export function headerAt(t: Table): SourceLocation {
  return { file: t.file, where: t.sheet !== undefined ? `sheet ${t.sheet}, row 1` : 'line 1' };
}

export const normalise = (h: string): string => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** Index of the first header matching one of `aliases` (case- and space-insensitive), or -1. */
export function column(t: Table, aliases: readonly string[]): number {
  const wanted = aliases.map(normalise);
  const header = t.header.map((h) => normalise(String(h ?? '')));
  for (const a of wanted) {
    const i = header.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}

const NBSP = /[\u00a0\u202f\u2009' ]/g;

/**
 * A cell as a number: typed numbers as they are; text in either convention (`1234.5`, `1,234.5`, or with
 * `decimalComma` `1234,5` / `1.234,5`), a trailing `%` dropped. Empty or non-numeric → null.
 */
export function numberOf(cell: Cell, decimalComma: boolean): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let s = cell.trim().replace(/%$/, '').trim().replace(NBSP, '');
  if (s === '') return null;
  const hasComma = s.includes(','), hasDot = s.includes('.');
  if (hasComma && hasDot) {
    // The later separator is the decimal one.
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (hasComma) {
    s = decimalComma || !/^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(',', '.') : s.replace(/,/g, '');
  } else if (hasDot && decimalComma && /^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** A cell as text (trimmed; numbers and booleans as written). */
export function textOf(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** A cell as a boolean: True/False, yes/no, 1/0 in any case (RVTools writes True/False; locales vary). */
export function boolOf(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell !== 0;
  const s = textOf(cell).toLowerCase();
  if (['true', 'yes', 'y', '1', 'wahr', 'ja', 'vrai', 'oui', 'verdadero', 'sí', 'si', 'vero'].includes(s)) return true;
  if (['false', 'no', 'n', '0', 'falsch', 'nein', 'faux', 'non', 'falso'].includes(s)) return false;
  return null;
}
