// The recent-files list, newest first, kept in the user-data folder (written atomically). Paths stay in the main
// process: the renderer and the menu get names and handles.
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const MAX_RECENT = 10;

export class RecentFiles {
  private paths: string[] = [];
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly storePath: string, private readonly max = MAX_RECENT) {}

  /** Loads the stored list; a missing or damaged store gives an empty list. */
  async load(): Promise<void> {
    try {
      const doc = JSON.parse(await readFile(this.storePath, 'utf8')) as { paths?: unknown };
      this.paths = Array.isArray(doc.paths)
        ? [...new Set(doc.paths.filter((p): p is string => typeof p === 'string' && isAbsolute(p) && !p.includes('\0')))].slice(0, this.max)
        : [];
    } catch {
      this.paths = [];
    }
  }

  list(): readonly string[] {
    return this.paths;
  }

  add(path: string): Promise<void> {
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, this.max);
    return this.persist();
  }

  remove(path: string): Promise<void> {
    if (!this.paths.includes(path)) return this.saving;
    this.paths = this.paths.filter((p) => p !== path);
    return this.persist();
  }

  clear(): Promise<void> {
    this.paths = [];
    return this.persist();
  }

  /** Writes are queued so the last state always wins. */
  private persist(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, paths: this.paths }, null, 2) + '\n';
    this.saving = this.saving.then(() => writeFileAtomic(this.storePath, snapshot)).catch(() => undefined);
    return this.saving;
  }
}
