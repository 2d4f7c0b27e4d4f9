// A streaming reader of one worksheet part's <sheetData>: it takes the part's inflated bytes chunk by chunk (as
// the zip check inflates them) and hands over each row's cell values as soon as the row is complete, reading
// only the columns its consumer wants (every column until the header row is found). It gives exactly the values
// SheetJS's parse_ws_xml_data gives (dense mode, no formulas, no dates, no stubs), for the grammar it knows:
//
//   <sheetData> ( <row …/>* <row …> ( <c …/> | <c …> ( <v>text</v> | <f …>text</f> | <f …/> | <is>…</is> )* </c> )* </row> )* </sheetData>
//
// with cell types n (or none), s (shared string), str, inlineStr and b; cell references r="AB12" (or none:
// the next column, as SheetJS counts); rows in increasing order (r="…", or none: the next row). Anything else —
// t="e" / t="d" / unknown types in a column the consumer reads, comments, CDATA or markup inside <v>, a cell whose
// reference lies in another row, a shared string index SheetJS could not resolve, a value read that is not UTF-8 —
// stops the reader with Unsupported, and the caller reads the workbook with SheetJS instead.
//
// Why a hand-written scanner rather than an XML library: the values must be SheetJS's, not the XML
// specification's (SheetJS does not normalise CRLF in <v> text, decodes `_xHHHH_` escapes, matches entity names
// case-insensitively, double-unescapes t="str" text, takes the first <t> of a plain string), so a conforming
// parser's output would need SheetJS's rules re-applied anyway; and general parsers are far slower on this input.
// Measured on the 135 MB vInfo part of the 10^5-VM benchmark workbook (CPU time, shared 2-core machine):
// saxes 6.0.0 emitting its events alone (no values) 4.2 s; fast-xml-parser 5.12.1 building the document 48 s;
// this scanner, values included, 0.8 s. It walks the markup byte by byte over regions (~1 MiB) of whole rows —
// typed-array reads are about twice as fast as charCodeAt on a string — and slices only the values of the ~15
// columns Hostfit reads out of the region's Latin-1 text (one character per byte, so positions agree), UTF-8-
// decoding the few values with other bytes (bytes that are not UTF-8 there: Unsupported). Like SheetJS, it
// never decodes the cells it does not read.
import { plainText, stringItemText, unescapeXml, unescapeXmlAsciiOnly } from './sheetjs-text';
import { Unsupported } from './unsupported';

export type CellValue = string | number | boolean;

/** Receives a sheet's rows. */
export interface RowSink {
  /** Every column of the next rows is wanted (before the header row is known). */
  readonly wantAll: boolean;
  /** wanted[c] === 1: column c (0-based) is wanted (when not wantAll). */
  readonly wanted: Uint8Array;
  /**
   * Row `r` (0-based, strictly increasing) with the values of its cells at their columns (holes elsewhere), as
   * SheetJS stores them; only rows with at least one wanted cell are handed over.
   */
  row(r: number, values: CellValue[]): void;
}

type Decoder = { decode(b?: Uint8Array, o?: { stream: boolean }): string };
const TextDecoderCtor = (globalThis as unknown as { TextDecoder: new (label: string, o: { fatal: boolean }) => Decoder }).TextDecoder;

const REGION_BYTES = 1024 * 1024; // bytes decoded and parsed at once (whole rows)
const MAX_PENDING = 64 * 1024 * 1024; // bytes of one row (an RVTools row is a few kB) or of the prolog
const NOT_STORED = Symbol('not stored');
type Phase = 'prolog' | 'rows' | 'done';
const T_NONE = 0, T_N = 1, T_S = 2, T_STR = 3, T_INLINE = 4, T_B = 5, T_E = 6, T_D = 7, T_OTHER = 8;
const NON_ASCII = /[^\x00-\x7f]/;
// In an inline string: what would end SheetJS's cell (a new <c), its <is> or the row early.
const INLINE_SPLIT = /<(?:\w+:)?c[ />]|<\/(?:\w+:)?(?:is|row)>/;
const REF_IN_TEXT = /r=["']/;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

const encodeAscii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Index of the last occurrence of `pat` in b[from, to), or -1. */
function lastIndexOf(b: Uint8Array, pat: Uint8Array, from: number, to: number): number {
  const last = pat[pat.length - 1];
  outer: for (let i = to - 1; i >= from + pat.length - 1; i--) {
    if (b[i] !== last) continue;
    const s = i - pat.length + 1;
    for (let k = 0; k < pat.length - 1; k++) if (b[s + k] !== pat[k]) continue outer;
    return s;
  }
  return -1;
}

const SHEET_DATA = encodeAscii('sheetData');
const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * SheetJS's match of /<(?:\w+:)?sheetData\b[^<>]*>/ in b[from, to): the prefix ("" or "x:"), the position after
 * the tag and whether it closes itself; null if not (yet) there.
 */
function findSheetData(b: Uint8Array, lower: number, from: number, to: number): { prefix: string; end: number; selfClosing: boolean } | null {
  for (let i = from; i + SHEET_DATA.length < to; i++) {
    let k = 0;
    while (k < SHEET_DATA.length && b[i + k] === SHEET_DATA[k]) k++;
    if (k < SHEET_DATA.length || isWord(b[i + k])) continue;
    let lt = i - 1;
    let prefix = '';
    if (b[lt] === 58) { // ':' — a prefix of word characters
      let w = lt - 1;
      while (w >= lower && isWord(b[w])) w--;
      if (w === lt - 1) continue;
      prefix = String.fromCharCode(...b.subarray(w + 1, lt + 1));
      lt = w;
    }
    if (lt < lower || b[lt] !== 60) continue;
    let e = i + k;
    while (e < to && b[e] !== 62 && b[e] !== 60) e++;
    if (e >= to) return null;
    if (b[e] === 60) continue;
    return { prefix, end: e + 1, selfClosing: b[e - 1] === 47 };
  }
  return null;
}

/** The attribute keys SheetJS's parsexmltag files a name under (prefix dropped, cut at "_", lower case too). */
function sheetjsKeys(name: string): string[] {
  const colon = name.indexOf(':');
  let k = colon < 0 ? name : (colon === 5 && name.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + name.slice(colon + 1);
  if (colon < 0 && k.indexOf('_') > 0) k = k.slice(0, k.indexOf('_'));
  return [k, k.toLowerCase()];
}

export class SheetStream {
  /** Why the reader stopped (the caller then reads with SheetJS), or null. */
  failure: string | null = null;
  private readonly decoder = new TextDecoderCtor('utf-8', { fatal: true });
  private readonly latin1 = new TextDecoderCtor('latin1', { fatal: false });
  /** Bytes received and not yet parsed: bytes[start, len). */
  private bytes = new Uint8Array(REGION_BYTES * 2);
  private start = 0;
  private len = 0;
  private phase: Phase = 'prolog';
  private scanFrom = 0;
  private pfx = '';
  private closeRowBytes = encodeAscii('</row>');
  // Markup of this sheet (with the namespace prefix of its <sheetData>, usually none).
  private openRow = '<row';
  private rowName = 'row';
  private closeRow = '</row>';
  private closeData = '</sheetData>';
  private openC = '<c';
  private closeC = '</c>';
  private nameV = 'v';
  private nameF = 'f';
  private nameIs = 'is';
  private closeV = '</v>';
  private closeF = '</f>';
  private closeIs = '</is>';
  /**
   * The region being parsed (whole rows): its bytes, and the same bytes as Latin-1 text (one character per byte,
   * so positions agree) to slice ASCII values from; values with other bytes are UTF-8-decoded (text()).
   */
  private b = new Uint8Array(0);
  private buf = '';
  /** SheetJS's row counter (1-based): the row's r, or the previous row + 1. */
  private tagr = 0;
  private lastRow = 0;
  // Attributes of the tag read last (tag()): positions in buf.
  private rStart = -1;
  private rEnd = -1;
  private rAt = -1;
  private tStart = -1;
  private tEnd = -1;
  private odd = false;
  private selfClosed = false;

  constructor(private readonly sheet: string, private readonly sst: readonly (string | undefined)[], private readonly sink: RowSink) {}

  /** The next chunk of the part's bytes. */
  push(chunk: Uint8Array): void {
    if (this.failure !== null || this.phase === 'done') return;
    this.append(chunk);
    if (this.len - this.start >= REGION_BYTES) this.guarded(false);
  }

  /** The part ended. */
  end(): void {
    if (this.failure !== null || this.phase === 'done') return;
    this.guarded(true);
    const phase = this.phase as Phase;
    if (this.failure === null && phase !== 'done') {
      this.failure = `sheet ${this.sheet}: ${phase === 'prolog' ? 'no <sheetData> element' : 'the XML ends inside <sheetData>'}`;
    }
    this.bytes = new Uint8Array(0);
  }

  private guarded(final: boolean): void {
    try {
      this.process(final);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      this.failure = e.reason;
      this.bytes = new Uint8Array(0);
      this.b = new Uint8Array(0);
      this.buf = '';
    }
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.bytes.length) {
      const pending = this.len - this.start;
      if (pending + chunk.length <= this.bytes.length) this.bytes.copyWithin(0, this.start, this.len);
      else {
        const next = new Uint8Array(Math.max(this.bytes.length * 2, pending + chunk.length));
        next.set(this.bytes.subarray(this.start, this.len));
        this.bytes = next;
      }
      this.scanFrom = Math.max(0, this.scanFrom - this.start);
      this.start = 0;
      this.len = pending;
    }
    this.bytes.set(chunk, this.len);
    this.len += chunk.length;
  }

  private fail(row: number, what: string): never {
    throw new Unsupported(`sheet ${this.sheet}${row > 0 ? `, row ${row}` : ''}: ${what}`);
  }

  /** Parses what arrived: the prolog up to <sheetData>, then every complete row (all rows when final). */
  private process(final: boolean): void {
    const b = this.bytes;
    if (this.phase === 'prolog') {
      const at = findSheetData(b, this.start, this.scanFrom, this.len);
      if (at === null) {
        if (this.len - this.start > MAX_PENDING) this.fail(0, `no <sheetData> in its first ${MAX_PENDING >> 20} MiB`);
        this.scanFrom = Math.max(this.start, this.len - 1024);
        return;
      }
      if (at.selfClosing) this.fail(0, 'an empty <sheetData/>');
      const p = at.prefix;
      this.pfx = p;
      this.openRow = `<${p}row`; this.rowName = `${p}row`; this.closeRow = `</${p}row>`; this.closeData = `</${p}sheetData>`;
      this.openC = `<${p}c`; this.closeC = `</${p}c>`;
      this.nameV = `${p}v`; this.nameF = `${p}f`; this.nameIs = `${p}is`;
      this.closeV = `</${p}v>`; this.closeF = `</${p}f>`; this.closeIs = `</${p}is>`;
      this.closeRowBytes = encodeAscii(this.closeRow);
      this.start = at.end;
      this.phase = 'rows';
    }
    // A region of whole rows: up to the last </row> received (everything when final), decoded at once.
    let cut = this.len;
    if (!final) {
      cut = lastIndexOf(b, this.closeRowBytes, this.start, this.len);
      if (cut < 0) {
        if (this.len - this.start > MAX_PENDING) this.fail(this.tagr + 1, `a row of more than ${MAX_PENDING >> 20} MiB of XML`);
        return;
      }
      cut += this.closeRowBytes.length;
    }
    this.b = b.subarray(this.start, cut);
    this.buf = this.latin1.decode(this.b);
    this.start = cut;
    this.rows(final);
    this.b = new Uint8Array(0);
    this.buf = '';
  }

  /** Whether `pat` is at position p of the region. */
  private at(p: number, pat: string): boolean {
    const b = this.b;
    for (let k = 0; k < pat.length; k++) if (b[p + k] !== pat.charCodeAt(k)) return false;
    return true;
  }

  /** An element name (`name` includes the prefix) at `p`, followed by '>', '/' or white space. */
  private isElement(p: number, name: string): boolean {
    if (!this.at(p, name)) return false;
    const c = this.b[p + name.length];
    return c === 62 || c === 47 || isSpace(c);
  }

  /** Position of the next byte `ch` from p, or -1. */
  private find(p: number, ch: number): number {
    const b = this.b, n = b.length;
    while (p < n && b[p] !== ch) p++;
    return p < n ? p : -1;
  }

  /** The text of region bytes [a, e): sliced when ASCII, else UTF-8-decoded (not UTF-8: Unsupported). */
  private text(a: number, e: number): string {
    const b = this.b;
    for (let i = a; i < e; i++) {
      if (b[i] > 127) {
        try {
          return this.decoder.decode(b.subarray(a, e));
        } catch {
          return this.fail(this.tagr, 'text that is not valid UTF-8');
        }
      }
    }
    return this.buf.slice(a, e);
  }

  /** The rows of the decoded region: whole rows, then (at the end of the part) </sheetData>. */
  private rows(final: boolean): void {
    const b = this.b, n = b.length, buf = this.buf;
    let p = 0;
    for (;;) {
      while (p < n && isSpace(b[p])) p++;
      if (p >= n) {
        if (final) this.fail(0, 'the XML ends inside <sheetData>');
        return;
      }
      if (this.at(p, this.closeData)) {
        this.phase = 'done';
        return;
      }
      if (b[p] !== 60 || !this.isElement(p + 1, this.rowName)) this.fail(this.tagr + 1, `unexpected markup where a <row> starts (${buf.slice(p, p + 30)})`);
      const gt = this.tag(p + this.openRow.length, this.tagr + 1);
      // Empty rows (<row …/>): SheetJS skips them without counting them.
      p = this.selfClosed ? gt + 1 : this.row(gt + 1);
    }
  }

  /**
   * Reads a start tag's attributes from `from` (just after its name) to its end, the first '>' (where SheetJS
   * ends a tag too); returns the position of that '>' and sets selfClosed. Records the r and t values'
   * positions (rStart/rEnd, tStart/tEnd; -1 when absent) and `odd` when another attribute, or a value, might
   * hold text SheetJS could take for the reference (its regex finds the first `r="` of the cell's text). Only
   * `name="value"` and `name='value'` separated by white space are accepted (what parsexmltag reads the same
   * way); nothing is sliced out of the text on the common path.
   */
  private tag(from: number, row: number): number {
    const b = this.b, n = b.length, buf = this.buf;
    this.rStart = -1; this.tStart = -1; this.odd = false;
    let p = from;
    let spaced = false;
    for (;;) {
      let c = b[p];
      if (c === 32 || c === 10 || c === 13 || c === 9) { p++; spaced = true; continue; }
      if (c === 62) { this.selfClosed = false; return p; }
      if (c === 47 && b[p + 1] === 62) { this.selfClosed = true; return p + 1; }
      if (p >= n) this.fail(row, 'a tag that does not end');
      if (!spaced) this.fail(row, `a tag it cannot read (${buf.slice(from - 3, from + 37)})`);
      const nameStart = p;
      while (p < n && c !== 61 && c !== 32 && c !== 34 && c !== 39 && c !== 62 && c !== 60 && c !== 47 && c !== 10 && c !== 13 && c !== 9) c = b[++p];
      if (c !== 61 || p === nameStart) this.fail(row, `a tag attribute it cannot read (${buf.slice(nameStart, nameStart + 40)})`);
      const oneChar = p === nameStart + 1 ? b[nameStart] : 0;
      const q = b[++p];
      if (q !== 34 && q !== 39) this.fail(row, `an unquoted attribute ${buf.slice(nameStart, p - 1)}`);
      let close = p + 1;
      let eq = false;
      for (c = b[close]; c !== q; c = b[++close]) {
        // '>' would end the tag for SheetJS; '<' is not XML; '=' may read as part of a reference.
        if (c === 62 || c === 60 || close >= n) this.fail(row, `an attribute value it cannot read (${buf.slice(nameStart, nameStart + 40)})`);
        if (c === 61) eq = true;
      }
      if (oneChar === 114) { // r
        if (this.rStart >= 0) this.fail(row, 'two r attributes');
        this.rStart = p + 1; this.rEnd = close; this.rAt = nameStart;
      } else if (oneChar === 116) { // t
        if (this.tStart >= 0) this.fail(row, 'two t attributes');
        this.tStart = p + 1; this.tEnd = close;
      } else {
        if (oneChar !== 115) { // not s
          const name = buf.slice(nameStart, p - 1);
          if (!/^[A-Za-z_][\w.:-]*$/.test(name)) this.fail(row, `an attribute name ${name}`);
          const keys = sheetjsKeys(name);
          if (keys.includes('r') || keys.includes('t')) this.fail(row, `an attribute ${name} that SheetJS reads as ${keys[0]}`);
          if (name.endsWith('r')) this.odd = true;
        }
        if (eq) this.odd = true;
      }
      p = close + 1;
      spaced = false;
    }
  }

  /** The cell type of the t attribute just parsed. */
  private typeCode(): number {
    const s = this.tStart;
    if (s < 0) return T_NONE;
    const len = this.tEnd - s;
    const b = this.b;
    if (len === 0) return T_N; // t="" is a number for SheetJS too
    if (len === 1) {
      switch (b[s]) {
        case 110: return T_N;
        case 115: return T_S;
        case 98: return T_B;
        case 101: return T_E;
        case 100: return T_D;
      }
      return T_OTHER;
    }
    if (len === 3 && this.at(s, 'str')) return T_STR;
    if (len === 9 && this.at(s, 'inlineStr')) return T_INLINE;
    return T_OTHER;
  }

  /** The cells of a row whose start tag was just parsed, from p to its </row>; the position after it. */
  private row(p: number): number {
    const b = this.b, n = b.length, buf = this.buf;
    let tagr: number;
    if (this.rStart < 0) tagr = this.tagr + 1;
    else {
      const r = buf.slice(this.rStart, this.rEnd);
      if (!/^\d{1,7}$/.test(r)) this.fail(this.tagr + 1, `a row number r="${r}"`);
      tagr = parseInt(r, 10);
    }
    if (tagr <= this.lastRow || tagr < 1 || tagr > 1048576) this.fail(tagr, `rows out of order (row ${tagr} after row ${this.lastRow})`);
    this.tagr = tagr;
    this.lastRow = tagr;
    const sink = this.sink;
    const wantAll = sink.wantAll, wanted = sink.wanted;
    const values: CellValue[] = [];
    let stored = false;
    let tagc = -1;
    const openC = this.openC, closeC = this.closeC, closeRow = this.closeRow, nameV = this.nameV, closeV = this.closeV;
    // The common case, no namespace prefix: the markup is compared character by character, inline.
    const plain = this.pfx === '';
    for (;;) {
      while (p < n && isSpace(b[p])) p++;
      if (p >= n) this.fail(tagr, 'a row that does not end');
      if (b[p + 1] === 47 && (plain ? b[p + 2] === 114 && b[p + 3] === 111 && b[p + 4] === 119 && b[p + 5] === 62 : this.at(p, closeRow))) {
        p += closeRow.length;
        break;
      }
      const cellStart = p;
      if (!(plain ? b[p] === 60 && b[p + 1] === 99 : this.at(p, openC))) this.fail(tagr, `unexpected markup in a row (${buf.slice(p, p + 30)})`);
      let q = p + openC.length;
      const after = b[q];
      // SheetJS splits a row's cells at /<(?:\w+:)?c[ \/>]/: a tab or newline after <c would not split.
      if (after !== 32 && after !== 47 && after !== 62) this.fail(tagr, `unexpected markup in a row (${buf.slice(p, p + 30)})`);
      const gt = this.tag(q, tagr);
      const self = this.selfClosed;
      const rStart = this.rStart, rEnd = this.rEnd;
      const type = this.typeCode();
      let vStart = -1, vEnd = -1;
      let isRaw: string | undefined;
      q = gt + 1;
      if (!self) {
        for (;;) {
          if (b[q] !== 60) {
            while (q < n && isSpace(b[q])) q++;
            if (q >= n || b[q] !== 60) this.fail(tagr, 'text or a truncated element in a cell');
          }
          const c1 = b[q + 1];
          if (c1 === 47 && (plain ? b[q + 2] === 99 && b[q + 3] === 62 : this.at(q, closeC))) { q += closeC.length; break; }
          if (plain ? c1 === 118 && b[q + 2] === 62 || c1 === 118 && this.isElement(q + 1, nameV) : this.isElement(q + 1, nameV)) {
            if (vStart >= 0) this.fail(tagr, 'two <v> in a cell');
            const nameEnd = q + 1 + nameV.length;
            const tagEnd = b[nameEnd] === 62 ? nameEnd : this.find(nameEnd, 62);
            if (tagEnd < 0) this.fail(tagr, 'a <v> tag that does not end');
            if (b[tagEnd - 1] === 47) this.fail(tagr, 'an empty <v/>');
            const lt = this.find(tagEnd + 1, 60);
            if (lt < 0 || !(plain ? b[lt + 1] === 47 && b[lt + 2] === 118 && b[lt + 3] === 62 : this.at(lt, closeV))) this.fail(tagr, 'markup, CDATA or a comment inside <v>');
            vStart = tagEnd + 1; vEnd = lt;
            q = lt + closeV.length;
          } else if (this.isElement(q + 1, this.nameF)) {
            const tagEnd = this.find(q, 62);
            if (tagEnd < 0) this.fail(tagr, 'an <f> tag that does not end');
            if (b[tagEnd - 1] === 47) q = tagEnd + 1;
            else {
              const lt = this.find(tagEnd + 1, 60);
              if (lt < 0 || !this.at(lt, this.closeF)) this.fail(tagr, 'markup inside <f>');
              q = lt + this.closeF.length;
            }
          } else if (this.isElement(q + 1, this.nameIs)) {
            if (isRaw !== undefined) this.fail(tagr, 'two <is> in a cell');
            const tagEnd = this.find(q, 62);
            if (tagEnd < 0) this.fail(tagr, 'an <is> tag that does not end');
            if (b[tagEnd - 1] === 47) this.fail(tagr, 'an empty <is/>');
            const close = buf.indexOf(this.closeIs, tagEnd + 1);
            if (close < 0) this.fail(tagr, 'an unclosed <is>');
            isRaw = this.text(tagEnd + 1, close);
            if (INLINE_SPLIT.test(isRaw)) this.fail(tagr, 'cell, row or inline-string markup inside <is>');
            q = close + this.closeIs.length;
          } else {
            this.fail(tagr, `an element in a cell it does not know (${buf.slice(q, q + 20)})`);
          }
        }
      }
      p = q;
      // Where SheetJS puts the cell: the column of its reference (whose row must be this row), else the next column.
      let col: number;
      if (rStart >= 0) {
        let k = rStart;
        col = 0;
        while (k < rEnd) {
          const ch = b[k];
          if (ch < 65 || ch > 90) break;
          col = col * 26 + ch - 64;
          k++;
        }
        let rowNum = 0;
        const digits = rEnd - k;
        if (k === rStart || k - rStart > 3 || digits < 1 || digits > 7 || b[k] === 48) this.fail(tagr, `a cell reference r="${buf.slice(rStart, rEnd)}"`);
        for (; k < rEnd; k++) {
          const ch = b[k] - 48;
          if (ch < 0 || ch > 9) this.fail(tagr, `a cell reference r="${buf.slice(rStart, rEnd)}"`);
          rowNum = rowNum * 10 + ch;
        }
        col -= 1;
        if (col > 16383) this.fail(tagr, `a cell reference r="${buf.slice(rStart, rEnd)}"`);
        if (rowNum !== tagr) this.fail(tagr, `cell ${buf.slice(rStart, rEnd)} inside row ${tagr}`);
        // SheetJS takes the first r="…" of the cell's text as its reference: make sure that is this attribute.
        if (this.odd && cellStart + buf.slice(cellStart, gt).search(REF_IN_TEXT) !== this.rAt) this.fail(tagr, `cell ${buf.slice(rStart, rEnd)}: text before its r attribute that SheetJS would take for the reference`);
      } else {
        if (REF_IN_TEXT.test(buf.slice(cellStart, p))) this.fail(tagr, 'a cell without r="…" whose text holds r="');
        col = tagc + 1;
      }
      tagc = col;
      if (!(wantAll || (col < wanted.length && wanted[col] === 1))) {
        // SheetJS resolves every shared string, wanted or not: one it cannot resolve makes it drop the sheet.
        if (type === T_S && vEnd > vStart) this.sharedString(vStart, vEnd, tagr, col);
        continue;
      }
      const v = this.value(type, vStart, vEnd, isRaw, tagr, col);
      if (v === NOT_STORED) continue;
      values[col] = v;
      stored = true;
    }
    if (stored) sink.row(tagr - 1, values);
    return p;
  }

  private where(row: number, col: number): string {
    let name = '';
    for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
    return `${name}${row}`;
  }

  /** Shared string of the index in buf[from, to) (not empty), as SheetJS resolves it: strs[parseInt(text, 10)]. */
  private sharedString(from: number, to: number, row: number, col: number): string {
    const b = this.b, buf = this.buf;
    let index = 0;
    let k = from;
    for (; k < to && k - from < 9; k++) {
      const d = b[k] - 48;
      if (d < 0 || d > 9) break;
      index = index * 10 + d;
    }
    if (k < to) { // not plain digits: SheetJS's own reading
      const raw = this.text(from, to);
      if (NON_ASCII.test(raw)) this.fail(row, `cell ${this.where(row, col)}: a shared string index with non-ASCII characters`);
      index = parseInt(unescapeXml(raw), 10);
    }
    const s = this.sst[index];
    if (s === undefined) this.fail(row, `cell ${this.where(row, col)}: shared string ${buf.slice(from, to).trim()} that SheetJS does not resolve to text`);
    return s;
  }

  /** A cell's value exactly as parse_ws_xml_data stores it (dense, cellFormula/cellDates/sheetStubs off). */
  private value(type: number, vStart: number, vEnd: number, isRaw: string | undefined, row: number, col: number): CellValue | typeof NOT_STORED {
    // SheetJS: an empty <v></v> is no value.
    if (vEnd > vStart && type === T_S) return this.sharedString(vStart, vEnd, row, col);
    const vRaw = vEnd > vStart ? this.text(vStart, vEnd) : undefined;
    switch (type) {
      case T_NONE:
      case T_N: {
        if (vRaw === undefined) return NOT_STORED;
        let digits = true; // the usual text of a number: parseFloat of it is SheetJS's value
        for (let i = 0; i < vRaw.length && digits; i++) {
          const c = vRaw.charCodeAt(i);
          digits = (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69;
        }
        if (digits) return parseFloat(vRaw);
        // parseFloat skips Unicode spaces that are two bytes in SheetJS's byte-wise text: keep to ASCII.
        if (NON_ASCII.test(vRaw)) this.fail(row, `cell ${this.where(row, col)}: a number with non-ASCII characters`);
        const u = unescapeXml(vRaw);
        return u === '' ? NOT_STORED : parseFloat(u);
      }
      case T_S:
        return NOT_STORED;
      case T_STR: {
        if (vRaw === undefined) return '';
        if (plainText(vRaw)) return vRaw; // nothing for either pass to change
        // SheetJS: unescapexml(utf8read(unescapexml(bytes)), true): the decoded text unescaped twice, unless the
        // first pass makes a non-ASCII character (SheetJS would UTF-8-decode its code as a byte).
        const first = unescapeXmlAsciiOnly(vRaw);
        if (first === null) this.fail(row, `cell ${this.where(row, col)}: a formula string whose escapes give non-ASCII text`);
        return unescapeXml(first, true);
      }
      case T_INLINE: {
        if (isRaw === undefined) return '';
        const s = stringItemText(isRaw);
        if (s === undefined) this.fail(row, `cell ${this.where(row, col)}: an inline string it cannot read`);
        return s;
      }
      case T_B: {
        const u = vRaw === undefined ? undefined : unescapeXml(vRaw);
        return u === '1' || u === 'true';
      }
      case T_E: return this.fail(row, `cell ${this.where(row, col)}: an error value (t="e")`);
      case T_D: return this.fail(row, `cell ${this.where(row, col)}: a date cell (t="d")`);
      default: return this.fail(row, `cell ${this.where(row, col)}: cell type t="${this.buf.slice(this.tStart, this.tEnd)}"`);
    }
  }
}
