// Every CSV of the import pipeline goes through papaparse (in the caller's worker; never papaparse's own
// `worker: true`, which Vite 8 production builds break). This wrapper adds what the importers need on top: the
// source line of every record (quoted fields may span lines), the delimiter detected or given, a `#TYPE` line
// of Windows PowerShell's Export-Csv skipped, and malformed quoting reported at its line.
import Papa from 'papaparse';
import type { Progress } from './progress';
import type { Cell, Table } from './table';
import { ImportError } from './types';

export interface CsvOptions {
  /** Delimiter; default: detected among `,` `;` tab `|`. */
  readonly delimiter?: string;
  /** First record is the header (default true). */
  readonly header?: boolean;
  /** Trim spaces and tabs around fields (Bitbrains separates with `;\t`). Default true. */
  readonly trim?: boolean;
}

export interface CsvTable extends Table {
  readonly delimiter: string;
  /** A `#TYPE …` first line (PowerShell Export-Csv) was skipped. */
  readonly typeLine: boolean;
}

/** Decimal comma when a field like `12,5` appears and the delimiter is not a comma. */
function detectDecimalComma(rows: readonly (readonly Cell[])[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  for (let k = 0; k < Math.min(rows.length, 200); k++) {
    for (const c of rows[k]) if (typeof c === 'string' && /^-?\d+,\d+$/.test(c.trim())) return true;
  }
  return false;
}

export async function parseCsv(file: string, text: string, options: CsvOptions = {}, progress?: Progress): Promise<CsvTable> {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineOffset = 0;
  let typeLine = false;
  if (body.startsWith('#TYPE')) {
    const nl = body.indexOf('\n');
    body = nl < 0 ? '' : body.slice(nl + 1);
    lineOffset = 1;
    typeLine = true;
  }
  const trim = options.trim ?? true;
  const rows: Cell[][] = [];
  const lines: number[] = [];
  let pos = 0;
  let line = 1 + lineOffset;
  let fatal: ImportError | null = null;
  let detected = '';
  const advance = (to: number): void => {
    for (; pos < to && pos < body.length; pos++) if (body.charCodeAt(pos) === 10) line++;
  };
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step(r) {
      if (fatal) return;
      detected ||= r.meta.delimiter;
      // Skip the line breaks and blank lines before this record to find its first line.
      while (pos < body.length) {
        const c = body.charCodeAt(pos);
        if (c === 10) { line++; pos++; } else if (c === 13 || c === 32 || c === 9) pos++; else break;
      }
      const startLine = line;
      const quoteError = r.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        fatal = new ImportError({ file, where: `line ${startLine}` }, `malformed CSV: ${quoteError.message.toLowerCase()}`);
        return;
      }
      advance(r.meta.cursor);
      const fields = trim ? r.data.map((f) => f.trim()) : r.data;
      rows.push(fields);
      lines.push(startLine);
    },
  });
  if (fatal) throw fatal;
  if (progress) await progress.report({ phase: 'parse', done: body.length, total: body.length, file });
  const delimiter = options.delimiter || detected || ',';
  const header = options.header ?? true;
  if (header) {
    if (rows.length === 0) throw new ImportError({ file, where: 'line 1' }, 'the file is empty: expected a header line');
    const head = rows.shift()!.map((h) => String(h));
    lines.shift();
    return { file, header: head, rows, lines, decimalComma: detectDecimalComma(rows, delimiter), delimiter, typeLine };
  }
  return { file, header: [], rows, lines, decimalComma: detectDecimalComma(rows, delimiter), delimiter, typeLine };
}

/** Checks every row has at least `min` fields (a short row is bad input, named at its line). */
export function requireWidth(t: Table, min: number, what: string): void {
  for (let k = 0; k < t.rows.length; k++) {
    if (t.rows[k].length < min) {
      throw new ImportError({ file: t.file, where: t.sheet !== undefined ? `sheet ${t.sheet}, row ${t.lines[k]}` : `line ${t.lines[k]}` },
        `short row: ${t.rows[k].length} field${t.rows[k].length === 1 ? '' : 's'}, expected ${min} (${what})`);
    }
  }
}
