// Bytes of an input file → text. Gzip (magic 1f 8b) is expanded with the platform's DecompressionStream, with
// a cap on the expanded size (a gzip bomb stops at the cap). Text is UTF-8 (strict: a bad byte is named at its
// line and column), UTF-16 with a byte-order mark, or — for CSV written by Excel on Windows — Windows-1252,
// which the report then says.
import { decodeScenarioBytes } from '../scenario/bytes';
import { MAX_FILE_BYTES, MAX_GUNZIP_BYTES, mib } from './limits';
import { ImportError, type ImportFile } from './types';

interface Chunk { done: boolean; value?: Uint8Array }
interface Reader { read(): Promise<Chunk>; cancel(): Promise<void> }
interface Stream { pipeThrough(t: unknown): Stream; getReader(): Reader }
const g = globalThis as unknown as {
  DecompressionStream?: new (format: string) => unknown;
  ReadableStream: new (source: { start(c: { enqueue(b: Uint8Array): void; close(): void }): void }) => Stream;
  TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(b: Uint8Array): string };
};

export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function checkFileSize(file: ImportFile): void {
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new ImportError({ file: file.name, where: '' }, `the file is ${mib(file.bytes.length)}; the import limit is ${mib(MAX_FILE_BYTES)} per file`);
  }
}

/** Expands gzip bytes, refusing more than `max` bytes of output. */
export async function gunzip(file: ImportFile, max = MAX_GUNZIP_BYTES): Promise<Uint8Array> {
  if (!g.DecompressionStream) throw new ImportError({ file: file.name, where: '' }, 'gzip files need DecompressionStream, which this runtime lacks');
  const source = file.bytes;
  const input = new g.ReadableStream({ start(c) { c.enqueue(source); c.close(); } });
  const reader = input.pipeThrough(new g.DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        throw new ImportError({ file: file.name, where: '' }, `the gzip file expands to more than ${mib(max)} (the import limit); split it or import fewer files`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError({ file: file.name, where: `byte ${total} of the expanded data` }, `not a valid gzip file (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

export interface DecodedText {
  readonly text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  readonly encoding: string;
  readonly gzip: boolean;
}

/**
 * The text of a file (gzip expanded). `lenient` (CSV): bytes that are not UTF-8 are read as Windows-1252
 * (what Excel writes on Western European Windows) instead of failing.
 */
export async function fileText(file: ImportFile, lenient: boolean): Promise<DecodedText> {
  checkFileSize(file);
  const gzip = isGzip(file.bytes);
  const bytes = gzip ? await gunzip(file) : file.bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new g.TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', gzip };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new g.TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', gzip };
  const decoded = decodeScenarioBytes(bytes);
  if (decoded.ok) return { text: decoded.text, encoding: 'utf-8', gzip };
  if (lenient) return { text: new g.TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', gzip };
  throw new ImportError({ file: file.name, where: decoded.error.where }, decoded.error.message);
}
