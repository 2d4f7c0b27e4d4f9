// CSV for the whole project, read and written by papaparse (RFC 4180: fields separated by a delimiter, records
// by CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks and "" for a quote), plus
// tab-separated text as spreadsheets put it on the clipboard. Papaparse runs synchronously on a string here —
// in the caller's thread, which for large files is our own module worker — never with its `worker: true`
// option (broken in Vite 8 production builds, mholt/PapaParse#1122). This module adds what planners need on
// top: the line each record starts on, and malformed input reported by line instead of guessed at.
import Papa from 'papaparse';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** 1-based line on which the record starts. */
  readonly line: number;
}

export interface CsvError {
  readonly line: number;
  readonly message: string;
}

export interface CsvParse {
  readonly records: readonly CsvRecord[];
  readonly errors: readonly CsvError[];
  readonly delimiter: string;
}

const QUOTE = '"';
const DELIMITERS = [',', '\t', ';', '|'];

/** Papaparse's error codes in the planner's words. */
const MESSAGES: Readonly<Record<string, string>> = {
  MissingQuotes: 'a quoted field is never closed (missing ")',
  InvalidQuotes: 'unexpected text after a closing quote (quote the whole field and double the quote)',
};
const STRAY_QUOTE = 'a quote inside an unquoted field (quote the whole field and double the quote)';

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The delimiter of `text` (tab, semicolon, pipe or comma) as papaparse guesses it from the first records; comma when in doubt. */
export function detectDelimiter(text: string): string {
  const guessed = Papa.parse<string[]>(stripBom(text), { preview: 10, delimitersToGuess: DELIMITERS }).meta.delimiter;
  return DELIMITERS.includes(guessed) ? guessed : ',';
}

/**
 * One line-break convention for papaparse (which takes the first it sees): CRLF and CR between records become
 * LF; line breaks inside quoted fields stay as they are.
 */
function unifyLineBreaks(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(/"(?:[^"]|"")*"|\r\n?/g, (m) => (m.charCodeAt(0) === 0x22 ? m : '\n'));
}

/** Counts lines (CRLF, LF or a lone CR each end one) as a cursor moves forward through the text. */
function lineCounter(text: string) {
  let at = 0;
  let line = 1;
  return (offset: number): number => {
    for (; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) line++;
    }
    return line;
  };
}

/** Whether a field that holds a quote was written unquoted in `raw`, the record's source text. */
const unquotedQuote = (raw: string, field: string) =>
  field.includes(QUOTE) && !raw.includes(QUOTE + field.replaceAll(QUOTE, QUOTE + QUOTE) + QUOTE);

/** Records of `text`; blank lines are skipped. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParse {
  const src = unifyLineBreaks(stripBom(text));
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  const lineAt = lineCounter(src);
  let from = 0; // where the current record's text starts
  Papa.parse<string[]>(src, {
    delimiter,
    newline: '\n',
    quoteChar: QUOTE,
    escapeChar: QUOTE,
    step(row) {
      const fields = row.data;
      const to = row.meta.cursor;
      // A blank line arrives as one empty field: skip it (with the line breaks before the next record).
      if (fields.length === 1 && fields[0] === '' && row.errors.length === 0) {
        from = to;
        return;
      }
      let start = from;
      while (src.charCodeAt(start) === 0x0a) start++;
      const line = lineAt(start);
      const raw = src.slice(start, to);
      from = to;
      records.push({ fields, line });
      const problem = row.errors.find((e) => e.type === 'Quotes');
      if (problem) errors.push({ line, message: MESSAGES[problem.code] ?? problem.message });
      else if (fields.some((f) => unquotedQuote(raw, f))) errors.push({ line, message: STRAY_QUOTE });
    },
  });
  return { records, errors, delimiter };
}

/** Quotes every field with a leading or trailing space or tab, as well as those papaparse quotes itself. */
const quotePadded = (value: unknown) => typeof value === 'string' && value !== value.trim();

export type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted when it must be. */
export function csvField(value: CsvValue, delimiter = ','): string {
  return toCsv([[value]], delimiter, '\n').slice(0, -1);
}

/**
 * RFC 4180 text: CRLF between records and after the last (files); `newline` '\n' for a terminal. Null and
 * undefined are empty fields.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], delimiter = ',', newline: '\r\n' | '\n' = '\r\n'): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))), {
    delimiter, newline, quoteChar: QUOTE, escapeChar: QUOTE, quotes: quotePadded, header: false,
  });
  return text + newline;
}
