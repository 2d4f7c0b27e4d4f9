// The parts of an xlsx package the streaming reader needs, found the way SheetJS finds them (so both readers
// read the same parts): [Content_Types].xml names the workbook part and the shared string table; the workbook
// lists its sheets by name with a relationship id; the workbook's relationships give each sheet's part. Sheets
// are always found by NAME through these relationships (SheetJS falls back to "the i-th sheet part" when the
// relationships are broken; the streaming reader refuses such a package and leaves it to SheetJS).
import { unescapeXml } from './sheetjs-text';
import { Unsupported } from './unsupported';

const CT_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const XLSB_WORKBOOK = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
const SST_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const XLSB_SST = 'application/vnd.ms-excel.sharedStrings';
const WORKSHEET_RELS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);

/** Attributes of one start tag (`name="v"` or `name='v'`, prefixes kept); null if the tag is not that simple. */
export function attributes(tag: string): Map<string, string> | null {
  const out = new Map<string, string>();
  const body = tag.replace(/^<[^\s/>]+/, '').replace(/\/?>$/, '');
  const re = /\s+([A-Za-z_][\w.:-]*)=(?:"([^"]*)"|'([^']*)')/y;
  let at = 0;
  while (at < body.length) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) return /^\s*$/.test(body.slice(at)) ? out : null;
    if (out.has(m[1])) return null;
    out.set(m[1], m[2] ?? m[3]);
    at = re.lastIndex;
  }
  return out;
}

/** Start tags `<name …>` / `<prefix:name …>` of a small part, with their attributes. */
function tags(xml: string, name: string, part: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])[^<>]*>`, 'g'))) {
    const a = attributes(m[0]);
    if (!a) throw new Unsupported(`${part}: a <${name}> tag it cannot read`);
    out.push(a);
  }
  return out;
}

export interface SheetPart {
  readonly name: string;
  /** Zip entry name of the sheet's XML part. */
  readonly path: string;
}

export interface PackageLayout {
  readonly sheets: readonly SheetPart[];
  /** Zip entry name of the shared string table, or null if the workbook has none. */
  readonly sharedStrings: string | null;
  readonly workbook: string;
  readonly workbookRels: string;
}

/** Looks an entry up as SheetJS does (case-insensitively); the reader refuses names that differ only by case. */
export function entryName(names: readonly string[], wanted: string): string | null {
  const w = wanted.toLowerCase();
  const hits = names.filter((n) => n.toLowerCase() === w);
  if (hits.length > 1) throw new Unsupported(`two zip entries named ${wanted}`);
  return hits[0] ?? null;
}

/** [Content_Types].xml → the workbook part and the shared string table (entry names, without the leading "/"). */
export function contentTypes(xml: string, names: readonly string[]): { workbook: string; sharedStrings: string | null } {
  const types = tags(xml, 'Types', '[Content_Types].xml');
  if (types.length !== 1 || types[0].get('xmlns') !== CT_NAMESPACE) throw new Unsupported('[Content_Types].xml: not the OPC content-types namespace');
  const overrides = tags(xml, 'Override', '[Content_Types].xml');
  const workbooks = overrides.filter((o) => WORKBOOK_TYPES.has(o.get('ContentType') ?? '') || o.get('ContentType') === XLSB_WORKBOOK);
  if (workbooks.some((o) => o.get('ContentType') === XLSB_WORKBOOK)) throw new Unsupported('a binary (xlsb) workbook part');
  const strs = overrides.filter((o) => o.get('ContentType') === SST_TYPE || o.get('ContentType') === XLSB_SST);
  if (strs.some((o) => o.get('ContentType') === XLSB_SST)) throw new Unsupported('a binary shared string table');
  const strip = (p: string) => (p.charAt(0) === '/' ? p.slice(1) : p);
  let workbook = workbooks.length > 0 ? strip(workbooks[0].get('PartName') ?? '') : 'xl/workbook.xml';
  const found = entryName(names, workbook);
  if (!found) throw new Unsupported(`no workbook part ${workbook}`);
  workbook = found;
  let sharedStrings: string | null = null;
  if (strs.length > 0) {
    sharedStrings = entryName(names, strip(strs[0].get('PartName') ?? ''));
    // SheetJS reads no shared strings then (and fails at the first cell that uses one).
    if (!sharedStrings) throw new Unsupported('the shared string table named in [Content_Types].xml is missing');
  }
  return { workbook, sharedStrings };
}

/** workbook.xml → sheet names and relationship ids, in workbook order. */
export function workbookSheets(xml: string): { name: string; id: string }[] {
  return tags(xml, 'sheet', 'workbook.xml').map((a) => {
    const name = a.get('name');
    const ids = [...a.keys()].filter((k) => /^\w+:id$/.test(k));
    if (name === undefined || ids.length !== 1 || a.has('id')) throw new Unsupported('workbook.xml: a <sheet> without one name and one relationship id');
    // SheetJS: unescapexml(utf8read(name)); the part is already decoded.
    return { name: unescapeXml(name), id: a.get(ids[0]) as string };
  });
}

/** The workbook's relationships part (SheetJS's rule: next to the workbook, else xl/_rels/workbook.xml.rels). */
export function relsPath(workbook: string, names: readonly string[]): string | null {
  const slash = workbook.lastIndexOf('/');
  const beside = `${workbook.slice(0, slash + 1)}_rels/${workbook.slice(slash + 1)}.rels`;
  return entryName(names, beside) ?? entryName(names, 'xl/_rels/workbook.xml.rels');
}

/** Relationship id → { type, target } (later duplicates win, as in SheetJS). */
export function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const a of tags(xml, 'Relationship', 'workbook.xml.rels')) {
    const id = a.get('Id'), target = a.get('Target');
    if (id === undefined || target === undefined) throw new Unsupported('workbook.xml.rels: a relationship without Id or Target');
    // SheetJS unescapes the target byte-wise (no UTF-8 decoding): only ASCII targets read the same.
    if (/[^\x00-\x7f]/.test(target)) throw new Unsupported(`workbook.xml.rels: a non-ASCII target ${target}`);
    out.set(id, { type: a.get('Type') ?? '', target: unescapeXml(target) });
  }
  return out;
}

/**
 * Where each sheet lives: SheetJS's path rule ('xl/' + the target without a leading "xl/"); the reader accepts
 * only a worksheet relationship whose part exists (other layouts are SheetJS's to read).
 */
export function sheetParts(sheets: readonly { name: string; id: string }[], rels: Map<string, { type: string; target: string }>, names: readonly string[], wanted: (name: string) => boolean): SheetPart[] {
  const out: SheetPart[] = [];
  for (const s of sheets) {
    if (!wanted(s.name)) continue;
    const rel = rels.get(s.id);
    if (!rel) throw new Unsupported(`sheet ${s.name} has no relationship ${s.id}`);
    if (!WORKSHEET_RELS.has(rel.type)) throw new Unsupported(`sheet ${s.name} is not a worksheet (${rel.type})`);
    const path = entryName(names, `xl/${rel.target.replace(/[/]?xl\//, '')}`);
    if (!path) throw new Unsupported(`sheet ${s.name}: part ${rel.target} is not at xl/${rel.target.replace(/[/]?xl\//, '')}`);
    out.push({ name: s.name, path });
  }
  return out;
}
