// Open and save of scenario files behind opaque handles, with the native dialogs injected so this runs (and is
// tested) without Electron. Every file this window loads or saves has its content hash recorded; a checked save
// refuses to overwrite a file whose bytes on disk no longer match it (a teammate changed it) and says how.
import { basename } from 'node:path';
import { MAX_SCENARIO_BYTES, type DiskChange, type FileHandle, type OpenResult, type SaveMode, type SaveResult } from '../../../core/desktop/api';
import { sweepStaleTemps, writeFileAtomic } from './atomic-write';
import { describeFsError } from './fs-errors';
import { FileHandles } from './handles';
import { diskHash, hashBytes, readWithHash } from './read-file';

export interface Dialogs {
  /** Path the user chose to open, or null if cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Path the user chose to save to, or null if cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

export interface ScenarioFilesOptions {
  /** Called with every path opened or saved successfully (the recent-files list). */
  onRemember?: (path: string) => void;
  /** Called when a path could not be read because it is gone (drop it from the recent list). */
  onMissing?: (path: string) => void;
  maxBytes?: number;
}

export const SCENARIO_EXTENSION = '.hostfit.json';

class ChangedOnDisk extends Error {
  constructor(readonly change: DiskChange) {
    super(`the file was ${change} on disk`);
  }
}

export class ScenarioFiles {
  readonly handles = new FileHandles();
  /** Path → SHA-256 of the bytes this window last loaded from or wrote to it. */
  private readonly known = new Map<string, string>();
  private readonly maxBytes: number;

  constructor(private readonly dialogs: Dialogs, private readonly options: ScenarioFilesOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_SCENARIO_BYTES;
  }

  async open(): Promise<OpenResult> {
    const path = await this.dialogs.chooseOpenPath();
    if (!path) return { ok: false, reason: 'cancelled' };
    return this.readPath(path);
  }

  /** Reads a file the user named (dialog, command line, file association, recent list) and issues its handle. */
  async readPath(path: string): Promise<OpenResult> {
    try {
      const { bytes, hash } = await readWithHash(path, this.maxBytes);
      this.known.set(path, hash);
      this.options.onRemember?.(path);
      return { ok: true, handle: this.handles.issue(path), name: basename(path), bytes };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') this.options.onMissing?.(path);
      return { ok: false, reason: 'error', message: describeFsError(e, basename(path)) };
    }
  }

  async read(handle: FileHandle): Promise<OpenResult> {
    const path = this.handles.resolve(handle);
    if (!path) return { ok: false, reason: 'error', message: 'unknown file handle' };
    return this.readPath(path);
  }

  async save(handle: FileHandle, text: string, mode: SaveMode = 'checked'): Promise<SaveResult> {
    const path = this.handles.resolve(handle);
    if (!path) return { ok: false, reason: 'error', message: 'unknown file handle' };
    const expected = this.known.get(path);
    const check = mode === 'checked'
      ? async () => {
        // As late as possible: the new bytes are already safely in the temporary file.
        const now = await diskHash(path);
        if (now !== expected) throw new ChangedOnDisk(now === null ? 'deleted' : 'modified');
      }
      : undefined;
    return this.write(path, text, check);
  }

  async saveAs(suggestedName: string, text: string): Promise<SaveResult> {
    const name = suggestedName.endsWith('.json') ? suggestedName : `${suggestedName}${SCENARIO_EXTENSION}`;
    const path = await this.dialogs.chooseSavePath(name);
    if (!path) return { ok: false, reason: 'cancelled' };
    // The native save dialog already asked before replacing an existing file.
    return this.write(path, text);
  }

  /** Path behind a handle (main process only). */
  pathOf(handle: FileHandle): string | undefined {
    return this.handles.resolve(handle);
  }

  /** Hash of what this window last loaded from or saved to `path`. */
  knownHash(path: string): string | undefined {
    return this.known.get(path);
  }

  /**
   * A handle for `path` whose edits were based on the bytes with hash `baseHash` (a restored crash backup):
   * saving it is then checked against that version, so a teammate's change made meanwhile is not overwritten.
   */
  adopt(path: string, baseHash: string | null): FileHandle {
    if (baseHash) this.known.set(path, baseHash);
    else this.known.delete(path);
    return this.handles.issue(path);
  }

  private async write(path: string, text: string, beforeReplace?: () => Promise<void>): Promise<SaveResult> {
    await sweepStaleTemps(path).catch(() => 0);
    try {
      await writeFileAtomic(path, text, { beforeReplace });
      this.known.set(path, hashBytes(text));
      this.options.onRemember?.(path);
      return { ok: true, handle: this.handles.issue(path), name: basename(path) };
    } catch (e) {
      if (e instanceof ChangedOnDisk) return { ok: false, reason: 'conflict', change: e.change };
      return { ok: false, reason: 'error', message: describeFsError(e, basename(path)) };
    }
  }
}
