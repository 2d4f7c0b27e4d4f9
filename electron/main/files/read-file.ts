// Reads a scenario file's bytes and their SHA-256 in one pass (in chunks, so the main process stays responsive
// on large files). The main process never decodes or parses: the renderer's parse worker does.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileContent {
  readonly bytes: Uint8Array;
  /** Hex SHA-256 of the bytes. */
  readonly hash: string;
}

export class FileTooLarge extends Error {}
export class NotAFile extends Error {}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readWithHash(path: string, maxBytes: number): Promise<FileContent> {
  const info = await stat(path);
  if (!info.isFile()) throw new NotAFile('it is not a regular file');
  if (info.size > maxBytes) {
    throw new FileTooLarge(`the file is ${(info.size / 2 ** 20).toFixed(0)} MiB; the largest scenario Hostfit opens is ${maxBytes / 2 ** 20} MiB`);
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) throw new FileTooLarge(`the file grew beyond ${maxBytes / 2 ** 20} MiB while being read`);
    hash.update(buf);
    chunks.push(buf);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, hash: hash.digest('hex') };
}

/** SHA-256 of the file now on disk, or null if there is no file there any more. */
export async function diskHash(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
