// CSV as RFC 4180 defines it (fields separated by a delimiter, records by CRLF — LF and CR are accepted too;
// a field in double quotes may hold delimiters, line breaks and "" for a quote), plus tab-separated text as
// spreadsheets put it on the clipboard. Written here because no CSV library is installed; it reports
// malformed input by line instead of guessing.
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

/** The delimiter of the first line (outside quotes): tab, semicolon or comma, whichever occurs most; comma on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === QUOTE) quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Records of `text`; blank lines are skipped. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let fieldStarted = false; // the record has content (so a lone line break is a blank line, not an empty record)

  const endField = () => { fields.push(field); field = ''; };
  const endRecord = () => {
    endField();
    if (fieldStarted) records.push({ fields, line: recordLine });
    fields = [];
    fieldStarted = false;
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === QUOTE && field === '' ) {
      // Quoted field: runs to the next quote not followed by another quote.
      const startLine = line;
      fieldStarted = true;
      i++;
      let closed = false;
      while (i < src.length) {
        const c = src[i];
        if (c === QUOTE) {
          if (src[i + 1] === QUOTE) { field += QUOTE; i += 2; continue; }
          closed = true;
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (!closed) {
        errors.push({ line: startLine, message: 'a quoted field is never closed (missing ")' });
        endRecord();
        break;
      }
      // After the closing quote only a delimiter or a line break may follow.
      if (i < src.length && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') {
        errors.push({ line, message: `unexpected text after a closing quote: ${JSON.stringify(src.slice(i, i + 12))}` });
        while (i < src.length && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
      }
      continue;
    }
    if (ch === delimiter) {
      fieldStarted = true;
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (ch === QUOTE) errors.push({ line, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' });
      fieldStarted = true;
      field += ch;
      i++;
    }
  }
  if (fieldStarted || field !== '' || fields.length > 0) endRecord();
  return { records, errors, delimiter };
}

/** One field, quoted when it must be. */
export function csvField(value: string | number | boolean | null | undefined, delimiter = ','): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.includes(delimiter) || s.includes(QUOTE) || s.includes('\n') || s.includes('\r') || s !== s.trim()
    ? QUOTE + s.replaceAll(QUOTE, QUOTE + QUOTE) + QUOTE
    : s;
}

/** RFC 4180 text: CRLF between records and after the last. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[], delimiter = ','): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
