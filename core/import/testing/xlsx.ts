// Workbooks written part by part (never real data), for the tests of the streaming xlsx reader against SheetJS:
// the sheet XML in the forms real writers use and SheetJS's own writer does not — shared strings with rich-text
// runs and phonetic runs, inline strings, a namespace prefix on every element, rows and cells without references,
// empty cells, numeric character references, `xml:space="preserve"`, pretty-printed markup — packed into a zip
// with stored (uncompressed) entries. Also the raw parts, so a test can mutate the XML and pack it again.
import { crc32 } from '../zip';
import { utf8 } from './bytes';
import type { RvtoolsSheets, Sheet } from './rvtools';

export interface SheetXmlOptions {
  /** How text cells are written: shared strings (t="s"), rich-text shared strings, inline strings, or t="str". */
  strings?: 'shared' | 'rich' | 'inline' | 'str';
  /** Element namespace prefix ("" or e.g. "x"). */
  prefix?: string;
  /** Cell and row references: all, none (SheetJS counts), or cells only. */
  refs?: 'all' | 'none' | 'cells';
  /** Null cells: left out, written as <c r="…"/>, or with an empty <v></v>. */
  empty?: 'omit' | 'stub' | 'empty-v';
  /** Characters escaped as numeric references (&#60; / &#x3C;) instead of named ones. */
  numericEntities?: boolean;
  /** New lines and indentation between elements. */
  pretty?: boolean;
}

export interface WorkbookParts {
  /** Zip entry name → text. */
  readonly parts: Record<string, string>;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escape(text: string, numeric: boolean): string {
  return text.replace(/[&<>"]/g, (c) => (numeric ? (c === '<' ? '&#x3C;' : `&#${c.charCodeAt(0)};`) : { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c] as string));
}

const colName = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A string item's content (<si> or <is>): plain, or split into rich-text runs with a phonetic run. */
function stringItem(text: string, o: SheetXmlOptions, rich: boolean): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const t = (s: string) => `<${p}t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escape(s, o.numericEntities ?? false)}</${p}t>`;
  if (!rich || text.length < 2) return t(text);
  const half = Math.ceil(text.length / 2);
  return `<${p}r><${p}rPr><${p}b/><${p}sz val="11"/><${p}rFont val="Calibri"/></${p}rPr>${t(text.slice(0, half))}</${p}r>`
    + `<${p}r>${t(text.slice(half))}</${p}r><${p}rPh sb="0" eb="1">${t('ルビ')}</${p}rPh><${p}phoneticPr fontId="1"/>`;
}

/** A worksheet part for `rows`, and the strings it adds to the shared string table. */
export function sheetXml(rows: Sheet, sst: string[], o: SheetXmlOptions = {}): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const nl = o.pretty ? '\n  ' : '';
  const refs = o.refs ?? 'all';
  const strings = o.strings ?? 'shared';
  const index = new Map(sst.map((s, k) => [s, k]));
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet xmlns${o.prefix ? `:${o.prefix}` : ''}="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `${nl}<${p}dimension ref="A1"/>${nl}<${p}sheetData>`];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      const ref = refs === 'none' ? '' : ` r="${colName(c)}${r + 1}"`;
      if (v === null || v === undefined) {
        if (o.empty === 'stub') cells.push(`<${p}c${ref}/>`);
        else if (o.empty === 'empty-v') cells.push(`<${p}c${ref}><${p}v></${p}v></${p}c>`);
        else if (refs === 'none') cells.push(`<${p}c/>`); // keeps the columns after it in place
        return;
      }
      if (typeof v === 'number') cells.push(`<${p}c${ref}><${p}v>${v}</${p}v></${p}c>`);
      else if (typeof v === 'boolean') cells.push(`<${p}c${ref} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`);
      else if (strings === 'inline') cells.push(`<${p}c${ref} t="inlineStr"><${p}is>${stringItem(v, o, false)}</${p}is></${p}c>`);
      else if (strings === 'str') cells.push(`<${p}c${ref} t="str"><${p}v>${escape(v, o.numericEntities ?? false)}</${p}v></${p}c>`);
      else {
        let k = index.get(v);
        if (k === undefined) { k = sst.length; sst.push(v); index.set(v, k); }
        cells.push(`<${p}c${ref} s="0" t="s"><${p}v>${k}</${p}v></${p}c>`);
      }
    });
    const rowRef = refs === 'all' ? ` r="${r + 1}"` : '';
    out.push(`${nl}<${p}row${rowRef} spans="1:${row.length}">${cells.join(o.pretty ? '\n    ' : '')}</${p}row>`);
  });
  out.push(`${nl}</${p}sheetData>${nl}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`);
  return out.join('');
}

/** The shared string table of `sst`. */
export function sharedStringsXml(sst: readonly string[], o: SheetXmlOptions = {}): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}sst xmlns${o.prefix ? `:${o.prefix}` : ''}="${MAIN_NS}" count="${sst.length}" uniqueCount="${sst.length}">`
    + sst.map((s) => `<${p}si>${stringItem(s, o, o.strings === 'rich')}</${p}si>`).join('') + `</${p}sst>`;
}

/** The parts of a workbook holding `sheets` (in order), written with `o`, plus a vDisk sheet Hostfit does not read. */
export function workbookParts(sheets: Partial<RvtoolsSheets> | Record<string, Sheet | undefined>, o: SheetXmlOptions = {}): WorkbookParts {
  const sst: string[] = [];
  const named = Object.entries({ ...(sheets as Record<string, Sheet | undefined>), vDisk: [['VM', 'Disk', 'Capacity MiB'], ['web-01', 'Hard disk 1', 40960]] as Sheet }).filter((e): e is [string, Sheet] => e[1] !== undefined);
  const parts: Record<string, string> = {};
  named.forEach(([, rows], k) => { parts[`xl/worksheets/sheet${k + 1}.xml`] = sheetXml(rows, sst, o); });
  const useSst = (o.strings ?? 'shared') === 'shared' || o.strings === 'rich';
  if (useSst) parts['xl/sharedStrings.xml'] = sharedStringsXml(sst, o);
  parts['[Content_Types].xml'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + named.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + (useSst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '')
    + '</Types>';
  parts['_rels/.rels'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  // Sheets listed in reverse part order: sheets are found by name through the relationships, never by position.
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>`
    + named.map(([name], k) => `<sheet name="${escape(name, false)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('') + '</sheets></workbook>';
  parts['xl/_rels/workbook.xml.rels'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + named.map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet${named.length - k}.xml"/>`).join('')
    + (useSst ? `<Relationship Id="rId${named.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : '')
    + '</Relationships>';
  // The relationships above point sheet k at part (n − k): write the parts to match.
  const reordered: Record<string, string> = {};
  named.forEach((_, k) => { reordered[`xl/worksheets/sheet${named.length - k}.xml`] = parts[`xl/worksheets/sheet${k + 1}.xml`]; });
  return { parts: { ...parts, ...reordered } };
}

/** The part holding sheet `name`, through workbook.xml and its relationships (as a reader finds it). */
export function partOf(parts: Record<string, string>, name: string): string {
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(parts['xl/workbook.xml'])?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="/?([^"]+)"`).exec(parts['xl/_rels/workbook.xml.rels'])?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return target.startsWith('xl/') ? target : `xl/${target}`;
}

/** A zip of `parts` with stored (uncompressed) entries (APPNOTE.TXT §4.3; general purpose flag 11: UTF-8 names). */
export function zipStored(parts: Record<string, string | Uint8Array>): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const n = utf8(name);
    const data = typeof content === 'string' ? utf8(content) : content;
    const crc = crc32(data);
    const h = new Uint8Array(30 + n.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(6, 0x0800, true); v.setUint16(8, 0, true);
    v.setUint32(14, crc, true); v.setUint32(18, data.length, true); v.setUint32(22, data.length, true); v.setUint16(26, n.length, true);
    h.set(n, 30);
    const c = new Uint8Array(46 + n.length);
    const w = new DataView(c.buffer);
    w.setUint32(0, 0x02014b50, true); w.setUint16(4, 20, true); w.setUint16(6, 20, true); w.setUint16(8, 0x0800, true); w.setUint16(10, 0, true);
    w.setUint32(16, crc, true); w.setUint32(20, data.length, true); w.setUint32(24, data.length, true); w.setUint16(28, n.length, true);
    w.setUint32(42, offset, true);
    c.set(n, 46);
    local.push(h, data);
    central.push(c);
    offset += h.length + data.length;
  }
  const size = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true); e.setUint16(8, central.length, true); e.setUint16(10, central.length, true);
  e.setUint32(12, size, true); e.setUint32(16, offset, true);
  const all = [...local, ...central, end];
  const out = new Uint8Array(all.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of all) { out.set(a, at); at += a.length; }
  return out;
}

/** RVTools sheets as a workbook written with `o`. */
export function rvtoolsXlsxParts(sheets: RvtoolsSheets, o: SheetXmlOptions = {}): Uint8Array {
  return zipStored(workbookParts(sheets, o).parts);
}
