// The streaming read of an xlsx workbook's large sheets: while the zip check inflates every entry (CRC-32, real
// sizes, limits: core/import/zip.ts), the parts of the sheets a consumer wants are scanned as they inflate
// (sheet.ts), after the package structure — content types, workbook, its relationships and the shared string
// table — was read first (package.ts). The result is either every wanted sheet read, or the reason the
// streaming reader stopped (the caller then reads the workbook with SheetJS; the zip is verified either way
// when this returns). Bad input (a damaged zip) is an ImportError as before.
import { canInflate, entryBytes, inflateEntry, type InflateBudget, type ZipEntry } from '../zip';
import { contentTypes, entryName, relationships, relsPath, sheetParts, workbookSheets } from './package';
import { sharedStrings } from './sheetjs-text';
import { SheetStream, type RowSink } from './sheet';
import { Unsupported } from './unsupported';

export type { CellValue, RowSink } from './sheet';
export { Unsupported } from './unsupported';

type Decoder = { decode(b: Uint8Array): string };
const TextDecoderCtor = (globalThis as unknown as { TextDecoder: new (label: string, o: { fatal: boolean }) => Decoder }).TextDecoder;

function utf8(part: string, bytes: Uint8Array): string {
  try {
    return new TextDecoderCtor('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Unsupported(`${part} is not UTF-8`);
  }
}

export interface StreamOptions {
  /** The consumer of a sheet (by its name in the workbook), or null if the sheet is not wanted. May throw Unsupported. */
  sink(sheetName: string): RowSink | null;
  /** Called now and then with the compressed bytes checked so far (may throw to cancel). */
  progress?(done: number, total: number): Promise<void>;
}

export type StreamResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Verifies every zip entry (as verifyZip) and streams the wanted sheets into their sinks. Sinks must be
 * discarded when the result is not ok.
 */
export async function streamWorkbook(file: string, bytes: Uint8Array, entries: readonly ZipEntry[], o: StreamOptions): Promise<StreamResult> {
  if (!canInflate()) return { ok: false, reason: 'a platform without DecompressionStream (it inflates the sheets as they stream)' };
  const budget: InflateBudget = { total: 0 };
  const done = new Set<ZipEntry>();
  const names = entries.map((e) => e.name);
  const byName = (name: string) => entries.find((e) => e.name === name) as ZipEntry;
  const text = async (name: string) => {
    const e = byName(name);
    done.add(e);
    return utf8(name, await entryBytes(file, bytes, e, budget));
  };
  const streams = new Map<string, SheetStream>();
  let failure: string | null = null;
  try {
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new Unsupported('zip entries whose names differ only by case');
    for (const other of ['META-INF/manifest.xml', 'objectdata.xml', 'Index/Document.iwa']) {
      if (entryName(names, other)) throw new Unsupported(`an OpenDocument or Numbers file (${other})`);
    }
    const ct = entryName(names, '[Content_Types].xml');
    if (!ct) throw new Unsupported('no [Content_Types].xml');
    const { workbook, sharedStrings: sstPath } = contentTypes(await text(ct), names);
    const sheets = workbookSheets(await text(workbook));
    const relsName = relsPath(workbook, names);
    if (!relsName) throw new Unsupported('no workbook relationships part');
    const rels = relationships(await text(relsName));
    const sinks = new Map<string, RowSink>();
    const parts = sheetParts(sheets, rels, names, (name) => {
      const sink = o.sink(name);
      if (sink) sinks.set(name, sink);
      return sink !== null;
    });
    const sst = sstPath ? sharedStrings(await text(sstPath)) : [];
    if (sst === null) throw new Unsupported('a shared string item SheetJS fails on (an unclosed phonetic run)');
    for (const part of parts) {
      if (streams.has(part.path)) throw new Unsupported(`two sheets in one part ${part.path}`);
      if (done.has(byName(part.path))) throw new Unsupported(`sheet ${part.name} shares a part with the workbook structure`);
      streams.set(part.path, new SheetStream(part.name, sst, sinks.get(part.name) as RowSink));
    }
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    failure = e.reason;
    streams.clear();
  }
  // Every entry is checked (SheetJS must never see a damaged one); the wanted sheets are read on the way.
  const total = bytes.length;
  let reported = 0; // compressed bytes behind us (entries need not lie in directory order: never backwards)
  const progress = o.progress;
  for (const e of entries) {
    if (done.has(e)) continue;
    const stream = streams.get(e.name);
    await inflateEntry(file, bytes, e, budget, stream ? (chunk) => stream.push(chunk) : undefined, progress ? (inflated) => {
      reported = Math.max(reported, Math.min(total, e.offset + Math.round(e.compressed * inflated / Math.max(1, e.uncompressed))));
      return progress(reported, total);
    } : undefined);
    stream?.end();
  }
  if (failure !== null) return { ok: false, reason: failure };
  for (const s of streams.values()) if (s.failure !== null) return { ok: false, reason: s.failure };
  return { ok: true };
}
