// Watches the open file for changes made by someone else (a teammate on a shared drive, a sync client, an
// editor). The folder is watched rather than the file, because most programs (this one included) save by
// renaming a new file over the old one, which a watch on the old file would miss. Events are debounced, then
// the content hash is compared with what this window last loaded or saved: its own saves are never reported,
// and one change is reported once.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DiskChange } from '../../../core/desktop/api';
import { diskHash } from './read-file';

export interface WatchTarget {
  readonly path: string;
  /** Hash of the version this window knows (loaded or saved); undefined if none. */
  knownHash(): string | undefined;
}

export class FileWatcher {
  private watcher: FSWatcher | null = null;
  private target: WatchTarget | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reported: string | null = null;
  private checking: Promise<void> = Promise.resolve();

  constructor(private readonly onChange: (path: string, change: DiskChange) => void, private readonly debounceMs = 250) {}

  /** Watches `target` (replacing any previous target); null stops watching. */
  watch(target: WatchTarget | null): void {
    if (target && this.target && target.path === this.target.path) {
      this.target = target;
      return;
    }
    this.close();
    this.target = target;
    if (!target) return;
    const name = basename(target.path);
    try {
      this.watcher = watch(dirname(target.path), { persistent: false }, (_event, file) => {
        if (file === null || file === name || String(file) === name) this.schedule();
      });
      this.watcher.on('error', () => this.stopWatcher());
    } catch {
      this.watcher = null; // the folder cannot be watched (gone, or a file system without events): focus checks remain
    }
  }

  /** Compares now (also called when the window gains focus, for file systems that send no events). */
  check(): Promise<void> {
    this.checking = this.checking.then(() => this.compare());
    return this.checking;
  }

  close(): void {
    this.stopWatcher();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.target = null;
    this.reported = null;
  }

  private stopWatcher(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check();
    }, this.debounceMs);
  }

  private async compare(): Promise<void> {
    const target = this.target;
    if (!target) return;
    let now: string | null;
    try {
      now = await diskHash(target.path);
    } catch {
      return; // unreadable for a moment (locked, mid-copy): the next event or focus check will tell
    }
    if (target !== this.target) return;
    const known = target.knownHash();
    if (now === known) {
      this.reported = null;
      return;
    }
    const key = now ?? 'deleted';
    if (key === this.reported) return;
    this.reported = key;
    this.onChange(target.path, now === null ? 'deleted' : 'modified');
  }
}
