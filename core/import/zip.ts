// The central directory of a zip file (an xlsx workbook is one), read without expanding anything, to refuse a
// zip bomb or a truncated file before SheetJS inflates it. Layout: PKWARE APPNOTE.TXT §4.3.12 (central directory
// file header, signature 0x02014b50) and §4.3.16 (end of central directory record, signature 0x06054b50).
import { MAX_XLSX_UNCOMPRESSED_BYTES, MAX_ZIP_RATIO, mib } from './limits';
import { ImportError } from './types';

export interface ZipEntry {
  readonly name: string;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly method: number;
  readonly crc: number;
  /** Offset of the entry's local file header (APPNOTE §4.3.7). */
  readonly offset: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** Entries of the central directory; ImportError if the directory is missing, truncated or inconsistent. */
export function zipEntries(file: string, b: Uint8Array): ZipEntry[] {
  const bad = (message: string) => new ImportError({ file, where: '' }, `${message}: the workbook is truncated or not an xlsx file`);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0) throw bad('no zip end-of-directory record');
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) throw new ImportError({ file, where: '' }, 'a zip64 workbook: larger than the import limits');
  if (offset + size > eocd) throw bad('the zip directory points past its end');
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new (globalThis as unknown as { TextDecoder: new () => { decode(x: Uint8Array): string } }).TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw bad(`zip directory entry ${k + 1} is damaged`);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    const compressed = u32(b, p + 20);
    const uncompressed = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extra = u16(b, p + 30);
    const comment = u16(b, p + 32);
    const local = u32(b, p + 42);
    if (p + 46 + nameLength > b.length) throw bad(`zip directory entry ${k + 1} is damaged`);
    entries.push({ name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)), compressed, uncompressed, method, crc, offset: local });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses workbooks that would expand beyond the limits. */
export function checkZipBomb(file: string, b: Uint8Array): ZipEntry[] {
  const entries = zipEntries(file, b);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new ImportError({ file, where: e.name }, 'a zip64 entry: larger than the import limits');
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > MAX_ZIP_RATIO * Math.max(1, e.compressed)) {
      throw new ImportError({ file, where: e.name }, `expands ${Math.round(e.uncompressed / Math.max(1, e.compressed))}× (${mib(e.uncompressed)} from ${mib(e.compressed)}): `
        + `refused as a possible zip bomb (limit ${MAX_ZIP_RATIO}×)`);
    }
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new ImportError({ file, where: '' }, `the workbook expands to ${mib(total)}; the import limit is ${mib(MAX_XLSX_UNCOMPRESSED_BYTES)}`);
  }
  return entries;
}

// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as zip stores it (APPNOTE §4.4.7), slice-by-8: eight
// tables let the loop consume 8 bytes per step (Intel's "slicing-by-8"), about 4× the byte-at-a-time loop; every
// inflated byte of a workbook goes through it, so it is a visible part of a large import.
const CRC_TABLES = (() => {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = t[(k - 1) * 256 + n] >>> 8 ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const end8 = data.length - 8;
  for (; i <= end8; i += 8) {
    const lo = c ^ (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
    c = t[1792 + (lo & 0xff)] ^ t[1536 + (lo >>> 8 & 0xff)] ^ t[1280 + (lo >>> 16 & 0xff)] ^ t[1024 + (lo >>> 24)]
      ^ t[768 + data[i + 4]] ^ t[512 + data[i + 5]] ^ t[256 + data[i + 6]] ^ t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface Chunk { done: boolean; value?: Uint8Array }
interface Stream { pipeThrough(t: unknown): Stream; getReader(): { read(): Promise<Chunk>; cancel(): Promise<void> } }
const platform = globalThis as unknown as {
  DecompressionStream?: new (format: string) => unknown;
  ReadableStream: new (source: { start(c: { enqueue(b: Uint8Array): void; close(): void }): void }) => Stream;
};

/** Inflated bytes between two progress calls of inflateEntry. */
const PROGRESS_BYTES = 8 * 1024 * 1024;

/** Whether this platform can inflate zip entries (DecompressionStream: Node 18+, every current browser). */
export const canInflate = (): boolean => platform.DecompressionStream !== undefined;

/** Receives an entry's inflated bytes, chunk by chunk, as they are checked. */
export type EntrySink = (chunk: Uint8Array) => void;

/** Expanded bytes so far, over all entries of one workbook (the limit is on the sum). */
export interface InflateBudget { total: number }

/**
 * Inflates one entry (deflate-raw through the platform's DecompressionStream) and checks its local header, its
 * real expanded size (a bomb may declare a small one) and its CRC-32; `sink` sees every inflated chunk (the
 * CRC is only known at the end: a sink's result counts only once this resolved). Damaged → ImportError naming
 * the entry. Needs canInflate().
 */
export async function inflateEntry(file: string, b: Uint8Array, e: ZipEntry, budget: InflateBudget, sink?: EntrySink,
  onProgress?: (inflated: number) => Promise<void>): Promise<void> {
  const damaged = (why: string) => new ImportError({ file, where: e.name }, `the workbook is damaged (${why}): re-export it from RVTools`);
  const tooLarge = () => new ImportError({ file, where: e.name }, `the workbook expands to more than ${mib(MAX_XLSX_UNCOMPRESSED_BYTES)} (the import limit)`);
  const p = e.offset;
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50) throw damaged('no local header where the directory points');
  const nameLength = u16(b, p + 26), extra = u16(b, p + 28);
  const start = p + 30 + nameLength + extra;
  const decoder = new (globalThis as unknown as { TextDecoder: new () => { decode(x: Uint8Array): string } }).TextDecoder();
  if (decoder.decode(b.subarray(p + 30, p + 30 + nameLength)) !== e.name) throw damaged('the local header names another entry');
  if (start + e.compressed > b.length) throw damaged('the entry runs past the end of the file');
  const data = b.subarray(start, start + e.compressed);
  let size = 0;
  let crc = 0;
  if (e.method === 0) {
    size = data.length;
    if (size !== e.uncompressed) throw damaged(`it holds ${size} bytes, the directory says ${e.uncompressed}`);
    budget.total += size;
    if (budget.total > MAX_XLSX_UNCOMPRESSED_BYTES) throw tooLarge();
    crc = crc32(data);
    sink?.(data);
  } else if (e.method === 8) {
    if (!platform.DecompressionStream) throw new ImportError({ file, where: e.name }, 'this platform cannot inflate zip entries (no DecompressionStream)');
    const source = data;
    const reader = new platform.ReadableStream({ start(c) { c.enqueue(source); c.close(); } })
      .pipeThrough(new platform.DecompressionStream('deflate-raw')).getReader();
    let reported = 0;
    for (;;) {
      let chunk: Chunk;
      try {
        chunk = await reader.read();
      } catch {
        throw damaged('its compressed data is corrupt');
      }
      if (chunk.done) break;
      const value = chunk.value;
      if (!value) continue;
      size += value.length;
      budget.total += value.length;
      if (size > e.uncompressed || budget.total > MAX_XLSX_UNCOMPRESSED_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw budget.total > MAX_XLSX_UNCOMPRESSED_BYTES ? tooLarge() : damaged(`it expands beyond its declared ${e.uncompressed} bytes`);
      }
      crc = crc32(value, crc);
      sink?.(value);
      if (onProgress && size - reported >= PROGRESS_BYTES) {
        reported = size;
        await onProgress(size);
      }
    }
  } else {
    throw damaged(`compression method ${e.method} is not used by xlsx`);
  }
  if (size !== e.uncompressed) throw damaged(`it holds ${size} bytes, the directory says ${e.uncompressed}`);
  if (crc !== e.crc) throw damaged('CRC-32 mismatch');
}

/** One entry's inflated (and checked) bytes. */
export async function entryBytes(file: string, b: Uint8Array, e: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
  const out = new Uint8Array(e.uncompressed);
  let at = 0;
  await inflateEntry(file, b, e, budget, (chunk) => { out.set(chunk, at); at += chunk.length; });
  return out;
}

/**
 * Inflates and checks every entry (inflateEntry) before SheetJS sees the workbook: SheetJS trusts the zip
 * structure, and a damaged one can make it loop. Without a platform inflater, SheetJS's own checks only.
 */
export async function verifyZip(file: string, b: Uint8Array, entries: readonly ZipEntry[]): Promise<void> {
  if (!canInflate()) return;
  const budget: InflateBudget = { total: 0 };
  for (const e of entries) await inflateEntry(file, b, e, budget);
}
