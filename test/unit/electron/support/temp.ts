// Temporary folders for tests of the main-process file code, and a snapshot of everything in one (names, sizes,
// contents' hashes) to prove an operation wrote nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = (prefix = 'hostfit-test-') => mkdtempSync(join(tmpdir(), prefix));

export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const key = rel ? `${rel}/${name}` : name;
      const info = statSync(path);
      if (info.isDirectory()) {
        out[`${key}/`] = 'dir';
        walk(path, key);
      } else out[key] = `${info.size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}:${info.mtimeMs}`;
    }
  };
  walk(dir, '');
  return out;
}
