// Text rules of SheetJS CE 0.20.3 (@e965/xlsx, Apache-2.0; functions unescapexml, str_match_xml_ns,
// str_remove_xml_ns_g, parse_si and parse_sst_xml of xlsx.mjs), ported line for line so that the streaming
// reader's values equal what SheetJS gives for the same workbook — including its quirks: entity names matched
// case-insensitively (`&AMP;` becomes U+0000), `&#X41;` read as decimal, the OOXML `_xHHHH_` escapes, CRLF → LF,
// the first <t> of a plain string only, rich-text runs concatenated without their phonetic (<rPh>) runs, and a
// shared string table of N <si> items holding N + 1 entries. SheetJS works on "binary" strings (one char per byte)
// and UTF-8-decodes extracted text before unescaping it; the reader decodes whole parts first, which gives the
// same text wherever the markup is ASCII — the callers check the few places where it is not (see sheet.ts).

const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

function rawUnescape(text: string): string {
  const i = text.indexOf('<![CDATA[');
  if (i === -1) {
    return text.replace(ENTITY, (all: string, code: string | undefined) => NAMED[all] || String.fromCharCode(parseInt(code as string, all.indexOf('x') > -1 ? 16 : 10)) || all)
      .replace(CODE, (_m: string, c: string) => String.fromCharCode(parseInt(c, 16)));
  }
  const j = text.indexOf(']]>');
  return rawUnescape(text.slice(0, i)) + text.slice(i + 9, j) + rawUnescape(text.slice(j + 3));
}

/** Whether the text holds none of & _ < CR: then unescapeXml (either form) gives it back unchanged. */
export function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 95 || c === 60 || c === 13) return false;
  }
  return true;
}

/** SheetJS's unescapexml: XML entities, CDATA sections and `_xHHHH_` escapes; `xlsx` also turns CRLF into LF. */
export function unescapeXml(text: string, xlsx = false): string {
  // Fast exit for the common case (no entity, escape, CDATA or CR): the result is the text itself.
  if (plainText(text)) return text;
  const out = rawUnescape(text);
  return xlsx ? out.replace(/\r\n/g, '\n') : out;
}

/**
 * The first pass of SheetJS's reading of a t="str" cell (unescapexml on the bytes, before UTF-8 decoding), done
 * on decoded text: the same, unless an entity or escape produces a non-ASCII character — SheetJS would then
 * UTF-8-decode that character's code as a byte — in which case null.
 */
export function unescapeXmlAsciiOnly(text: string): string | null {
  if (plainText(text)) return text;
  let ascii = true;
  const check = (s: string): string => { if (s.charCodeAt(0) > 0x7f) ascii = false; return s; };
  const out = text.replace(ENTITY, (all: string, code: string | undefined) => check(NAMED[all] || String.fromCharCode(parseInt(code as string, all.indexOf('x') > -1 ? 16 : 10)) || all))
    .replace(CODE, (_m: string, c: string) => check(String.fromCharCode(parseInt(c, 16))));
  return ascii ? out : null;
}

const matchCache = new Map<string, [RegExp, RegExp]>();
function tagRegexes(tag: string): [RegExp, RegExp] {
  let res = matchCache.get(tag);
  if (!res) {
    res = [new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, 'g'), new RegExp(`</(?:\\w+:)?${tag}>`, 'g')];
    matchCache.set(tag, res);
  }
  return res;
}

/** SheetJS's str_match_xml_ns: the first `<tag …>…</tag>` (any namespace prefix): [whole, inner] or null. */
export function matchElement(str: string, tag: string): [string, string, number] | null {
  const [open, close] = tagRegexes(tag);
  open.lastIndex = close.lastIndex = 0;
  const m = open.exec(str);
  if (!m) return null;
  const si = m.index, sf = open.lastIndex;
  close.lastIndex = open.lastIndex;
  const e = close.exec(str);
  if (!e) return null;
  return [str.slice(si, close.lastIndex), str.slice(sf, e.index), si];
}

/** SheetJS's str_remove_xml_ns_g: the text without every `<tag …>…</tag>`; null if one is not closed. */
export function removeElements(str: string, tag: string): string | null {
  const [open, close] = tagRegexes(tag);
  open.lastIndex = close.lastIndex = 0;
  const out: string[] = [];
  let ef = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(str))) {
    out.push(str.slice(ef, m.index));
    close.lastIndex = open.lastIndex;
    const e = close.exec(str);
    if (!e) return null;
    ef = close.lastIndex;
    open.lastIndex = close.lastIndex;
  }
  out.push(str.slice(ef));
  return out.join('');
}

const PLAIN = /^\s*<(?:\w+:)?t[^>]*>/;
const PLAIN_END = /<\/(?:\w+:)?t>/;
const RICH = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
// SheetJS's tagregex (tagregex1: it matches SheetJS's own XML header, so SheetJS uses it).
const TAG = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/mg;

/** Leading characters before the first tag are ASCII whitespace only (where SheetJS's `\s` / trim agree). */
const ASCII_LEAD = /^[\t\n\r ]*(?:<|$)/;

/**
 * The text of a string item (<si> of the shared strings, <is> of an inline string), as SheetJS's parse_si gives
 * it; `undefined` where SheetJS would give no text or fail (the caller falls back to SheetJS), or where the
 * decoded and the byte-wise reading could differ (non-ASCII characters before the first tag).
 */
export function stringItemText(x: string): string | undefined {
  const t = itemText(x);
  return t === THROWS ? undefined : t;
}

/** SheetJS throws reading the item (an unclosed <rPh>): for the shared string table, it then has none at all. */
const THROWS = Symbol('SheetJS throws');

function itemText(x: string): string | undefined | typeof THROWS {
  if (!x) return '';
  if (!ASCII_LEAD.test(x)) return undefined;
  if (PLAIN.test(x)) return unescapeXml(x.slice(x.indexOf('>') + 1).split(PLAIN_END)[0] || '', true);
  if (RICH.test(x)) {
    const runs = removeElements(x, 'rPh');
    if (runs === null) return THROWS;
    const tags = runs.match(RUN_TEXT) ?? [];
    // The tags are stripped by SheetJS's tag regex, whose \s differs from the byte-wise reading off ASCII.
    if (tags.some((t) => /[^\x00-\x7f]/.test(t.slice(0, t.indexOf('>'))))) return undefined;
    return unescapeXml(tags.join('').replace(TAG, ''), true);
  }
  return undefined;
}

const SST_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g;
const SST_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/;

/**
 * The shared string table (sharedStrings.xml, decoded) as SheetJS's parse_sst_xml reads it: entry k is the
 * text of item k, or `undefined` where stringItemText gives none. No <sst> element: no entries. null where
 * SheetJS fails on an item: it then reads the workbook without any shared strings (and drops every sheet
 * that uses one).
 */
export function sharedStrings(xml: string): (string | undefined)[] | null {
  const sst = matchElement(xml, 'sst');
  if (!sst) return [];
  const items = sst[1].replace(SST_OPEN, '').split(SST_CLOSE);
  const out = new Array<string | undefined>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const trimmed = item.trim();
    // SheetJS trims each item (trim() also drops U+00A0 and other non-ASCII spaces, which byte-wise it would not).
    const t = trimmed === item.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') ? itemText(trimmed) : undefined;
    if (t === THROWS) return null;
    out[i] = t;
  }
  return out;
}
