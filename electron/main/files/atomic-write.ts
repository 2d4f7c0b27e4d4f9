// Atomic replace of a file: write a temporary file beside the target, flush it, rename it over the target,
// flush the directory. At every instant the target is either the complete old file or the complete new one.
// (POSIX rename is atomic within a file system; on Windows, fs.rename uses MoveFileEx with REPLACE_EXISTING.)
// A save killed midway leaves only a temporary file, named so it can be recognised and swept up later.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Runs after the new content is safely on disk and just before the rename; throwing aborts the save and
   * leaves the target untouched (used to re-check, as late as possible, that nobody changed the target).
   */
  beforeReplace?: () => Promise<void>;
}

const TEMP_SUFFIX = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  const temp = tempPathFor(target);
  const file = await open(temp, 'wx', 0o644);
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (e) {
    await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await file.close();
  try {
    await options.beforeReplace?.();
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/**
 * Makes the rename durable. Best effort: on Windows a folder cannot be opened for fsync, and some network file
 * systems refuse it (EINVAL, ENOTSUP); the replacement itself has already happened atomically by then.
 */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Deletes temporary files that saves of `target` left behind when they were killed, if they are older than
 * `minAgeMs` (a younger one may belong to a save still running in another process). Returns how many.
 */
export async function sweepStaleTemps(target: string, minAgeMs = 10 * 60_000, now = Date.now()): Promise<number> {
  const dir = dirname(target);
  const name = basename(target);
  let removed = 0;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const m = TEMP_SUFFIX.exec(entry);
    if (!m || m[1] !== name) continue;
    const path = join(dir, entry);
    try {
      const info = await stat(path);
      if (info.isFile() && now - info.mtimeMs >= minAgeMs) {
        await unlink(path);
        removed++;
      }
    } catch {
      // gone already, or not ours to delete: leave it
    }
  }
  return removed;
}
