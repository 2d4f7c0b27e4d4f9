// The central directory of a zip file (an xlsx workbook is one), read without expanding anything, to refuse a
// zip bomb or a truncated file before SheetJS inflates it. Layout: PKWARE APPNOTE.TXT §4.3.12 (central directory
// file header, signature 0x02014b50) and §4.3.16 (end of central directory record, signature 0x06054b50).
import { MAX_XLSX_UNCOMPRESSED_BYTES, MAX_ZIP_RATIO, mib } from './limits';
import { ImportError } from './types';

export interface ZipEntry {
  readonly name: string;
  readonly compressed: number;
  readonly uncompressed: number;
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
    const compressed = u32(b, p + 20);
    const uncompressed = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extra = u16(b, p + 30);
    const comment = u16(b, p + 32);
    if (p + 46 + nameLength > b.length) throw bad(`zip directory entry ${k + 1} is damaged`);
    entries.push({ name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)), compressed, uncompressed });
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
